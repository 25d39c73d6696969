package io.writerflow.maven.engine.steps;

import io.writerflow.maven.migrations.Migration;
import io.writerflow.maven.migrations.Statement;

import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The statements apply runs for one migration, the same on every transport: the migration's own, in order,
 * except {@code PRAGMA foreign_keys=...}, plus what keeps a rebuilt table's neighbours (see
 * {@link RebuildKeeping}).
 *
 * <p>Why the foreign-key settings are left out: apply turns enforcement off around every migration and checks
 * foreign keys once at its end, before it commits. Inside the migration's transaction SQLite ignores the
 * setting anyway, but Turso's engine obeys it, so drizzle's {@code PRAGMA foreign_keys=ON} after a first rebuild
 * would make the next rebuild's {@code DROP TABLE} fail on the server ("FOREIGN KEY constraint failed") or
 * cascade into child rows. Left out, the file and the server run the same statements.
 */
public final class MigrationSteps {

    /** Runs (or adds to a transaction) one step. */
    @FunctionalInterface
    public interface Runner {
        void run(Step step) throws SQLException;
    }

    private final Migration migration;
    private final SchemaSource schema;
    private final Supplier<Set<String>> knownIndexes;

    /**
     * @param schema       where the schema is read when a rebuild starts
     * @param knownIndexes the names (lower case) of the indexes the previous migration's snapshot declares,
     *                     asked only when the migration rebuilds a table
     */
    public MigrationSteps(Migration migration, SchemaSource schema, Supplier<Set<String>> knownIndexes) {
        this.migration = migration;
        this.schema = schema;
        this.knownIndexes = once(knownIndexes);
    }

    /** Asks {@code supplier} the first time only (a snapshot is read for the first rebuild, not for each). */
    private static <T> Supplier<T> once(Supplier<T> supplier) {
        AtomicReference<T> value = new AtomicReference<>();
        return () -> {
            if (value.get() == null) {
                value.set(supplier.get());
            }
            return value.get();
        };
    }

    public Migration migration() {
        return migration;
    }

    /** Runs each step in order, reading the schema from the source as each rebuild starts. */
    public void forEach(Runner runner) throws SQLException {
        RebuildScan scan = RebuildScan.of(migration.statements());
        Map<Integer, RebuildKeeping> renames = new HashMap<>();
        migration.statements().forEach((Statement statement) -> {
            if (StatementShape.of(statement.sql()) instanceof StatementShape.ForeignKeysSetting) {
                return;
            }
            int index = statement.number() - 1;
            Optional<RebuildScan.Rebuild> rebuild = scan.isEmpty() ? Optional.empty() : scan.droppingAt(index);
            if (rebuild.isPresent()) {
                Catalog catalog = schema.catalog();
                RebuildKeeping keeping = RebuildKeeping.plan(rebuild.get(), catalog, scan, knownIndexes.get(),
                        statement, schema.guard(catalog, rebuild.get().table()));
                for (Step step : keeping.before()) {
                    run(runner, step);
                }
                renames.put(keeping.rename(), keeping);
            }
            run(runner, Step.own(statement));
            RebuildKeeping renamed = renames.remove(index);
            if (renamed != null) {
                for (Step step : renamed.after(statement)) {
                    run(runner, step);
                }
            }
        });
    }

    private void run(Runner runner, Step step) throws SQLException {
        runner.run(step);
        schema.ran(step.sql());
    }
}
