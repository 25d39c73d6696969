package io.writerflow.maven.pull;

import io.writerflow.maven.migrations.WrittenMigration;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What pull wrote.
 *
 * @param migration       the baseline migration, empty when the directory's latest snapshot already had the schema
 * @param hadMigrations   whether the directory had migrations before (only with {@code writerflow.force})
 * @param notes           what the database has that the code does not say, one line each
 */
public record PullResult(Path schemaFile, int tables, int views, Optional<WrittenMigration> migration,
                         boolean hadMigrations, List<String> notes) {

    public PullResult {
        notes = List.copyOf(notes);
    }
}
