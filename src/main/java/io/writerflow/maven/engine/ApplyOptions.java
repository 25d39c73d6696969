package io.writerflow.maven.engine;

import io.writerflow.maven.engine.backup.BackupTarget;
import io.writerflow.maven.migrations.Migration;

import java.util.Optional;

/**
 * How an apply runs, beyond the directory it applies.
 *
 * @param backup where to write a restorable backup once the lock is held and the preflight has passed, only when
 *               a migration is pending and before it runs; a failed backup stops the apply before any migration
 * @param target the last migration to apply ({@code writerflow.target}); the ones after it stay pending
 */
public record ApplyOptions(Optional<BackupTarget> backup, Optional<Migration> target) {

    /** Apply every pending migration, without a backup. */
    public static final ApplyOptions NONE = new ApplyOptions(Optional.empty(), Optional.empty());

    public static ApplyOptions backingUpInto(BackupTarget target) {
        return NONE.withBackup(Optional.of(target));
    }

    public ApplyOptions withBackup(Optional<BackupTarget> into) {
        return new ApplyOptions(into, target);
    }

    public ApplyOptions upTo(Optional<Migration> last) {
        return new ApplyOptions(backup, last);
    }
}
