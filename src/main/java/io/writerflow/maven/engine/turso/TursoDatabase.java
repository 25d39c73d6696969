package io.writerflow.maven.engine.turso;

import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.internal.database.sqlite.SQLiteDatabase;
import org.flywaydb.core.internal.jdbc.JdbcConnectionFactory;
import org.flywaydb.core.internal.jdbc.StatementInterceptor;

/**
 * A Turso / libSQL database as Flyway sees it: SQLite's SQL and history table, reached over HTTP. The
 * differences from {@link SQLiteDatabase} are the transport's: the connection runs each statement in a request of
 * its own and keeps no transaction (Flyway only reads through it: info), so nothing here may rely on a
 * transaction held open on the server, and the version check does not assume the server is SQLite's C library (Turso's own
 * engine reports an SQLite-compatible version it may not track).
 */
public class TursoDatabase extends SQLiteDatabase {

    public TursoDatabase(Configuration configuration, JdbcConnectionFactory jdbcConnectionFactory,
            StatementInterceptor statementInterceptor) {
        super(configuration, jdbcConnectionFactory, statementInterceptor);
    }

    @Override
    public void ensureSupported(Configuration configuration) {
        // every libSQL / Turso server speaking Hrana v2 understands the SQL Flyway's SQLite support sends
    }
}
