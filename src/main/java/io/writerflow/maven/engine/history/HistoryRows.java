package io.writerflow.maven.engine.history;

import io.writerflow.maven.migrations.Migration;
import io.writerflow.maven.sql.SqlQuoting;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Records migrations as applied without running them (adopting drizzle's history, baselining), as rows of
 * Flyway's history table that Flyway then reads like its own, all in one transaction with the statements that
 * record them in drizzle's history too.
 */
public final class HistoryRows {

    /** The text Flyway's SQLite history writes by default: strftime('%Y-%m-%d %H:%M:%f', 'now'). */
    private static final DateTimeFormatter INSTALLED_ON =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    /** One row to write. */
    public record Row(Migration migration, String installedBy, Instant installedOn) {
    }

    private HistoryRows() {
    }

    /** @param drizzleRows statements of {@link DrizzleHistoryWriter}, run in the same transaction */
    public static void insert(Connection connection, String historyTable, List<Row> rows, List<String> drizzleRows)
            throws SQLException {
        HistoryTable.createIfMissing(connection, historyTable);
        String table = SqlQuoting.identifier(historyTable);
        connection.setAutoCommit(false);
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table
                + " (installed_rank, version, description, type, script, checksum, installed_by, installed_on,"
                + " execution_time, success) VALUES ((SELECT COALESCE(MAX(installed_rank), 0) + 1 FROM " + table
                + "), ?, ?, 'SQL', ?, ?, ?, ?, 0, 1)")) {
            for (Row row : rows) {
                Migration m = row.migration();
                insert.setString(1, m.version());
                insert.setString(2, m.tag());
                insert.setString(3, m.file());
                insert.setInt(4, m.checksum());
                insert.setString(5, row.installedBy());
                insert.setString(6, INSTALLED_ON.format(row.installedOn()));
                insert.executeUpdate();
            }
            try (java.sql.Statement statement = connection.createStatement()) {
                for (String sql : drizzleRows) {
                    statement.execute(sql);
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
}
