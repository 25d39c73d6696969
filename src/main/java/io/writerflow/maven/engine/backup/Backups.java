package io.writerflow.maven.engine.backup;

import io.writerflow.maven.settings.DatabaseUrl;
import io.writerflow.maven.sql.SqlQuoting;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Set;

/**
 * Writes restorable backups into a directory: an embedded file as a consistent SQLite copy
 * ({@code VACUUM INTO}, which reads one snapshot of the database), a remote database as an SQL dump
 * ({@link SqlDump}) named after its host.
 */
public final class Backups {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final Path directory;
    private final Clock clock;
    private final Set<String> excludedTables;

    /** @param excludedTables left out of a dump: the remote migration lock, which the apply holds meanwhile */
    public Backups(Path directory, Clock clock, Set<String> excludedTables) {
        this.directory = directory;
        this.clock = clock;
        this.excludedTables = excludedTables;
    }

    /**
     * Backs up the database behind {@code connection}, which must not be inside a transaction.
     *
     * @throws BackupFailed naming the database and the backup file
     */
    public Backup write(Connection connection, DatabaseUrl url) {
        long start = System.nanoTime();
        Path file = null;
        try {
            Files.createDirectories(directory);
            if (url instanceof DatabaseUrl.File embedded) {
                file = unique(embedded.path().getFileName() + "-" + STAMP.format(clock.instant()), ".sqlite");
                long rows = rowCount(connection);
                try (Statement statement = connection.createStatement()) {
                    StringBuilder target = new StringBuilder("VACUUM INTO ");
                    SqlValues.quote(target, file.toAbsolutePath().toString());
                    statement.execute(target.toString());
                }
                return new Backup(file, Files.size(file), rows, Duration.ofNanos(System.nanoTime() - start));
            }
            if (url instanceof DatabaseUrl.Remote remote) {
                file = unique(remote.endpoint().getHost() + "-" + STAMP.format(clock.instant()), ".sql");
                long rows;
                try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                    rows = new SqlDump(excludedTables, SqlDump.DEFAULT_PAGE_ROWS).write(connection, out);
                }
                return new Backup(file, Files.size(file), rows, Duration.ofNanos(System.nanoTime() - start));
            }
            throw new BackupFailed("Cannot back up " + url.display() + ": an in-memory database has nothing to"
                    + " keep. No migration was applied.", true, null);
        } catch (SQLException | IOException e) {
            deleteQuietly(file);
            throw new BackupFailed("Backup of " + url.display() + " into " + directory + " failed: "
                    + e.getMessage() + ". No migration was applied.", false, e);
        }
    }

    /** Rows in all tables but SQLite's own: the figure the log line reports. */
    public static long rowCount(Connection connection) throws SQLException {
        long rows = 0;
        for (SqlDump.SchemaObject object : SqlDump.schema(connection)) {
            if (object.type().equals("table") && !SqlDump.internal(object.name())
                    && !object.sql().regionMatches(true, 0, "CREATE VIRTUAL", 0, 14)) {
                try (Statement statement = connection.createStatement();
                     ResultSet rs = statement.executeQuery("SELECT count(*) FROM "
                             + SqlQuoting.identifier(object.name()))) {
                    rows += rs.next() ? rs.getLong(1) : 0;
                }
            }
        }
        return rows;
    }

    private Path unique(String stem, String extension) {
        Path file = directory.resolve(stem + extension);
        for (int n = 2; Files.exists(file); n++) {
            file = directory.resolve(stem + "-" + n + extension);
        }
        return file;
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // the message already says the backup failed
            }
        }
    }
}
