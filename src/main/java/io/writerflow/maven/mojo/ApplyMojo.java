package io.writerflow.maven.mojo;

import io.writerflow.maven.backup.DryRun;
import io.writerflow.maven.engine.ApplyListener;
import io.writerflow.maven.engine.ApplyOptions;
import io.writerflow.maven.engine.ApplyResult;
import io.writerflow.maven.engine.ApplyResult.AppliedMigration;
import io.writerflow.maven.engine.DrizzleHistory;
import io.writerflow.maven.engine.EngineSettings;
import io.writerflow.maven.engine.MigrationEngine;
import io.writerflow.maven.engine.backup.Backup;
import io.writerflow.maven.engine.backup.BackupTarget;
import io.writerflow.maven.migrations.Migration;
import io.writerflow.maven.migrations.MigrationDirectory;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Applies the pending migrations of the drizzle directory, each atomically, recording them in the history.
 * Each migration runs with foreign-key enforcement off (its own {@code PRAGMA foreign_keys} statements are not
 * sent) and is checked for orphaned rows at its end; a table rebuild in it keeps the table's triggers,
 * hand-written indexes, {@code AUTOINCREMENT} sequence and the views reading it, read from the database as the
 * rebuild starts. With {@code writerflow.backup} it first writes a restorable backup; with
 * {@code writerflow.dryRun} it applies them to a throwaway copy instead and reports what would happen.
 */
@Mojo(name = "apply", threadSafe = true, requiresProject = false)
public class ApplyMojo extends AbstractDatabaseMojo {

    /**
     * Writes a restorable backup of the database into {@code backupDir} before the first pending migration runs
     * (under the migration lock; only when a migration is pending): a {@code .sqlite} copy of a file, an
     * {@code .sql} dump of a remote database. A failed backup stops the apply before any migration runs.
     * Recommended for production; restore with {@code writerflow:restore -Dwriterflow.from=FILE}.
     */
    @Parameter(property = "writerflow.backup", defaultValue = "false")
    boolean backup;

    /**
     * Where {@code backup} writes, as {@code <file>-<UTC time>.sqlite} or {@code <host>-<UTC time>.sql}. Default:
     * {@code .writerflow/backups} in the project's directory, outside {@code target/} so that {@code mvn clean}
     * keeps the backups (keep {@code .writerflow/} out of version control).
     */
    @Parameter(property = "writerflow.backupDir")
    File backupDir;

    /**
     * Applies the pending migrations to a throwaway copy of the database (a remote one is dumped into a
     * temporary file) and reports per migration its statements, rows changed and duration, or the statement
     * that fails (file:line, and the build fails). It holds the migration lock, as apply does, from before the
     * copy until the report, so no apply changes the database meanwhile; apart from that lock the database is
     * only read. A remote database's copy runs on SQLite, which the report says, with what that cannot prove.
     */
    @Parameter(property = "writerflow.dryRun", defaultValue = "false")
    boolean dryRun;

    /**
     * Applies only up to this migration (Flyway's {@code target}): its tag ({@code 0003_add_posts}), the number
     * the tag starts with ({@code 3}) or its version. The migrations after it stay pending for a later apply. A
     * database already at or past it is left as it is: apply never undoes a migration.
     */
    @Parameter(property = "writerflow.target")
    String target;

    /**
     * Runs migrations that sort before the database's latest applied one (Flyway's {@code outOfOrder}): a branch
     * merged after another branch's migration was applied. Before anything runs, the migrations are replayed on a
     * local in-memory SQLite database, once in the order the database ran them followed by the out-of-order ones
     * and once in version order; apply refuses, naming the migration, the later one and the table, when the
     * replay fails or the two orders build different schemas. Off: apply and status name such a migration and
     * this setting, and apply refuses.
     */
    @Parameter(property = "writerflow.outOfOrder", defaultValue = "false")
    boolean outOfOrder;

    /**
     * Whether migrations are also recorded in drizzle's own history table ({@code __drizzle_migrations}, or
     * drizzle.config's {@code migrations.table}), in the transaction that records them in {@code historyTable},
     * exactly as drizzle-orm's migrator does, so that drizzle-kit migrate or an app's {@code migrate()} can run
     * next without running them again. {@code auto}: when the database has that table; {@code always}: creating
     * it when missing (with rows for the migrations applied before); {@code never}.
     */
    @Parameter(property = "writerflow.drizzleHistory", defaultValue = "auto")
    String drizzleHistory;

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
    DrizzleHistory drizzleHistory() {
        return DrizzleHistory.parse(drizzleHistory, "writerflow.drizzleHistory");
    }

    @Override
    String goal() {
        return "apply";
    }

    @Override
    void run() {
        if (fleet()) {
            refuseFleetDryRun(dryRun, "nothing was run");
            runFleet("apply", operations -> operations.apply(options(operations.directory())));
            return;
        }
        EngineSettings settings = settings();
        MigrationEngine engine = new MigrationEngine(settings, getLog()::info);
        MigrationDirectory directory = directory(engine);
        Optional<Migration> last = target(directory);
        if (dryRun) {
            dryRun(settings, engine, directory, last);
            return;
        }
        ApplyOptions options = options(directory);
        ApplyResult result = engine.apply(directory, options, new ApplyListener() {
            @Override
            public void applied(AppliedMigration migration) {
                getLog().info(String.format("Applied %s (%d statement%s) in %d ms", migration.tag(),
                        migration.statements(), migration.statements() == 1 ? "" : "s",
                        migration.duration().toMillis()));
            }

            @Override
            public void backedUp(Backup written) {
                getLog().info("Backup of " + engine.database() + " written to " + display(written.file()) + " ("
                        + written.size() + ", " + written.rows() + " rows in " + written.duration().toMillis()
                        + " ms)");
            }
        });
        String at = result.current().orElse("no migration");
        String beyond = last.map(t -> beyondTarget(directory, t, result.current())).orElse("");
        if (result.applied().isEmpty()) {
            getLog().info(last.isPresent() ? "Nothing to apply up to " + last.get().tag() + ": database "
                    + engine.database() + " is at " + at + beyond + "."
                    : "Nothing to apply: database " + engine.database() + " is up to date at " + at + ".");
        } else {
            int n = result.applied().size();
            getLog().info(n + " migration" + (n == 1 ? "" : "s") + " applied in " + result.duration().toMillis()
                    + " ms; database at " + at + beyond);
        }
    }

    private ApplyOptions options(MigrationDirectory directory) {
        return ApplyOptions.NONE.upTo(target(directory)).outOfOrder(outOfOrder).withBackup(backup
                ? Optional.of(new BackupTarget(backupDir().toPath(), Clock.systemUTC())) : Optional.empty());
    }

    private Optional<Migration> target(MigrationDirectory directory) {
        return target == null || target.isBlank() ? Optional.empty()
                : Optional.of(directory.find("writerflow.target", target));
    }

    /** What the target leaves out, in the summary line: the migrations after it, or that the database is past it. */
    private static String beyondTarget(MigrationDirectory directory, Migration last, Optional<String> current) {
        List<Migration> all = directory.migrations();
        int targetAt = all.indexOf(last);
        int currentAt = current.map(tag -> all.stream().map(Migration::tag).toList().indexOf(tag)).orElse(-1);
        if (currentAt > targetAt) {
            return " (past the target " + last.tag() + "; apply never undoes a migration)";
        }
        int after = all.size() - targetAt - 1;
        return after == 0 ? "" : "; " + after + " migration" + (after == 1 ? "" : "s") + " after the target left"
                + " pending";
    }

    private File backupDir() {
        return backupDir != null ? backupDir : base().resolve(".writerflow/backups").toFile();
    }

    private void dryRun(EngineSettings settings, MigrationEngine engine, MigrationDirectory directory,
            Optional<Migration> last) {
        DryRunLog said = new DryRunLog(getLog(), "apply", "to");
        // the copy runs what apply would: up to the target, out of order when asked
        ApplyOptions options = ApplyOptions.NONE.upTo(last).outOfOrder(outOfOrder);
        said.result(new DryRun(settings, getLog()::info).run(directory,
                (copy, listening) -> copy.apply(directory, options, listening), said::migration), engine.database());
    }
}
