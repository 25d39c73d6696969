package io.writerflow.maven.engine.database;

import io.writerflow.maven.engine.EngineSettings;
import io.writerflow.maven.settings.DatabaseUrl;

import java.sql.Connection;

/**
 * Plain connections to the configured database for the goals around an apply (backup, restore, dry run), opened
 * the way the engine opens its own, so a bad URL, path or token fails with the engine's messages.
 */
public final class DatabaseConnections {

    private DatabaseConnections() {
    }

    /**
     * Opens the database of {@code settings}: an embedded file through sqlite-jdbc (created when missing unless
     * {@code readOnly}), a remote one through the plugin's libSQL connection. The caller closes the connection.
     */
    public static Connection open(EngineSettings settings, boolean readOnly) {
        if (settings.url() instanceof DatabaseUrl.Remote remote) {
            return RemoteDatabases.open(settings, remote, false).connection();
        }
        return EmbeddedDatabases.open(settings.url(), settings.urlSource(), readOnly, settings.lockTimeout())
                .connection();
    }
}
