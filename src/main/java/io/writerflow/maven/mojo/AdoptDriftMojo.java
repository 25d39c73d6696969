package io.writerflow.maven.mojo;

import io.writerflow.maven.engine.DrizzleHistory;
import io.writerflow.maven.engine.MigrationEngine;
import io.writerflow.maven.generate.GenerateRequest;
import io.writerflow.maven.generate.GenerateResult;
import io.writerflow.maven.generate.MigrationGenerator;
import io.writerflow.maven.migrations.Migration;
import io.writerflow.maven.migrations.MigrationPrefix;
import io.writerflow.maven.migrations.WrittenMigration;
import io.writerflow.maven.schema.drizzle.SchemaInput;
import io.writerflow.maven.settings.DrizzleConfig;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.util.Optional;

/**
 * Adopts changes made to a database out of band (drift) as a migration, baseline's counterpart for drift: writes
 * the migration that takes the latest snapshot's schema to the database's live schema (its SQL is the out-of-band
 * change, its snapshot the live schema, on top of the latest one) and records it in this database's history as
 * applied without running it. Every other database runs it for real on its next apply, so all converge. Only for a
 * database with every migration applied; the database is otherwise only read. Afterwards declare the change in the
 * schema code too, or the next generate undoes it. To undo drift instead, use
 * {@code writerflow:generate -Dwriterflow.from=database}.
 */
@Mojo(name = "adopt-drift", threadSafe = true, requiresProject = false)
public class AdoptDriftMojo extends AbstractDatabaseMojo {

    /** The migration's name (after {@code NNNN_}, or the folder's timestamp); by default a description of its changes. */
    @Parameter(property = "writerflow.name")
    String name;

    /**
     * Renamed tables and columns in the database, comma-separated: {@code old:new} for a table,
     * {@code table.old:new} for a column. Drift never guesses renames: without one, a renamed column is a possible
     * rename and adopt-drift stops, listing the candidates (or drops and adds it with {@code acceptDrops}).
     */
    @Parameter(property = "writerflow.renames")
    String renames;

    /** Drops and creates where a rename is possible but was not declared: the dropped data is lost elsewhere. */
    @Parameter(property = "writerflow.acceptDrops", defaultValue = "false")
    boolean acceptDrops;

    /** As apply's: also record the migration in drizzle's own history table ({@code auto}, {@code always}, {@code never}). */
    @Parameter(property = "writerflow.drizzleHistory", defaultValue = "auto")
    String drizzleHistory;

    @Override
    DrizzleHistory drizzleHistory() {
        return DrizzleHistory.parse(drizzleHistory, "writerflow.drizzleHistory");
    }

    @Override
    String goal() {
        return "adopt-drift";
    }

    @Override
    void run() {
        MigrationEngine engine = engine();
        Optional<DrizzleConfig> config = drizzleConfig();
        MigrationPrefix prefix = config.flatMap(c -> c.prefix().map(p -> MigrationPrefix.parse(p,
                "migrations.prefix in " + c.shownAs()))).orElse(MigrationPrefix.INDEX);
        boolean breakpoints = config.flatMap(DrizzleConfig::breakpoints).orElse(true);
        GenerateRequest request = new GenerateRequest(SchemaInput.of(migrationsDir(), "the live schema of "
                + engine.database()), migrationsDir(), display(migrationsDir()),
                Optional.ofNullable(name).filter(n -> !n.isBlank()), false, renames == null ? "" : renames,
                acceptDrops, System.currentTimeMillis(), Optional.empty(), prefix, breakpoints, true);
        WrittenMigration[] wrote = new WrittenMigration[1]; // what the engine's callback wrote, for the log
        Optional<Migration> adopted = engine.adoptDrift(directory(engine), live -> {
            GenerateResult result = new MigrationGenerator(schemaLoader()).recordDrift(request, live);
            result.written().ifPresent(w -> wrote[0] = w);
            return result.written().map(w -> w.entry().tag());
        });
        if (adopted.isEmpty()) {
            getLog().info("No drift: database " + engine.database() + " matches the latest snapshot. Nothing was"
                    + " written.");
            return;
        }
        getLog().info("Wrote " + display(wrote[0].sql()) + " and " + display(wrote[0].snapshot()) + ": the changes"
                + " made to " + engine.database() + " out of band");
        getLog().info("Recorded " + adopted.get().tag() + " in " + engine.database() + "'s history as applied,"
                + " without running it; other databases run it on their next apply. Declare the change in the schema"
                + " code too, or the next generate undoes it.");
    }
}
