package io.writerflow.maven.engine;

import io.writerflow.maven.settings.DatabaseUrl;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Everything the engine needs to reach the database and the migrations.
 *
 * @param migrationsDir        the drizzle directory
 * @param migrationsDisplay    how to name it in messages (relative to the project)
 * @param urlSource            the setting the URL came from, named in errors
 * @param historyTable         the table where applied migrations are recorded
 * @param installedBy          recorded as who applied each migration
 * @param busyTimeout          how long to wait for another process's lock on an embedded database
 */
public record EngineSettings(Path migrationsDir, String migrationsDisplay, DatabaseUrl url, String urlSource,
                             String historyTable, String installedBy, Duration busyTimeout) {
}
