package io.writerflow.maven.migrations;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A migration generate added to a directory: its entry and the files written.
 *
 * @param down its down migration, when one was written (see {@link DownFile})
 */
public record WrittenMigration(MigrationEntry entry, Path sql, Path snapshot, Optional<Path> down) {

    public WrittenMigration(MigrationEntry entry, Path sql, Path snapshot) {
        this(entry, sql, snapshot, Optional.empty());
    }
}
