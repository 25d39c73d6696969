package io.writerflow.maven.engine;

import io.writerflow.maven.engine.ApplyResult.AppliedMigration;
import io.writerflow.maven.engine.backup.Backup;

/**
 * Told what an apply did as it happens, so that a caller can say it before the apply ends, or fails: the backup's
 * file is worth knowing most when a migration after it fails.
 */
@FunctionalInterface
public interface ApplyListener {

    /** A migration has committed. */
    void applied(AppliedMigration migration);

    /** The backup asked for by {@link ApplyOptions#backup()} is written; no migration has run yet. */
    default void backedUp(Backup backup) {
    }
}
