package io.writerflow.maven.engine.history;

import io.writerflow.maven.libsql.Hrana;
import io.writerflow.maven.libsql.LibsqlConnection;
import io.writerflow.maven.libsql.LibsqlException;
import io.writerflow.maven.migrations.Migration;
import io.writerflow.maven.sql.SqlQuoting;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes Flyway's history table outside an apply's plan: records migrations as applied without running them
 * (adopting drizzle's history, baselining), as rows Flyway then reads like its own, all in one transaction with
 * the statements that record them in drizzle's history too; and repair's changes ({@link HistoryRepair}).
 */
public final class HistoryRows {

    /** The text Flyway's SQLite history writes by default: strftime('%Y-%m-%d %H:%M:%f', 'now'). */
    static final DateTimeFormatter INSTALLED_ON =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    /** One row to write. */
    public record Row(Migration migration, String installedBy, Instant installedOn) {
    }

    private HistoryRows() {
    }

    /** @param drizzleRows statements of {@link DrizzleHistoryWriter}, run in the same transaction */
    public static void insert(Connection connection, String historyTable, List<Row> rows, List<String> drizzleRows)
            throws SQLException {
        String table = SqlQuoting.identifier(historyTable);
        List<Hrana.Stmt> statements = new ArrayList<>(List.of(Hrana.Stmt.of(HistoryTable.createTable(historyTable)),
                Hrana.Stmt.of(HistoryTable.createIndex(historyTable))));
        for (Row row : rows) {
            Migration m = row.migration();
            statements.add(Hrana.Stmt.of("INSERT INTO " + table + " (installed_rank, version, description, type,"
                    + " script, checksum, installed_by, installed_on, execution_time, success) VALUES ((SELECT"
                    + " COALESCE(MAX(installed_rank), 0) + 1 FROM " + table + "), ?, ?, 'SQL', ?, ?, ?, ?, 0, 1)",
                    m.version(), m.tag(), m.file(), (long) m.checksum(), row.installedBy(),
                    INSTALLED_ON.format(row.installedOn())));
        }
        drizzleRows.forEach(sql -> statements.add(Hrana.Stmt.of(sql)));
        write(connection, statements);
    }

    /**
     * Runs {@code statements} as one transaction: on a server as ONE Hrana batch ({@code BEGIN}, each statement if
     * the one before it succeeded, {@code COMMIT}, and a {@code ROLLBACK} when a transaction is still open), so
     * that no transaction stays open between requests; on a file as a JDBC transaction.
     */
    static void write(Connection connection, List<Hrana.Stmt> statements) throws SQLException {
        if (connection.isWrapperFor(LibsqlConnection.class)) {
            LibsqlConnection libsql = connection.unwrap(LibsqlConnection.class);
            List<Hrana.BatchStep> steps = new ArrayList<>(List.of(new Hrana.BatchStep(null, Hrana.Stmt.of("BEGIN"))));
            statements.forEach(stmt -> steps.add(new Hrana.BatchStep(Hrana.ok(steps.size() - 1), stmt)));
            int commit = steps.size();
            steps.add(new Hrana.BatchStep(Hrana.ok(commit - 1), Hrana.Stmt.of("COMMIT")));
            steps.add(new Hrana.BatchStep(Hrana.not(Hrana.isAutocommit()), Hrana.Stmt.of("ROLLBACK")));
            Hrana.BatchResult result = libsql.client().batch(steps);
            for (int step = 0; step <= commit; step++) {
                LibsqlException cause = result.stepErrors().get(step);
                if (cause != null) {
                    String what = step == 0 ? "BEGIN" : step == commit ? "COMMIT" : "statement " + step + " of "
                            + statements.size() + " (" + abbreviate(statements.get(step - 1).sql()) + ")";
                    throw new LibsqlException("The transaction was rolled back; " + what + " failed: "
                            + cause.getMessage(), cause.hranaCode(), cause);
                }
            }
            if (result.stepResults().get(commit) == null) {
                throw new LibsqlException("The libSQL server at " + libsql.client().where()
                        + " did not run COMMIT; the transaction was rolled back", null);
            }
            return;
        }
        connection.setAutoCommit(false);
        try {
            for (Hrana.Stmt stmt : statements) {
                try (PreparedStatement statement = connection.prepareStatement(stmt.sql())) {
                    for (int i = 0; i < stmt.args().size(); i++) {
                        statement.setObject(i + 1, stmt.args().get(i));
                    }
                    statement.execute();
                }
            }
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    private static String abbreviate(String sql) {
        String oneLine = sql.strip().replaceAll("\\s+", " ");
        return oneLine.length() > 120 ? oneLine.substring(0, 120) + "..." : oneLine;
    }
}
