package io.writerflow.maven.pull;

import io.writerflow.maven.migrations.MigrationLayout;
import io.writerflow.maven.migrations.MigrationPrefix;
import io.writerflow.maven.schema.Schema;
import io.writerflow.maven.schema.drizzle.SchemaInput;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What {@code writerflow:pull} was asked to do.
 *
 * @param database          the database's schema, as the introspector read it
 * @param source            how messages and the code's header name the database (never with a token)
 * @param schema            the schema file to write (one file), as generate will read it
 * @param schemaSetting     the setting that chose the file, for messages
 * @param migrationsSetting the setting that chose the migrations directory, for messages
 * @param force             {@code writerflow.force}: overwrite the schema file, pull into a directory with migrations
 * @param now               the baseline's time (the journal's {@code when}, the folder's timestamp), epoch millis
 */
public record PullRequest(Schema database, String source, SchemaInput schema, String schemaSetting,
                          PullLanguage language, Path migrationsDir, String migrationsDisplay,
                          String migrationsSetting, Optional<MigrationLayout> layout, MigrationPrefix prefix,
                          boolean breakpoints, boolean force, long now) {

    public static final String FORCE = "writerflow.force";
    /** The baseline migration's name: {@code 0000_baseline.sql}, or {@code <timestamp>_baseline/}. */
    public static final String BASELINE_NAME = "baseline";

    public Path schemaFile() {
        return schema.files().get(0);
    }
}
