package io.writerflow.maven.libsql;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;

/** What Flyway and tools ask of a connection's metadata: names, versions and SQLite's capabilities. */
final class LibsqlDatabaseMetaData {

    /** This object as JDBC sees it (see {@link JdbcSurface}). */
    private final java.sql.DatabaseMetaData jdbc = JdbcSurface.of(java.sql.DatabaseMetaData.class, this);

    private final LibsqlConnection connection;

    LibsqlDatabaseMetaData(LibsqlConnection connection) {
        this.connection = connection;
    }

    public Connection getConnection() {
        return connection.jdbc();
    }

    public String getURL() {
        return connection.url();
    }

    public String getUserName() {
        return null;
    }

    public String getDatabaseProductName() {
        return LibsqlDriver.PRODUCT_NAME;
    }

    /** {@code sqlite_version()} as the server reports it. */
    public String getDatabaseProductVersion() throws SQLException {
        return connection.serverVersion();
    }

    private int versionPart(int index) throws SQLException {
        String[] parts = getDatabaseProductVersion().split("\\.");
        try {
            return parts.length > index ? Integer.parseInt(parts[index].replaceAll("\\D.*", "")) : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    public int getDatabaseMajorVersion() throws SQLException {
        return versionPart(0);
    }

    public int getDatabaseMinorVersion() throws SQLException {
        return versionPart(1);
    }

    public String getDriverName() {
        return "writerflow libSQL (Hrana v2 over HTTP)";
    }

    public String getDriverVersion() {
        return "0.1";
    }

    public int getDriverMajorVersion() {
        return 0;
    }

    public int getDriverMinorVersion() {
        return 1;
    }

    public int getJDBCMajorVersion() {
        return 4;
    }

    public int getJDBCMinorVersion() {
        return 2;
    }

    public boolean supportsTransactions() {
        return true;
    }

    public int getDefaultTransactionIsolation() {
        return Connection.TRANSACTION_SERIALIZABLE;
    }

    public boolean supportsTransactionIsolationLevel(int level) {
        return level == Connection.TRANSACTION_SERIALIZABLE;
    }

    public boolean supportsDataDefinitionAndDataManipulationTransactions() {
        return true;
    }

    public boolean supportsSavepoints() {
        return false;
    }

    public boolean supportsBatchUpdates() {
        return false;
    }

    public boolean supportsMultipleResultSets() {
        return false;
    }

    public boolean supportsGetGeneratedKeys() {
        return true;
    }

    public String getIdentifierQuoteString() {
        return "\"";
    }

    public String getSQLKeywords() {
        return "";
    }

    public String getSearchStringEscape() {
        return "\\";
    }

    public String getExtraNameCharacters() {
        return "";
    }

    public boolean isReadOnly() {
        return false;
    }

    public boolean supportsSchemasInTableDefinitions() {
        return false;
    }

    public boolean supportsSchemasInDataManipulation() {
        return false;
    }

    public boolean supportsCatalogsInTableDefinitions() {
        return false;
    }

    public boolean supportsCatalogsInDataManipulation() {
        return false;
    }

    public boolean storesMixedCaseIdentifiers() {
        return true;
    }

    public boolean storesUpperCaseIdentifiers() {
        return false;
    }

    public boolean storesLowerCaseIdentifiers() {
        return false;
    }

    public boolean supportsMixedCaseIdentifiers() {
        return false;
    }

    public boolean supportsResultSetType(int type) {
        return type == ResultSet.TYPE_FORWARD_ONLY;
    }

    public boolean supportsResultSetConcurrency(int type, int concurrency) {
        return type == ResultSet.TYPE_FORWARD_ONLY && concurrency == ResultSet.CONCUR_READ_ONLY;
    }

    public int getResultSetHoldability() {
        return ResultSet.CLOSE_CURSORS_AT_COMMIT;
    }

    public boolean supportsResultSetHoldability(int holdability) {
        return holdability == ResultSet.CLOSE_CURSORS_AT_COMMIT;
    }


    /** This object as a JDBC {@link java.sql.DatabaseMetaData}. */
    java.sql.DatabaseMetaData jdbc() {
        return jdbc;
    }
}
