package io.writerflow.maven.libsql;

import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;

/** Every method of {@link java.sql.Connection} this driver does not support: each throws {@link SQLFeatureNotSupportedException}, except {@code unwrap}/{@code isWrapperFor}, which answer for the object itself. Generated; the subclass overrides what is supported. */
@SuppressWarnings({"deprecation", "unused"})
abstract class UnsupportedConnection implements java.sql.Connection {

    @Override
    public void abort(java.util.concurrent.Executor arg0) throws SQLException {
        throw new SQLFeatureNotSupportedException("Connection.abort is not supported by the libSQL driver");
    }

    @Override
    public void clearWarnings() throws SQLException {
        throw new SQLFeatureNotSupportedException("Connection.clearWarnings is not supported by the libSQL driver");
    }

    @Override
    public void close() throws SQLException {
        throw new SQLFeatureNotSupportedException("Connection.close is not supported by the libSQL driver");
    }

    @Override
    public void commit() throws SQLException {
        throw new SQLFeatureNotSupportedException("Connection.commit is not supported by the libSQL driver");
    }

    @Override
    public java.sql.Array createArrayOf(java.lang.String arg0, java.lang.Object[] arg1) throws SQLException {
        throw new SQLFeatureNotSupportedException("Connection.createArrayOf is not supported by the libSQL driver");
    }

    @Override
    public java.sql.Blob createBlob() throws SQLException {
        throw new SQLFeatureNotSupportedException("Connection.createBlob is not supported by the libSQL driver");
    }

    @Override
    public java.sql.Clob createClob() throws SQLException {
        throw new SQLFeatureNotSupportedException("Connection.createClob is not supported by the libSQL driver");
    }

    @Override
    public java.sql.NClob createNClob() throws SQLException {
        throw new SQLFeatureNotSupportedException("Connection.createNClob is not supported by the libSQL driver");
    }

    @Override
    public java.sql.SQLXML createSQLXML() throws SQLException {
        throw new SQLFeatureNotSupportedException("Connection.createSQLXML is not supported by the libSQL driver");
    }

    @Override
    public java.sql.Statement createStatement() throws SQLException {
        throw new SQLFeatureNotSupportedException("Connection.createStatement is not supported by the libSQL driver");
    }

    @Override
    public java.sql.Statement createStatement(int arg0, int arg1, int arg2) throws SQLException {
        throw new SQLFeatureNotSupportedException("Connection.createStatement is not supported by the libSQL driver");
    }

    @Override
    public java.sql.Statement createStatement(int arg0, int arg1) throws SQLException {
        throw new SQLFeatureNotSupportedException("Connection.createStatement is not supported by the libSQL driver");
    }

    @Override
    public java.sql.Struct createStruct(java.lang.String arg0, java.lang.Object[] arg1) throws SQLException {
        throw new SQLFeatureNotSupportedException("Connection.createStruct is not supported by the libSQL driver");
    }

    @Override
    public boolean getAutoCommit() throws SQLException {
        throw new SQLFeatureNotSupportedException("Connection.getAutoCommit is not supported by the libSQL driver");
    }

    @Override
    public java.lang.String getCatalog() throws SQLException {
        throw new SQLFeatureNotSupportedException("Connection.getCatalog is not supported by the libSQL driver");
    }

    @Override
    public java.util.Properties getClientInfo() throws SQLException {
        throw new SQLFeatureNotSupportedException("Connection.getClientInfo is not supported by the libSQL driver");
    }

    @Override
    public java.lang.String getClientInfo(java.lang.String arg0) throws SQLException {
        throw new SQLFeatureNotSupportedException("Connection.getClientInfo is not supported by the libSQL driver");
    }

    @Override
    public int getHoldability() throws SQLException {
        throw new SQLFeatureNotSupportedException("Connection.getHoldability is not supported by the libSQL driver");
    }

    @Override
    public java.sql.DatabaseMetaData getMetaData() throws SQLException {
        throw new SQLFeatureNotSupportedException("Connection.getMetaData is not supported by the libSQL driver");
    }

    @Override
    public int getNetworkTimeout() throws SQLException {
        throw new SQLFeatureNotSupportedException("Connection.getNetworkTimeout is not supported by the libSQL driver");
    }

    @Override
    public java.lang.String getSchema() throws SQLException {
        throw new SQLFeatureNotSupportedException("Connection.getSchema is not supported by the libSQL driver");
    }

    @Override
    public int getTransactionIsolation() throws SQLException {
        throw new SQLFeatureNotSupportedException("Connection.getTransactionIsolation is not supported by the libSQL driver");
    }

    @Override
    public java.util.Map<java.lang.String, java.lang.Class<?>> getTypeMap() throws SQLException {
        throw new SQLFeatureNotSupportedException("Connection.getTypeMap is not supported by the libSQL driver");
    }

    @Override
    public java.sql.SQLWarning getWarnings() throws SQLException {
        throw new SQLFeatureNotSupportedException("Connection.getWarnings is not supported by the libSQL driver");
    }

    @Override
    public boolean isClosed() throws SQLException {
        throw new SQLFeatureNotSupportedException("Connection.isClosed is not supported by the libSQL driver");
    }

    @Override
    public boolean isReadOnly() throws SQLException {
        throw new SQLFeatureNotSupportedException("Connection.isReadOnly is not supported by the libSQL driver");
    }

    @Override
    public boolean isValid(int arg0) throws SQLException {
        throw new SQLFeatureNotSupportedException("Connection.isValid is not supported by the libSQL driver");
    }

    @Override
    public boolean isWrapperFor(java.lang.Class<?> iface) {
        return iface.isInstance(this);
    }

    @Override
    public java.lang.String nativeSQL(java.lang.String arg0) throws SQLException {
        throw new SQLFeatureNotSupportedException("Connection.nativeSQL is not supported by the libSQL driver");
    }

    @Override
    public java.sql.CallableStatement prepareCall(java.lang.String arg0, int arg1, int arg2, int arg3) throws SQLException {
        throw new SQLFeatureNotSupportedException("Connection.prepareCall is not supported by the libSQL driver");
    }

    @Override
    public java.sql.CallableStatement prepareCall(java.lang.String arg0, int arg1, int arg2) throws SQLException {
        throw new SQLFeatureNotSupportedException("Connection.prepareCall is not supported by the libSQL driver");
    }

    @Override
    public java.sql.CallableStatement prepareCall(java.lang.String arg0) throws SQLException {
        throw new SQLFeatureNotSupportedException("Connection.prepareCall is not supported by the libSQL driver");
    }

    @Override
    public java.sql.PreparedStatement prepareStatement(java.lang.String arg0, int[] arg1) throws SQLException {
        throw new SQLFeatureNotSupportedException("Connection.prepareStatement is not supported by the libSQL driver");
    }

    @Override
    public java.sql.PreparedStatement prepareStatement(java.lang.String arg0, java.lang.String[] arg1) throws SQLException {
        throw new SQLFeatureNotSupportedException("Connection.prepareStatement is not supported by the libSQL driver");
    }

    @Override
    public java.sql.PreparedStatement prepareStatement(java.lang.String arg0, int arg1, int arg2, int arg3) throws SQLException {
        throw new SQLFeatureNotSupportedException("Connection.prepareStatement is not supported by the libSQL driver");
    }

    @Override
    public java.sql.PreparedStatement prepareStatement(java.lang.String arg0, int arg1, int arg2) throws SQLException {
        throw new SQLFeatureNotSupportedException("Connection.prepareStatement is not supported by the libSQL driver");
    }

    @Override
    public java.sql.PreparedStatement prepareStatement(java.lang.String arg0, int arg1) throws SQLException {
        throw new SQLFeatureNotSupportedException("Connection.prepareStatement is not supported by the libSQL driver");
    }

    @Override
    public java.sql.PreparedStatement prepareStatement(java.lang.String arg0) throws SQLException {
        throw new SQLFeatureNotSupportedException("Connection.prepareStatement is not supported by the libSQL driver");
    }

    @Override
    public void releaseSavepoint(java.sql.Savepoint arg0) throws SQLException {
        throw new SQLFeatureNotSupportedException("Connection.releaseSavepoint is not supported by the libSQL driver");
    }

    @Override
    public void rollback() throws SQLException {
        throw new SQLFeatureNotSupportedException("Connection.rollback is not supported by the libSQL driver");
    }

    @Override
    public void rollback(java.sql.Savepoint arg0) throws SQLException {
        throw new SQLFeatureNotSupportedException("Connection.rollback is not supported by the libSQL driver");
    }

    @Override
    public void setAutoCommit(boolean arg0) throws SQLException {
        throw new SQLFeatureNotSupportedException("Connection.setAutoCommit is not supported by the libSQL driver");
    }

    @Override
    public void setCatalog(java.lang.String arg0) throws SQLException {
        throw new SQLFeatureNotSupportedException("Connection.setCatalog is not supported by the libSQL driver");
    }

    @Override
    public void setClientInfo(java.lang.String arg0, java.lang.String arg1) throws java.sql.SQLClientInfoException {
        throw new java.sql.SQLClientInfoException("Connection.setClientInfo is not supported by the libSQL driver", null);
    }

    @Override
    public void setClientInfo(java.util.Properties arg0) throws java.sql.SQLClientInfoException {
        throw new java.sql.SQLClientInfoException("Connection.setClientInfo is not supported by the libSQL driver", null);
    }

    @Override
    public void setHoldability(int arg0) throws SQLException {
        throw new SQLFeatureNotSupportedException("Connection.setHoldability is not supported by the libSQL driver");
    }

    @Override
    public void setNetworkTimeout(java.util.concurrent.Executor arg0, int arg1) throws SQLException {
        throw new SQLFeatureNotSupportedException("Connection.setNetworkTimeout is not supported by the libSQL driver");
    }

    @Override
    public void setReadOnly(boolean arg0) throws SQLException {
        throw new SQLFeatureNotSupportedException("Connection.setReadOnly is not supported by the libSQL driver");
    }

    @Override
    public java.sql.Savepoint setSavepoint() throws SQLException {
        throw new SQLFeatureNotSupportedException("Connection.setSavepoint is not supported by the libSQL driver");
    }

    @Override
    public java.sql.Savepoint setSavepoint(java.lang.String arg0) throws SQLException {
        throw new SQLFeatureNotSupportedException("Connection.setSavepoint is not supported by the libSQL driver");
    }

    @Override
    public void setSchema(java.lang.String arg0) throws SQLException {
        throw new SQLFeatureNotSupportedException("Connection.setSchema is not supported by the libSQL driver");
    }

    @Override
    public void setTransactionIsolation(int arg0) throws SQLException {
        throw new SQLFeatureNotSupportedException("Connection.setTransactionIsolation is not supported by the libSQL driver");
    }

    @Override
    public void setTypeMap(java.util.Map<java.lang.String, java.lang.Class<?>> arg0) throws SQLException {
        throw new SQLFeatureNotSupportedException("Connection.setTypeMap is not supported by the libSQL driver");
    }

    @Override
    public <T> T unwrap(java.lang.Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw new SQLException("Not a wrapper for " + iface.getName());
    }
}
