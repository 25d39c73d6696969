package io.writerflow.maven.engine.backup;

import io.writerflow.maven.WriterflowException;

/** The backup before the first pending migration could not be written; no migration was applied. */
public final class BackupFailed extends WriterflowException {

    private final boolean inMemory;

    /** @param inMemory whether the database is in memory, with nothing to keep, rather than the writing failing */
    public BackupFailed(String problem, boolean inMemory, Throwable cause) {
        super(problem, null, cause);
        this.inMemory = inMemory;
    }

    public boolean inMemory() {
        return inMemory;
    }
}
