package io.writerflow.maven.generate;

import io.writerflow.maven.schema.Schema;
import io.writerflow.maven.schema.drizzle.SchemaInput;
import io.writerflow.maven.migrations.MigrationLayout;
import io.writerflow.maven.migrations.MigrationPrefix;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What {@code writerflow:generate} was asked to do.
 *
 * @param schema            the schema files and how to read them
 * @param migrationsDisplay how the drizzle directory is named in messages
 * @param name              the tag without its index ({@code -Dwriterflow.name}); empty: describe the change
 * @param custom            write an empty migration for hand-written SQL ({@code -Dwriterflow.custom})
 * @param renames           the declared renames ({@code -Dwriterflow.renames}), empty for none
 * @param acceptDrops       drop and create where a rename is possible but was not declared
 * @param now               the time of generation (the journal's {@code when}, the folder's timestamp), in epoch
 *                          milliseconds
 * @param layout            {@code writerflow.layout} for a directory without migrations; empty for {@code auto}
 *                          (the directory's own layout, else the journal)
 * @param downs             write the migration's down migration beside it ({@code writerflow.downs} not
 *                          {@code false})
 * @param base              the schema the migration starts from instead of the latest snapshot's: the live
 *                          database's for {@code writerflow.from=database}. The snapshot written is still the
 *                          schema code's, on top of the latest one, so the chain stays whole
 */
public record GenerateRequest(SchemaInput schema, Path migrationsDir, String migrationsDisplay,
                              Optional<String> name, boolean custom, String renames, boolean acceptDrops, long now,
                              Optional<MigrationLayout> layout, MigrationPrefix prefix, boolean breakpoints,
                              boolean downs, Optional<Schema> base) {

    public GenerateRequest(SchemaInput schema, Path migrationsDir, String migrationsDisplay, Optional<String> name,
                           boolean custom, String renames, boolean acceptDrops, long now,
                           Optional<MigrationLayout> layout, MigrationPrefix prefix, boolean breakpoints,
                           boolean downs) {
        this(schema, migrationsDir, migrationsDisplay, name, custom, renames, acceptDrops, now, layout, prefix,
                breakpoints, downs, Optional.empty());
    }

    /** This request, starting from {@code from} instead of the latest snapshot's schema. */
    public GenerateRequest from(Schema from) {
        return new GenerateRequest(schema, migrationsDir, migrationsDisplay, name, custom, renames, acceptDrops, now,
                layout, prefix, breakpoints, downs, Optional.of(from));
    }

    /** A request that writes the migration's down migration. */
    public GenerateRequest(SchemaInput schema, Path migrationsDir, String migrationsDisplay, Optional<String> name,
                           boolean custom, String renames, boolean acceptDrops, long now,
                           Optional<MigrationLayout> layout, MigrationPrefix prefix, boolean breakpoints) {
        this(schema, migrationsDir, migrationsDisplay, name, custom, renames, acceptDrops, now, layout, prefix,
                breakpoints, true);
    }

    /** A request with drizzle-kit's default naming: index prefixes, statement breakpoints. */
    public GenerateRequest(SchemaInput schema, Path migrationsDir, String migrationsDisplay, Optional<String> name,
                           boolean custom, String renames, boolean acceptDrops, long now,
                           Optional<MigrationLayout> layout) {
        this(schema, migrationsDir, migrationsDisplay, name, custom, renames, acceptDrops, now, layout,
                MigrationPrefix.INDEX, true);
    }

    /** A request for a schema of one file, read in its directory's environment, with {@code layout=auto}. */
    public GenerateRequest(Path schemaFile, String schemaDisplay, Path migrationsDir, String migrationsDisplay,
                           Optional<String> name, boolean custom, String renames, boolean acceptDrops, long now) {
        this(SchemaInput.of(schemaFile, schemaDisplay), migrationsDir, migrationsDisplay, name, custom, renames,
                acceptDrops, now, Optional.empty());
    }
}
