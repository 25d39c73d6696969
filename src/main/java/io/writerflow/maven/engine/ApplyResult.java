package io.writerflow.maven.engine;

import io.writerflow.maven.engine.backup.Backup;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What an apply did.
 *
 * @param applied the migrations applied by this run, in order
 * @param current the database's last applied migration afterwards, if any
 * @param backup  the backup written before the first migration ran, when one was asked for and one was pending
 */
public record ApplyResult(List<AppliedMigration> applied, Duration duration, Optional<String> current,
        Optional<Backup> backup) {

    public ApplyResult {
        applied = List.copyOf(applied);
    }

    /** Without a backup. */
    public ApplyResult(List<AppliedMigration> applied, Duration duration, Optional<String> current) {
        this(applied, duration, current, Optional.empty());
    }

    /**
     * One migration applied by this run.
     *
     * @param rowsChanged rows its statements inserted, updated or deleted (SQLite's {@code total_changes()},
     *                    triggers included), or -1 when unknown (a remote database runs them only at commit)
     */
    public record AppliedMigration(String tag, int statements, Duration duration, long rowsChanged) {

        public AppliedMigration(String tag, int statements, Duration duration) {
            this(tag, statements, duration, -1);
        }
    }
}
