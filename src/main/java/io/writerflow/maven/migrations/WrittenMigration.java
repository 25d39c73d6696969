package io.writerflow.maven.migrations;

import java.nio.file.Path;

/** A migration generate added to a directory: its entry and the two files written. */
public record WrittenMigration(MigrationEntry entry, Path sql, Path snapshot) {
}
