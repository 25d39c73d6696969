package io.writerflow.maven.engine.rollback;

import io.writerflow.maven.WriterflowException;

/** A rollback that will not start: nothing ran. The next step is the edge's to give. */
public final class RollbackRefused extends WriterflowException {

    public enum Reason {
        /** A migration to roll back has no down migration file. */
        NO_DOWN,
        /** Its down migration holds nothing to run (a template nobody filled in). */
        EMPTY_DOWN,
        /** A down migration destroys data, and the rollback was not told to accept that. */
        DATA_LOSS
    }

    private final Reason reason;
    private final String file;

    /** @param file the down migration the reason is about (the first, for several) */
    public RollbackRefused(Reason reason, String problem, String file) {
        super(problem, null);
        this.reason = reason;
        this.file = file;
    }

    public Reason reason() {
        return reason;
    }

    public String file() {
        return file;
    }
}
