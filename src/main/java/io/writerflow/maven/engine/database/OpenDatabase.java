package io.writerflow.maven.engine.database;

import io.writerflow.maven.libsql.HranaClient;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * A database opened for one goal: the one connection Flyway and the engine share, and what the engine
 * learned about the engine behind it.
 *
 * @param remote            the HTTP client of a remote database (for the lock), empty for an embedded one
 * @param foreignKeys       how a migration's transaction checks foreign keys before it commits
 * @param foreignKeysStayOn the engine enforces foreign keys and cannot turn them off for a migration, so a
 *                          rebuild (DROP TABLE of a parent) would cascade into its children
 * @param foreignKeysOff    the engine enforces foreign keys and lets a request turn them off: each migration's
 *                          request turns them off before BEGIN and on again after it (see {@link #envelopeBefore})
 */
public record OpenDatabase(SingleConnectionDataSource dataSource, Optional<HranaClient> remote, ForeignKeyCheck foreignKeys,
                    boolean foreignKeysStayOn, boolean foreignKeysOff) implements AutoCloseable {

    /**
     * Statements a transaction's request runs before {@code BEGIN}: settings that are no-ops inside a
     * transaction and must not outlive the request on a server whose clients share a connection.
     */
    public List<String> envelopeBefore() {
        return foreignKeysOff ? List.of("PRAGMA foreign_keys=OFF") : List.of();
    }

    /** Statements a transaction's request runs at its very end, whatever the outcome. */
    public List<String> envelopeAfter() {
        return foreignKeysOff ? List.of("PRAGMA foreign_keys=ON") : List.of();
    }

    public java.sql.Connection connection() {
        return dataSource.connection();
    }

    @Override
    public void close() throws SQLException {
        dataSource.close();
    }
}
