package io.writerflow.maven.libsql;

import java.sql.SQLException;

/** What Flyway asks of a connection's metadata to choose its database type: names and versions. */
final class LibsqlDatabaseMetaData {

    /** This object as JDBC sees it (see {@link JdbcSurface}). */
    private final java.sql.DatabaseMetaData jdbc = JdbcSurface.of(java.sql.DatabaseMetaData.class, this);

    private final LibsqlConnection connection;

    LibsqlDatabaseMetaData(LibsqlConnection connection) {
        this.connection = connection;
    }

    public String getURL() {
        return connection.url();
    }

    public String getDatabaseProductName() {
        return LibsqlConnection.PRODUCT_NAME;
    }

    /** {@code sqlite_version()} as the server reports it. */
    public String getDatabaseProductVersion() throws SQLException {
        return connection.serverVersion();
    }

    public int getDatabaseMajorVersion() throws SQLException {
        return versionPart(0);
    }

    public int getDatabaseMinorVersion() throws SQLException {
        return versionPart(1);
    }

    private int versionPart(int index) throws SQLException {
        String[] parts = getDatabaseProductVersion().split("\\.");
        try {
            return parts.length > index ? Integer.parseInt(parts[index].replaceAll("\\D.*", "")) : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    public String getDriverName() {
        return "writerflow libSQL (Hrana v2 over HTTP)";
    }

    public String getDriverVersion() {
        return "0.1";
    }

    /** No: what must travel together is sent as one Hrana batch by the caller. */
    public boolean supportsBatchUpdates() {
        return false;
    }

    /** This object as a JDBC {@link java.sql.DatabaseMetaData}. */
    java.sql.DatabaseMetaData jdbc() {
        return jdbc;
    }
}
