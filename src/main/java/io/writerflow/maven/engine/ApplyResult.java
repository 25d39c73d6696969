package io.writerflow.maven.engine;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What an apply did.
 *
 * @param applied the migrations applied by this run, in order
 * @param current the database's last applied migration afterwards, if any
 */
public record ApplyResult(List<AppliedMigration> applied, Duration duration, Optional<String> current) {

    public ApplyResult {
        applied = List.copyOf(applied);
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
