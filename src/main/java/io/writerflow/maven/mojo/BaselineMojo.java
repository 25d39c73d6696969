package io.writerflow.maven.mojo;

import io.writerflow.maven.engine.DrizzleHistory;
import io.writerflow.maven.engine.MigrationEngine;
import io.writerflow.maven.migrations.Migration;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Marks an existing database as being at a given migration: that migration and every one before it are
 * recorded as applied without running them. For a database created before its migrations were managed
 * here (by hand, or by a tool without a history); refused when the database already has a history.
 */
@Mojo(name = "baseline", threadSafe = true, requiresProject = false)
public class BaselineMojo extends AbstractDatabaseMojo {

    /** The migration the database already matches: its tag ({@code 0003_add_scores}) or its idx ({@code 3}). */
    @Parameter(property = "writerflow.baselineAt", required = true)
    String baselineAt;

    /**
     * Whether migrations are also recorded in drizzle's own history table ({@code __drizzle_migrations}, or
     * drizzle.config's {@code migrations.table}), in the transaction that records them in {@code historyTable},
     * exactly as drizzle-orm's migrator does, so that drizzle-kit migrate or an app's {@code migrate()} can run
     * next without running them again. {@code auto}: when the database has that table; {@code always}: creating
     * it when missing (with rows for the migrations applied before); {@code never}.
     */
    @Parameter(property = "writerflow.drizzleHistory", defaultValue = "auto")
    String drizzleHistory;

    @Override
    DrizzleHistory drizzleHistory() {
        return DrizzleHistory.parse(drizzleHistory, "writerflow.drizzleHistory");
    }

    @Override
    String goal() {
        return "baseline";
    }

    @Override
    void run() {
        MigrationEngine engine = engine();
        List<Migration> marked = engine.baseline(directory(engine), baselineAt.strip());
        getLog().info("Baselined " + engine.database() + " at " + marked.get(marked.size() - 1).tag() + ": recorded "
                + marked.stream().map(Migration::tag).collect(Collectors.joining(", ")) + " as applied, without"
                + " running them.");
    }
}
