package io.writerflow.maven.check;

import io.writerflow.maven.engine.MigrationEngine;
import io.writerflow.maven.lint.LintSettings;
import io.writerflow.maven.migrations.MigrationsLocation;
import io.writerflow.maven.schema.drizzle.DrizzleSchemaLoader;
import io.writerflow.maven.schema.drizzle.SchemaInput;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * What {@link ProjectCheck} checks. The schema and the database are looked up only when the check gets to them,
 * and their lookups may fail: a schema setting that matches nothing is one of the problems, a database that
 * cannot be reached is skipped (check must pass on a laptop offline).
 *
 * @param migrations    the migrations directory and the setting that named it
 * @param schema        the schema compared with the latest snapshot; empty when the setting names no file
 * @param missingSchema how to name the schema when there is none, in the line that says the comparison is skipped
 * @param schemaLoader  evaluates the schema
 * @param database      the engine on the database apply would use in this build
 * @param requireDown   a migration without a down migration, or with an empty one, is a problem
 *                      ({@code writerflow.requireDown}), not a warning
 * @param lint          how to lint the migrations under review (writerflow:lint's settings); empty: no lint
 */
public record CheckSettings(MigrationsLocation migrations, Supplier<Optional<SchemaInput>> schema,
                            String missingSchema, DrizzleSchemaLoader schemaLoader,
                            Supplier<MigrationEngine> database, boolean requireDown, Optional<LintSettings> lint) {

    /** Settings without a lint. */
    public CheckSettings(MigrationsLocation migrations, Supplier<Optional<SchemaInput>> schema, String missingSchema,
                         DrizzleSchemaLoader schemaLoader, Supplier<MigrationEngine> database, boolean requireDown) {
        this(migrations, schema, missingSchema, schemaLoader, database, requireDown, Optional.empty());
    }

    /** Settings under which missing down migrations are warnings. */
    public CheckSettings(MigrationsLocation migrations, Supplier<Optional<SchemaInput>> schema, String missingSchema,
                         DrizzleSchemaLoader schemaLoader, Supplier<MigrationEngine> database) {
        this(migrations, schema, missingSchema, schemaLoader, database, false);
    }
}
