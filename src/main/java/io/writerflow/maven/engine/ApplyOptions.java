package io.writerflow.maven.engine;

import io.writerflow.maven.engine.backup.BackupTarget;

import java.util.Optional;

/**
 * How an apply runs, beyond the directory it applies.
 *
 * @param backup where to write a restorable backup once the lock is held and the preflight has passed, only when
 *               a migration is pending and before it runs; a failed backup stops the apply before any migration
 */
public record ApplyOptions(Optional<BackupTarget> backup) {

    /** Apply only. */
    public static final ApplyOptions NONE = new ApplyOptions(Optional.empty());

    public static ApplyOptions backingUpInto(BackupTarget target) {
        return new ApplyOptions(Optional.of(target));
    }
}
