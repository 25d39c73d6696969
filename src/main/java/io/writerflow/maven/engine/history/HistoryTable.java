package io.writerflow.maven.engine.history;

import io.writerflow.maven.sql.SqlQuoting;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Flyway's history table, created as Flyway 13 creates it for SQLite ({@code SQLiteDatabase.getRawCreateScript},
 * made idempotent), so that Flyway, and older versions of this plugin, read the rows apply writes as their own.
 */
public final class HistoryTable {

    private HistoryTable() {
    }

    /** Where the history on {@code connection} stands. */
    public static HistoryHead head(Connection connection, String table) throws SQLException {
        try (java.sql.Statement statement = connection.createStatement();
             java.sql.ResultSet exists = statement.executeQuery("SELECT count(*) FROM sqlite_master"
                     + " WHERE type = 'table' AND name = " + SqlQuoting.literal(table))) {
            if (!exists.next() || exists.getInt(1) == 0) {
                return new HistoryHead(0, false);
            }
        }
        try (java.sql.Statement statement = connection.createStatement();
             java.sql.ResultSet rank = statement.executeQuery("SELECT COALESCE(MAX(installed_rank), 0) FROM "
                     + SqlQuoting.identifier(table))) {
            return new HistoryHead(rank.next() ? rank.getInt(1) : 0, true);
        }
    }

    public static String createTable(String table) {
        return "CREATE TABLE IF NOT EXISTS \"main\"." + SqlQuoting.identifier(table) + " (\n"
                + "    \"installed_rank\" INT NOT NULL PRIMARY KEY,\n"
                + "    \"version\" VARCHAR(50),\n"
                + "    \"description\" VARCHAR(200) NOT NULL,\n"
                + "    \"type\" VARCHAR(20) NOT NULL,\n"
                + "    \"script\" VARCHAR(1000) NOT NULL,\n"
                + "    \"checksum\" INT,\n"
                + "    \"installed_by\" VARCHAR(100) NOT NULL,\n"
                + "    \"installed_on\" TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%f','now')),\n"
                + "    \"execution_time\" INT NOT NULL,\n"
                + "    \"success\" BOOLEAN NOT NULL\n"
                + ")";
    }

    public static String createIndex(String table) {
        return "CREATE INDEX IF NOT EXISTS \"main\"." + SqlQuoting.identifier(table + "_s_idx") + " ON "
                + SqlQuoting.identifier(table) + " (\"success\")";
    }
}
