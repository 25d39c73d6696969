package io.writerflow.maven.engine.database;

import io.writerflow.maven.libsql.HranaClient;

import java.sql.SQLException;
import java.util.Optional;

/**
 * A database opened for one goal: the one connection Flyway and the engine share, and what the engine
 * learned about the engine behind it.
 *
 * @param remote            the HTTP client of a remote database (for the lock), empty for an embedded one
 * @param foreignKeys       how a migration's transaction checks foreign keys before it commits
 * @param foreignKeysStayOn the engine enforces foreign keys and cannot turn them off for a migration, so a
 *                          rebuild (DROP TABLE of a parent) would cascade into its children
 */
public record OpenDatabase(SingleConnectionDataSource dataSource, Optional<HranaClient> remote, ForeignKeyCheck foreignKeys,
                    boolean foreignKeysStayOn) implements AutoCloseable {

    public java.sql.Connection connection() {
        return dataSource.connection();
    }

    @Override
    public void close() throws SQLException {
        dataSource.close();
    }
}
