package io.writerflow.maven.engine;

import io.writerflow.maven.sql.SqlQuoting;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Creates Flyway's history table for a remote database before Flyway runs. There the lock table exists
 * before the first migration, and Flyway refuses to migrate a schema that has a table but no history; an
 * empty history table in place lets it go on. The DDL is Flyway 13's own for SQLite
 * ({@code SQLiteDatabase.getRawCreateScript}), made idempotent.
 */
final class HistoryTable {

    private HistoryTable() {
    }

    static void createIfMissing(Connection connection, String table) throws SQLException {
        connection.setAutoCommit(false);
        try (java.sql.Statement statement = connection.createStatement()) {
            statement.execute(createTable(table));
            statement.execute(createIndex(table));
            connection.commit();
        } finally {
            connection.setAutoCommit(true);
        }
    }

    static String createTable(String table) {
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

    static String createIndex(String table) {
        return "CREATE INDEX IF NOT EXISTS \"main\"." + SqlQuoting.identifier(table + "_s_idx") + " ON "
                + SqlQuoting.identifier(table) + " (\"success\")";
    }
}
