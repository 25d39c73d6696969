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
 * @param outOfOrder whether to run migrations that sort before the latest applied one ({@code writerflow.outOfOrder}),
 *               once a replay shows they do not conflict with the later ones
 */
public record ApplyOptions(Optional<BackupTarget> backup, Optional<Migration> target, boolean outOfOrder) {

    /** Apply every pending migration, without a backup. */
    public static final ApplyOptions NONE = new ApplyOptions(Optional.empty(), Optional.empty(), false);

    public ApplyOptions(Optional<BackupTarget> backup, Optional<Migration> target) {
        this(backup, target, false);
    }

    public ApplyOptions outOfOrder(boolean allowed) {
        return new ApplyOptions(backup, target, allowed);
    }

    public static ApplyOptions backingUpInto(BackupTarget target) {
        return NONE.withBackup(Optional.of(target));
    }

    public ApplyOptions withBackup(Optional<BackupTarget> into) {
        return new ApplyOptions(into, target, outOfOrder);
    }

    public ApplyOptions upTo(Optional<Migration> last) {
        return new ApplyOptions(backup, last, outOfOrder);
    }
}
