package io.writerflow.maven.engine.steps;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Where apply reads the schema as a rebuild starts: the database itself, on a connection that sees the
 * migration's own statements so far; or, for a transaction that is built whole before it is sent, a copy of
 * the schema that follows the statements as they are added (see {@link ShadowSchema}).
 */
public interface SchemaSource {

    /** The schema now, as the steps run so far left it. */
    Catalog catalog() throws SQLException;

    /** Told every step as it is run or added, in order. */
    default void ran(String sql) {
    }

    /**
     * A statement that fails the transaction unless the database's indexes, triggers and views, and the
     * indexes of {@code table}, are those of {@code expected}; empty when the catalog was read from the database
     * itself.
     */
    default Optional<String> guard(Catalog expected, String table) {
        return Optional.empty();
    }

    /** The database on {@code connection}, read when asked. */
    static SchemaSource of(Connection connection) {
        return () -> Catalog.read(connection);
    }
}
