package io.writerflow.maven.engine.turso;

import io.writerflow.maven.libsql.LibsqlConnection;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.internal.database.base.Database;
import org.flywaydb.core.internal.database.sqlite.SQLiteDatabaseType;
import org.flywaydb.core.internal.jdbc.JdbcConnectionFactory;
import org.flywaydb.core.internal.jdbc.StatementInterceptor;

import java.sql.Connection;

/**
 * Flyway's database type for Turso / libSQL servers reached through the plugin's Hrana client
 * ({@code jdbc:libsql:...}). The SQL is SQLite's, so it extends Flyway's SQLite support and differs where a
 * stateless HTTP transport does (see {@link TursoDatabase}). Registered as a Flyway plugin through
 * {@code META-INF/services/org.flywaydb.core.extensibility.Plugin}.
 */
public class TursoDatabaseType extends SQLiteDatabaseType {

    @Override
    public String getName() {
        return "Turso";
    }

    @Override
    public boolean handlesJDBCUrl(String url) {
        return url.startsWith(LibsqlConnection.JDBC_PREFIX);
    }

    /**
     * Never asked: the engine hands Flyway a DataSource, and only Flyway's {@code DriverDataSource} (made from a
     * URL) loads a driver class; a libSQL connection is opened by the plugin ({@link LibsqlConnection#open}).
     */
    @Override
    public String getDriverClass(String url, ClassLoader classLoader) {
        throw new UnsupportedOperationException("libSQL connections are opened by the plugin, not by a JDBC driver");
    }

    @Override
    public boolean handlesDatabaseProductNameAndVersion(String databaseProductName, String databaseProductVersion,
            Connection connection) {
        return databaseProductName.startsWith(LibsqlConnection.PRODUCT_NAME);
    }

    @Override
    public Database createDatabase(Configuration configuration, JdbcConnectionFactory jdbcConnectionFactory,
            StatementInterceptor statementInterceptor) {
        return new TursoDatabase(configuration, jdbcConnectionFactory, statementInterceptor);
    }
}
