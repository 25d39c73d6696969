package io.writerflow.maven.fleet;

import io.writerflow.maven.engine.ApplyListener;
import io.writerflow.maven.engine.ApplyOptions;
import io.writerflow.maven.engine.ApplyResult;
import io.writerflow.maven.engine.EngineSettings;
import io.writerflow.maven.engine.MigrationEngine;
import io.writerflow.maven.engine.MigrationState;
import io.writerflow.maven.engine.MigrationStatus;
import io.writerflow.maven.engine.StatusReport;
import io.writerflow.maven.engine.drift.Drift;
import io.writerflow.maven.engine.rollback.RollbackRequest;
import io.writerflow.maven.migrations.Migration;
import io.writerflow.maven.migrations.MigrationDirectory;
import io.writerflow.maven.status.StatusGates;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The engine's one-database operations as fleet operations: each database gets its own {@link MigrationEngine}
 * from its own {@link EngineSettings}, and the one call that goal makes for one database, with its lock and
 * atomic migrations. The migrations directory is read once for the fleet.
 */
public final class EngineOperations {

    private final Function<FleetTarget, EngineSettings> settings;
    private final MigrationDirectory directory;

    /** @param settings each database's engine settings */
    public EngineOperations(Function<FleetTarget, EngineSettings> settings, MigrationDirectory directory) {
        this.settings = settings;
        this.directory = directory;
    }

    /** The migrations directory, read once for the fleet. */
    public MigrationDirectory directory() {
        return directory;
    }

    private MigrationEngine engine(FleetTarget target) {
        return new MigrationEngine(settings.apply(target));
    }

    /** {@code apply} on each database: the pending migrations (up to the options' target). */
    public FleetOperation apply(ApplyOptions options) {
        return target -> {
            ApplyResult result = engine(target).apply(directory, options, migration -> { });
            List<String> applied = result.applied().stream().map(ApplyResult.AppliedMigration::tag).toList();
            Optional<String> before = applied.isEmpty() ? result.current() : previous(applied.get(0));
            return new FleetOperation.Outcome(before, result.current(), applied);
        };
    }

    /** {@code rollback} on each database. */
    public FleetOperation rollback(RollbackRequest request) {
        return target -> {
            ApplyResult result = engine(target).rollback(directory, request, migration -> { });
            List<String> undone = result.applied().stream().map(ApplyResult.AppliedMigration::tag).toList();
            Optional<String> before = undone.isEmpty() ? result.current() : Optional.of(undone.get(0));
            return new FleetOperation.Outcome(before, result.current(), undone);
        };
    }

    /**
     * {@code status} on each database: its pending migrations, its drift, and the gates it fails (the one-database
     * {@link StatusGates}); {@code scope} narrows the report (to a target). A gate does not fail the database: it
     * was read fine, and the fleet's gate ({@link FleetGates}) names it as behind or drifted.
     */
    public FleetOperation status(UnaryOperator<StatusReport> scope, StatusGates gates) {
        return target -> {
            StatusReport report = scope.apply(engine(target).status(directory));
            List<String> pending = report.migrations().stream().filter(m -> m.state() == MigrationState.PENDING)
                    .map(MigrationStatus::tag).toList();
            return new FleetOperation.Outcome(report.current(), report.current(), pending, drift(report),
                    gates.evaluate(report).failures());
        };
    }

    /** {@code 2 differences (compared with ...): table users: ...}: the count and the first one. */
    static Optional<String> drift(StatusReport report) {
        List<Drift> differences = report.drift().differences();
        if (differences.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(differences.size() + " difference" + (differences.size() == 1 ? "" : "s") + ", first: "
                + differences.get(0).message());
    }

    /** The migration before {@code tag} in the directory, if any. */
    private Optional<String> previous(String tag) {
        List<String> tags = directory.migrations().stream().map(Migration::tag).toList();
        int at = tags.indexOf(tag);
        return at > 0 ? Optional.of(tags.get(at - 1)) : Optional.empty();
    }
}
