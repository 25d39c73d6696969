package io.writerflow.maven.backup;

import io.writerflow.maven.WriterflowException;
import io.writerflow.maven.engine.EngineSettings;
import io.writerflow.maven.engine.backup.Backups;
import io.writerflow.maven.engine.backup.SqlDump;
import io.writerflow.maven.engine.database.DatabaseConnections;
import io.writerflow.maven.libsql.Hrana;
import io.writerflow.maven.libsql.HranaClient;
import io.writerflow.maven.libsql.LibsqlConnection;
import io.writerflow.maven.libsql.LibsqlException;
import io.writerflow.maven.settings.DatabaseUrl;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Restores a backup into an empty database: a {@code .sqlite} copy into a file by copying it (into a server by
 * dumping it first), a {@code .sql} dump by running its statements in transactions of a bounded size. On a
 * server each transaction is one Hrana batch in one request, so the bounds keep requests reasonable.
 */
public final class Restore {

    /** Statements and characters per transaction on a remote database: one HTTP request each. */
    static final int REMOTE_STATEMENTS = 500;
    static final int REMOTE_CHARS = 1 << 20;
    /** An embedded database takes large transactions; one per statement would sync the disk for each row. */
    static final int EMBEDDED_STATEMENTS = 50_000;
    private static final String SEQUENCE_ROW = "INSERT INTO \"sqlite_sequence\"";

    /** What a restore did. */
    public record Result(long statements, long rows, Duration duration) {
    }

    private final EngineSettings target;

    public Restore(EngineSettings target) {
        this.target = target;
    }

    /** @param display how to name {@code from} in messages */
    public Result from(Path from, String display) {
        long start = System.nanoTime();
        String name = from.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!Files.isRegularFile(from)) {
            throw new WriterflowException("The backup " + display + " (writerflow.from) does not exist.",
                    "Point -Dwriterflow.from at a .sqlite or .sql file written by apply with -Dwriterflow.backup=true"
                            + " (they are in .writerflow/backups/ by default).");
        }
        boolean sqlite = name.endsWith(".sqlite") || name.endsWith(".db");
        if (!sqlite && !name.endsWith(".sql")) {
            throw new WriterflowException("The backup " + display + " (writerflow.from) is neither a .sqlite copy nor"
                    + " a .sql dump.", "Point -Dwriterflow.from at a file written by apply with"
                    + " -Dwriterflow.backup=true.");
        }
        if (target.url() instanceof DatabaseUrl.Memory) {
            throw new WriterflowException("Refusing to restore into :memory: (from " + target.urlSource() + "): the"
                    + " database would vanish when the goal ends.",
                    "Set -Dwriterflow.url to a new file (file:restored.db) or a newly created remote database.");
        }
        refuseNonEmpty();
        if (sqlite && target.url() instanceof DatabaseUrl.File file) {
            try {
                Files.copy(from, file.path(), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                try (Connection copy = DriverManager.getConnection("jdbc:sqlite:" + file.path())) {
                    return new Result(0, Backups.rowCount(copy), Duration.ofNanos(System.nanoTime() - start));
                }
            } catch (IOException | SQLException e) {
                throw new WriterflowException("Cannot copy " + display + " to " + file.display() + ": "
                        + e.getMessage(), "Check that the target's directory is writable, then run restore again.", e);
            }
        }
        Path script = from;
        Path temporary = null;
        try {
            if (sqlite) {
                temporary = Files.createTempFile("writerflow-restore", ".sql");
                try (Connection source = readOnly(from);
                     Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                    new SqlDump(Set.of(), SqlDump.DEFAULT_PAGE_ROWS).write(source, out);
                }
                script = temporary;
            }
            return run(script, display, start);
        } catch (IOException | SQLException e) {
            throw new WriterflowException("Cannot read the backup " + display + ": " + e.getMessage(),
                    "Check that it is a backup written by writerflow:apply -Dwriterflow.backup=true.", e);
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException ignored) {
                    // a temporary file
                }
            }
        }
    }

    private static Connection readOnly(Path file) throws SQLException {
        org.sqlite.SQLiteConfig config = new org.sqlite.SQLiteConfig();
        config.setReadOnly(true);
        return config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
    }

    /** Refuses a target with any table of its own: a restore never mixes two databases. */
    private void refuseNonEmpty() {
        if (target.url() instanceof DatabaseUrl.File file
                && (!Files.exists(file.path()) || sizeOf(file.path()) == 0)) {
            return;
        }
        List<String> tables = new ArrayList<>();
        try (Connection connection = DatabaseConnections.open(target, true);
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'"
                     + " ORDER BY name")) {
            while (rs.next()) {
                if (!SqlDump.internal(rs.getString(1))) {
                    tables.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new WriterflowException("Cannot read the target database " + target.url().display() + " (from "
                    + target.urlSource() + "): " + e.getMessage(), "Check the URL and the token.", e);
        }
        if (!tables.isEmpty()) {
            throw new WriterflowException("Refusing to restore into " + target.url().display() + " (from "
                    + target.urlSource() + "): it is not empty (" + tables.size() + " table"
                    + (tables.size() == 1 ? "" : "s") + ": " + String.join(", ", tables.subList(0,
                    Math.min(5, tables.size()))) + (tables.size() > 5 ? ", ..." : "") + ").",
                    "Restore into a new database: set -Dwriterflow.url to a file that does not exist yet, or to"
                            + " a newly created remote database (turso db create), and switch over once it is"
                            + " restored.");
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }

    private Result run(Path script, String display, long start) throws IOException {
        boolean remote = target.url() instanceof DatabaseUrl.Remote;
        int maxStatements = remote ? REMOTE_STATEMENTS : EMBEDDED_STATEMENTS;
        long statements = 0;
        long rows = 0;
        List<Integer> lines = new ArrayList<>();
        List<Hrana.Stmt> batch = new ArrayList<>();
        try (Connection connection = DatabaseConnections.open(target, false);
             Reader in = Files.newBufferedReader(script, StandardCharsets.UTF_8)) {
            HranaClient client = remote ? connection.unwrap(LibsqlConnection.class).client() : null;
            boolean foreignKeys = foreignKeysOn(connection);
            if (foreignKeys) {
                // rows are inserted table by table, children possibly before their parents
                execute(connection, "PRAGMA foreign_keys=OFF");
            }
            SqlScript reader = new SqlScript(in);
            if (client == null) {
                connection.setAutoCommit(false); // a server's transactions are sent whole by commit()
            }
            try (Statement statement = connection.createStatement()) {
                long chars = 0;
                SqlScript.Next next;
                while ((next = reader.next()) != null) {
                    if (next.sql().regionMatches(true, 0, "INSERT", 0, 6)
                            && !next.sql().regionMatches(true, 0, SEQUENCE_ROW, 0, SEQUENCE_ROW.length())) {
                        rows++;
                    }
                    lines.add(next.line());
                    if (client != null) {
                        batch.add(Hrana.Stmt.of(next.sql()));
                    } else {
                        try {
                            statement.execute(next.sql());
                        } catch (SQLException e) {
                            throw failed(display, next.line(), e, statements - (lines.size() - 1));
                        }
                    }
                    statements++;
                    chars += next.sql().length();
                    if (lines.size() >= maxStatements || (remote && chars >= REMOTE_CHARS)) {
                        commit(connection, client, batch, display, lines, statements);
                        chars = 0;
                    }
                }
                commit(connection, client, batch, display, lines, statements);
            } finally {
                connection.setAutoCommit(true);
                if (foreignKeys) {
                    execute(connection, "PRAGMA foreign_keys=ON");
                }
            }
        } catch (SQLException e) {
            throw new WriterflowException("Restore into " + target.url().display() + " failed: " + e.getMessage(),
                    "Check the target, empty it, and run restore again.", e);
        }
        return new Result(statements, rows, Duration.ofNanos(System.nanoTime() - start));
    }

    /**
     * Commits the statements since the last commit: a file's open transaction, or, on a server, {@code batch} sent
     * as one transaction in one request (BEGIN, each statement if the one before it succeeded, COMMIT, and a
     * ROLLBACK if it did not), so a failing statement is known by its step and named by its line.
     */
    private void commit(Connection connection, HranaClient client, List<Hrana.Stmt> batch, String display,
            List<Integer> lines, long statements) {
        long committed = statements - lines.size();
        try {
            if (client == null) {
                connection.commit();
            } else if (!batch.isEmpty()) {
                List<Hrana.BatchStep> steps = new ArrayList<>();
                steps.add(new Hrana.BatchStep(null, Hrana.Stmt.of("BEGIN")));
                batch.forEach(stmt -> steps.add(new Hrana.BatchStep(Hrana.ok(steps.size() - 1), stmt)));
                steps.add(new Hrana.BatchStep(Hrana.ok(steps.size() - 1), Hrana.Stmt.of("COMMIT")));
                steps.add(new Hrana.BatchStep(Hrana.not(Hrana.isAutocommit()), Hrana.Stmt.of("ROLLBACK")));
                Hrana.BatchResult result = client.batch(steps);
                for (int step = 0; step <= batch.size() + 1; step++) {
                    if (result.stepErrors().get(step) != null) { // a statement by its line; BEGIN or COMMIT: the first
                        throw failed(display, lines.get(step >= 1 && step <= batch.size() ? step - 1 : 0),
                                result.stepErrors().get(step), committed);
                    }
                }
                if (result.stepResults().get(batch.size() + 1) == null) {
                    throw new LibsqlException("The libSQL server at " + client.where()
                            + " did not run COMMIT; the transaction was rolled back", null);
                }
            }
            batch.clear();
            lines.clear();
        } catch (SQLException e) {
            throw failed(display, lines.isEmpty() ? 0 : lines.get(0), e, committed);
        }
    }

    private WriterflowException failed(String display, int line, SQLException e, long committed) {
        return new WriterflowException("Restore of " + display + " into " + target.url().display() + " failed at "
                + display + ":" + line + ": " + e.getMessage() + ". " + committed + " statement"
                + (committed == 1 ? " was" : "s were") + " restored before it; the target is incomplete.",
                "Fix the cause, delete or empty the target database, and run restore again.", e);
    }

    private static boolean foreignKeysOn(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("PRAGMA foreign_keys")) {
            return rs.next() && rs.getLong(1) == 1;
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
