package io.writerflow.maven.engine.database;

import io.writerflow.maven.WriterflowException;
import io.writerflow.maven.settings.DatabaseUrl;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteConnection;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;
import org.sqlite.SQLiteLimits;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;

/** Opens embedded SQLite/libSQL databases (files and {@code :memory:}) through sqlite-jdbc. */
public final class EmbeddedDatabases {

    /** SQLite's own default limit on the length of a statement (SQLITE_MAX_SQL_LENGTH). */
    static final int MAX_SQL_LENGTH = 1_000_000_000;

    private EmbeddedDatabases() {
    }

    /**
     * Starts loading sqlite-jdbc's native library and classes on a thread of their own, to overlap with what a goal
     * reads before it opens a database (drizzle.config, the journal): about 0.1 s of a fresh JVM's first connection,
     * most of it loading. A connection opened meanwhile waits for the load, as it would for its own. Harmless when
     * the database turns out to be remote: the load is then done ahead of a copy of the schema that needs it.
     */
    public static void warmUp() {
        Thread thread = new Thread(() -> {
            try {
                SqliteNativeLibrary.load();
                new SQLiteConfig().createConnection("jdbc:sqlite::memory:").close();
            } catch (SQLException | RuntimeException | LinkageError e) {
                // the goal's own connection meets the same problem and reports it
            }
        }, "writerflow-sqlite-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * @param readOnly    open without the right to write (status never changes the database)
     * @param busyTimeout how long to wait for another process's lock before failing
     */
    public static SingleConnectionDataSource open(DatabaseUrl url, String urlSource, boolean readOnly, Duration busyTimeout) {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout((int) Math.min(Integer.MAX_VALUE, busyTimeout.toMillis()));
        config.setReadOnly(readOnly);
        // Foreign-key enforcement stays off while migrations run, set here because the pragma is a no-op
        // inside a transaction; each migration is checked with PRAGMA foreign_key_check before it commits.
        config.enforceForeignKeys(false);
        String jdbcUrl;
        if (url instanceof DatabaseUrl.File file) {
            Path parent = file.path().toAbsolutePath().getParent();
            if (parent != null && !Files.isDirectory(parent)) {
                throw new WriterflowException("Cannot open database " + file.display() + " (from " + urlSource
                        + "): the directory " + parent + " does not exist.",
                        "Create the directory, or fix the URL.");
            }
            if (Files.isDirectory(file.path())) {
                throw new WriterflowException("Cannot open database " + file.display() + " (from " + urlSource
                        + "): " + file.path() + " is a directory.", "Point the URL at a database file.");
            }
            jdbcUrl = "jdbc:sqlite:" + file.path();
        } else if (url instanceof DatabaseUrl.Memory) {
            jdbcUrl = "jdbc:sqlite::memory:";
        } else {
            throw new IllegalArgumentException("Not an embedded database: " + url.display());
        }
        SqliteNativeLibrary.load();
        try {
            Connection connection = config.createConnection(jdbcUrl);
            // sqlite-jdbc limits a statement to 1 MB where SQLite itself allows 1 GB, as the Turso server does:
            // a large data migration must run the same on the file and on the server
            connection.unwrap(SQLiteConnection.class).setLimit(SQLiteLimits.SQLITE_LIMIT_SQL_LENGTH, MAX_SQL_LENGTH);
            // The driver opens files lazily; read the header now so a bad file fails here, by name. Closing
            // the statement matters: an unfinished one makes every later DROP TABLE fail as "locked".
            try (java.sql.Statement probe = connection.createStatement();
                 java.sql.ResultSet ignored = probe.executeQuery("PRAGMA schema_version")) {
                ignored.next();
            } catch (SQLException e) {
                connection.close();
                throw e;
            }
            return new SingleConnectionDataSource(connection);
        } catch (SQLException e) {
            throw cannotOpen(url, urlSource, e);
        }
    }

    public static WriterflowException cannotOpen(DatabaseUrl url, String urlSource, SQLException e) {
        return fileProblem(url, urlSource, e).orElseGet(() -> new WriterflowException("Cannot open database "
                + url.display() + " (from " + urlSource + "): " + e.getMessage(),
                "Check the path and the file's permissions.", e));
    }

    /** A failure that is about the database file rather than the SQL, said in the user's terms. */
    public static Optional<WriterflowException> fileProblem(DatabaseUrl url, String urlSource, Throwable e) {
        if (isLocked(e)) {
            return Optional.of(locked(url));
        }
        String name = url.display() + " (from " + urlSource + ")";
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLiteException s && s.getResultCode() != null) {
                int primary = s.getResultCode().code & 0xff;
                if (primary == SQLiteErrorCode.SQLITE_NOTADB.code) {
                    return Optional.of(new WriterflowException("Cannot open database " + name
                            + ": the file is not an SQLite database.",
                            "Point the URL at a database file, or move the file away so a new database is created."));
                }
                if (primary == SQLiteErrorCode.SQLITE_READONLY.code || primary == SQLiteErrorCode.SQLITE_CANTOPEN.code
                        || primary == SQLiteErrorCode.SQLITE_PERM.code || primary == SQLiteErrorCode.SQLITE_IOERR.code) {
                    return Optional.of(new WriterflowException("Cannot write database " + name + ": "
                            + DatabaseMessage.of(s) + ". Nothing was changed.",
                            "Check that the file and its directory are writable by this user, and that the disk"
                                    + " is not full or read-only."));
                }
            }
        }
        return Optional.empty();
    }

    /** SQLITE_BUSY: another connection holds the lock (SQLITE_LOCKED is a conflict within one connection). */
    static boolean isLocked(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLiteException s && s.getResultCode() != null
                    && (s.getResultCode().code & 0xff) == SQLiteErrorCode.SQLITE_BUSY.code) {
                return true;
            }
        }
        return false;
    }

    static WriterflowException locked(DatabaseUrl url) {
        return new WriterflowException("Database " + url.display()
                + " is locked by another process (SQLITE_BUSY); nothing was changed.",
                "Wait for the other process (another apply, an app or a database browser holding a transaction)"
                        + " to finish, then run the goal again.");
    }
}
