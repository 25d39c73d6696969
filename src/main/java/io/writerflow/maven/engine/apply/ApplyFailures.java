package io.writerflow.maven.engine.apply;

import io.writerflow.maven.WriterflowException;
import io.writerflow.maven.engine.EngineSettings;
import io.writerflow.maven.engine.database.DatabaseMessage;
import io.writerflow.maven.engine.database.EmbeddedDatabases;
import io.writerflow.maven.engine.database.ForeignKeyCheck;
import io.writerflow.maven.engine.database.RemoteDatabases;
import io.writerflow.maven.engine.steps.MigrationSteps;
import io.writerflow.maven.engine.steps.Step;
import io.writerflow.maven.libsql.LibsqlException;
import io.writerflow.maven.migrations.Migration;
import io.writerflow.maven.sql.SqlQuoting;
import org.flywaydb.core.api.FlywayException;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Turns what Flyway and the database threw during an apply into one message with the next step. */
public final class ApplyFailures {

    private final EngineSettings settings;

    public ApplyFailures(EngineSettings settings) {
        this.settings = settings;
    }

    /** What Flyway threw while reading or repairing the history, said once with the next step. */
    public WriterflowException translate(FlywayException e) {
        Optional<WriterflowException> fileProblem =
                EmbeddedDatabases.fileProblem(settings.url(), settings.urlSource(), e);
        if (fileProblem.isPresent()) {
            return fileProblem.get();
        }
        WriterflowException own = causeOfType(e, WriterflowException.class);
        if (own != null) {
            return own; // already says what went wrong and what to do, such as a migration file that changed
        }
        if (causeOfType(e, LibsqlException.class) != null) {
            return RemoteDatabases.failure(settings, e, "Nothing was changed.");
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip();
        return new WriterflowException("Flyway could not complete the operation on " + settings.url().display()
                + ": " + message, "Run with -X for the full trace; the database was left as the last"
                + " committed migration left it.", e);
    }

    /**
     * A statement the database refused, by file and line, with what to do next; or one apply ran around it to
     * keep what a table rebuild would lose ({@code added}), named by what it was doing.
     */
    static WriterflowException statementFailed(Migration migration, io.writerflow.maven.migrations.Statement statement,
            Optional<Step.Added> added, SQLException cause, String rolledBack, Connection connection, String goal) {
        String where = "Migration " + migration.tag() + " failed at statement " + statement.number() + " of "
                + migration.statements().size() + " (" + migration.file() + ":" + statement.line() + ")";
        if (added.isPresent()) {
            return new WriterflowException(where + " while apply was " + added.get().purpose()
                    + (added.get().check() ? "" : ": " + DatabaseMessage.of(cause)) + rolledBack,
                    added.get().fix() + " Editing " + migration.file() + " is safe: it never ran to completion.");
        }
        String nulls = nullRowsBehind(cause, connection);
        return new WriterflowException(where + ": " + DatabaseMessage.of(cause) + nulls + rolledBack,
                nulls.isEmpty()
                        ? "Fix statement " + statement.number() + " in " + migration.file()
                        + " (it never ran to completion, so editing it is safe) and run " + goal + " again."
                        : "Give the column a default in the schema and generate again, or fill the NULLs in a"
                        + " migration before this one.");
    }

    /** A migration that would leave orphans, with the references and counts when they are known. */
    static WriterflowException orphans(Migration migration, Map<String, Integer> violations,
            String rolledBack) {
        return new WriterflowException("Migration " + migration.tag() + " (" + migration.file()
                + ") would leave rows whose foreign keys point at nothing"
                + (violations.isEmpty() ? "" : ": " + violations.entrySet().stream()
                .map(v -> v.getKey() + " (" + v.getValue() + " row" + (v.getValue() == 1 ? "" : "s") + ")")
                .collect(Collectors.joining(", "))) + "." + rolledBack,
                "Make the migration delete or fix those rows, or change the foreign key, then apply again.");
    }

    /**
     * The violations of a migration on the file that its in-transaction check refused: counted by running the
     * migration's steps again in a transaction that is rolled back (only on this failure path; a server's runner
     * sends the same as one request, see {@link HranaPlanRunner#recount}).
     */
    static Map<String, Integer> recount(MigrationSteps steps, Connection connection, ForeignKeyCheck foreignKeys) {
        if (connection == null) {
            return Map.of();
        }
        try {
            connection.setAutoCommit(false);
            try (java.sql.Statement statement = connection.createStatement()) {
                steps.forEach(step -> statement.execute(step.sql()));
                return foreignKeys.violations(connection);
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            return Map.of();
        }
    }

    /**
     * For "NOT NULL constraint failed: __new_users.name" (a rebuild copying NULLs into a column that became
     * NOT NULL), counts the rows that hold NULL, read after the rollback: the user's next step depends on it.
     */
    private static String nullRowsBehind(SQLException e, Connection connection) {
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("NOT NULL constraint failed: (?:__new_)?([^.\\s]+)\\.([^\\s)]+)")
                .matcher(String.valueOf(e.getMessage()));
        if (!m.find() || connection == null) {
            return "";
        }
        String table = m.group(1);
        String column = m.group(2);
        try (java.sql.Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT count(*) FROM " + SqlQuoting.identifier(table)
                     + " WHERE " + SqlQuoting.identifier(column) + " IS NULL")) {
            long count = rs.next() ? rs.getLong(1) : 0;
            return count == 0 ? "" : "\n  " + table + "." + column + " becomes NOT NULL without a default, and "
                    + count + " row" + (count == 1 ? " of " + table + " holds" : "s of " + table + " hold") + " NULL there.";
        } catch (SQLException ignored) {
            return "";
        }
    }

    private static <T extends Throwable> T causeOfType(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
