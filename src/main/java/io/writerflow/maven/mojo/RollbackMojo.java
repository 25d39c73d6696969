package io.writerflow.maven.mojo;

import io.writerflow.maven.WriterflowException;
import io.writerflow.maven.backup.DryRun;
import io.writerflow.maven.engine.ApplyResult;
import io.writerflow.maven.engine.ApplyResult.AppliedMigration;
import io.writerflow.maven.engine.MigrationEngine;
import io.writerflow.maven.engine.rollback.RollbackRefused;
import io.writerflow.maven.engine.rollback.RollbackRequest;
import io.writerflow.maven.migrations.MigrationDirectory;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.util.Optional;

/**
 * Rolls back applied migrations by their down migrations ({@code NNNN_tag.down.sql}, or {@code down.sql} in a
 * migration folder, which generate writes), newest first: each together with its record in the history (who,
 * when, how long) and the removal of drizzle's row, under the migration lock, in one transaction (one request
 * on a remote database). Rolled back, a migration is pending again, and apply runs it again. Needs
 * {@code target} or {@code steps}.
 */
@Mojo(name = "rollback", threadSafe = true, requiresProject = false)
public class RollbackMojo extends AbstractDatabaseMojo {

    /**
     * Rolls back every migration applied after this one: its tag ({@code 0003_add_posts}), the number the tag
     * starts with ({@code 3}) or its version. This migration itself stays applied.
     */
    @Parameter(property = "writerflow.target")
    String target;

    /** Rolls back the last this many applied migrations (instead of {@code target}). */
    @Parameter(property = "writerflow.steps")
    Integer steps;

    /**
     * Lets down migrations that destroy data run: a table or column the migration created, with what was written
     * into it since. Without it, such a rollback stops before anything runs and lists what would be lost, with
     * the rows read from the database.
     */
    @Parameter(property = "writerflow.acceptDataLoss", defaultValue = "false")
    boolean acceptDataLoss;

    /**
     * Rolls back a throwaway copy of the database instead (a remote one is dumped into a temporary file) and
     * reports per migration what its down migration would do, the data it would destroy included, or the
     * statement that fails. Holds the migration lock meanwhile, as rollback does.
     */
    @Parameter(property = "writerflow.dryRun", defaultValue = "false")
    boolean dryRun;

    /**
     * With {@code targets} (a fleet): the JSON report's file. Default:
     * {@code target/writerflow/fleet-<UTC time>.json}.
     */
    @Parameter(property = "writerflow.output")
    File output;

    @Override
    Optional<File> fleetOutput() {
        return Optional.ofNullable(output);
    }

    @Override
    String goal() {
        return "rollback";
    }

    @Override
    void run() {
        if (fleet()) {
            refuseFleetDryRun(dryRun, "nothing was rolled back");
            runFleet("rollback", operations -> operations.rollback(request(operations.directory())));
            return;
        }
        MigrationEngine engine = engine();
        MigrationDirectory directory = directory(engine);
        RollbackRequest request = request(directory);
        if (dryRun) {
            dryRun(engine, directory, request);
            return;
        }
        ApplyResult result = engine.rollback(directory, request, migration -> getLog().info(String.format(
                "Rolled back %s (%d statement%s) in %d ms", migration.tag(), migration.statements(),
                migration.statements() == 1 ? "" : "s", migration.duration().toMillis())));
        String at = result.current().orElse("no migration");
        int n = result.applied().size();
        getLog().info(n == 0 ? "Nothing to roll back: database " + engine.database() + " is at " + at
                + request.target().map(t -> ", and no migration after " + t.tag() + " is applied").orElse("") + "."
                : n + " migration" + (n == 1 ? "" : "s") + " rolled back in " + result.duration().toMillis()
                + " ms; database at " + at + " (apply runs " + (n == 1 ? "it" : "them") + " again)");
    }

    private RollbackRequest request(MigrationDirectory directory) {
        boolean named = target != null && !target.isBlank();
        if (named == (steps != null)) {
            throw new WriterflowException(named ? "writerflow:rollback takes writerflow.target or writerflow.steps,"
                    + " not both." : "writerflow:rollback needs to know how far to go back; nothing was rolled back.",
                    "Run it with -Dwriterflow.target=<tag or number> (every migration applied after it is rolled"
                            + " back) or -Dwriterflow.steps=N (the last N applied).");
        }
        if (!named && steps < 1) {
            throw new WriterflowException("writerflow.steps=" + steps + " rolls back nothing.",
                    "Use -Dwriterflow.steps=1 or more.");
        }
        return named ? RollbackRequest.after(directory.find("writerflow.target", target), acceptDataLoss)
                : RollbackRequest.last(steps, acceptDataLoss);
    }

    private void dryRun(MigrationEngine engine, MigrationDirectory directory, RollbackRequest request) {
        DryRunLog said = new DryRunLog(getLog(), "roll back", "on");
        said.result(new DryRun(settings(), getLog()::info).run(directory, (copy, listener) -> {
            try {
                return copy.rollback(directory, request, listener);
            } catch (RollbackRefused refused) {
                if (refused.reason() != RollbackRefused.Reason.DATA_LOSS) {
                    throw refused;
                }
                // said, then carried on: the dry run shows what accepting the loss would do
                getLog().warn(refused.problem().replace(" Nothing was rolled back.", "")
                        + " (-Dwriterflow.acceptDataLoss=true lets it run)");
                return copy.rollback(directory, new RollbackRequest(request.target(), request.steps(), true),
                        listener);
            }
        }, said::migration), engine.database());
    }
}
