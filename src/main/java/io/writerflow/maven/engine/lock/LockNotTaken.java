package io.writerflow.maven.engine.lock;

import io.writerflow.maven.WriterflowException;

/**
 * Another apply held the migration lock for longer than this one would wait. Nothing was changed.
 *
 * @see MigrationLock
 */
public final class LockNotTaken extends WriterflowException {

    private final boolean leased;

    /** @param leased whether the lock is a lease in the database, which a crashed holder loses by itself */
    public LockNotTaken(String problem, boolean leased) {
        super(problem, null);
        this.leased = leased;
    }

    public boolean leased() {
        return leased;
    }
}
