package io.writerflow.maven.libsql;

import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;

/** Every method of {@link java.sql.PreparedStatement} this driver does not support: each throws {@link SQLFeatureNotSupportedException}, except {@code unwrap}/{@code isWrapperFor}, which answer for the object itself. Generated; the subclass overrides what is supported. */
@SuppressWarnings({"deprecation", "unused"})
abstract class UnsupportedPreparedStatement implements java.sql.PreparedStatement {

    @Override
    public void addBatch() throws SQLException {
        throw new SQLFeatureNotSupportedException("PreparedStatement.addBatch is not supported by the libSQL driver");
    }

    @Override
    public void addBatch(java.lang.String arg0) throws SQLException {
        throw new SQLFeatureNotSupportedException("PreparedStatement.addBatch is not supported by the libSQL driver");
    }

    @Override
    public void cancel() throws SQLException {
        throw new SQLFeatureNotSupportedException("PreparedStatement.cancel is not supported by the libSQL driver");
    }

    @Override
    public void clearBatch() throws SQLException {
        throw new SQLFeatureNotSupportedException("PreparedStatement.clearBatch is not supported by the libSQL driver");
    }

    @Override
    public void clearParameters() throws SQLException {
        throw new SQLFeatureNotSupportedException("PreparedStatement.clearParameters is not supported by the libSQL driver");
    }

    @Override
    public void clearWarnings() throws SQLException {
        throw new SQLFeatureNotSupportedException("PreparedStatement.clearWarnings is not supported by the libSQL driver");
    }

    @Override
    public void close() throws SQLException {
        throw new SQLFeatureNotSupportedException("PreparedStatement.close is not supported by the libSQL driver");
    }

    @Override
    public void closeOnCompletion() throws SQLException {
        throw new SQLFeatureNotSupportedException("PreparedStatement.closeOnCompletion is not supported by the libSQL driver");
    }

    @Override
    public boolean execute() throws SQLException {
        throw new SQLFeatureNotSupportedException("PreparedStatement.execute is not supported by the libSQL driver");
    }

    @Override
    public boolean execute(java.lang.String arg0, int[] arg1) throws SQLException {
        throw new SQLFeatureNotSupportedException("PreparedStatement.execute is not supported by the libSQL driver");
    }

    @Override
    public boolean execute(java.lang.String arg0, java.lang.String[] arg1) throws SQLException {
        throw new SQLFeatureNotSupportedException("PreparedStatement.execute is not supported by the libSQL driver");
    }

    @Override
    public boolean execute(java.lang.String arg0, int arg1) throws SQLException {
        throw new SQLFeatureNotSupportedException("PreparedStatement.execute is not supported by the libSQL driver");
    }

    @Override
    public boolean execute(java.lang.String arg0) throws SQLException {
        throw new SQLFeatureNotSupportedException("PreparedStatement.execute is not supported by the libSQL driver");
    }

    @Override
    public int[] executeBatch() throws SQLException {
        throw new SQLFeatureNotSupportedException("PreparedStatement.executeBatch is not supported by the libSQL driver");
    }

    @Override
    public java.sql.ResultSet executeQuery() throws SQLException {
        throw new SQLFeatureNotSupportedException("PreparedStatement.executeQuery is not supported by the libSQL driver");
    }

    @Override
    public java.sql.ResultSet executeQuery(java.lang.String arg0) throws SQLException {
        throw new SQLFeatureNotSupportedException("PreparedStatement.executeQuery is not supported by the libSQL driver");
    }

    @Override
    public int executeUpdate() throws SQLException {
        throw new SQLFeatureNotSupportedException("PreparedStatement.executeUpdate is not supported by the libSQL driver");
    }

    @Override
    public int executeUpdate(java.lang.String arg0, int[] arg1) throws SQLException {
        throw new SQLFeatureNotSupportedException("PreparedStatement.executeUpdate is not supported by the libSQL driver");
    }

    @Override
    public int executeUpdate(java.lang.String arg0, java.lang.String[] arg1) throws SQLException {
        throw new SQLFeatureNotSupportedException("PreparedStatement.executeUpdate is not supported by the libSQL driver");
    }

    @Override
    public int executeUpdate(java.lang.String arg0, int arg1) throws SQLException {
        throw new SQLFeatureNotSupportedException("PreparedStatement.executeUpdate is not supported by the libSQL driver");
    }

    @Override
    public int executeUpdate(java.lang.String arg0) throws SQLException {
        throw new SQLFeatureNotSupportedException("PreparedStatement.executeUpdate is not supported by the libSQL driver");
    }

    @Override
    public java.sql.Connection getConnection() throws SQLException {
        throw new SQLFeatureNotSupportedException("PreparedStatement.getConnection is not supported by the libSQL driver");
    }

    @Override
    public int getFetchDirection() throws SQLException {
        throw new SQLFeatureNotSupportedException("PreparedStatement.getFetchDirection is not supported by the libSQL driver");
    }

    @Override
    public int getFetchSize() throws SQLException {
        throw new SQLFeatureNotSupportedException("PreparedStatement.getFetchSize is not supported by the libSQL driver");
    }

    @Override
    public java.sql.ResultSet getGeneratedKeys() throws SQLException {
        throw new SQLFeatureNotSupportedException("PreparedStatement.getGeneratedKeys is not supported by the libSQL driver");
    }

    @Override
    public int getMaxFieldSize() throws SQLException {
        throw new SQLFeatureNotSupportedException("PreparedStatement.getMaxFieldSize is not supported by the libSQL driver");
    }

    @Override
    public int getMaxRows() throws SQLException {
        throw new SQLFeatureNotSupportedException("PreparedStatement.getMaxRows is not supported by the libSQL driver");
    }

    @Override
    public java.sql.ResultSetMetaData getMetaData() throws SQLException {
        throw new SQLFeatureNotSupportedException("PreparedStatement.getMetaData is not supported by the libSQL driver");
    }

    @Override
    public boolean getMoreResults() throws SQLException {
        throw new SQLFeatureNotSupportedException("PreparedStatement.getMoreResults is not supported by the libSQL driver");
    }

    @Override
    public boolean getMoreResults(int arg0) throws SQLException {
        throw new SQLFeatureNotSupportedException("PreparedStatement.getMoreResults is not supported by the libSQL driver");
    }

    @Override
    public java.sql.ParameterMetaData getParameterMetaData() throws SQLException {
        throw new SQLFeatureNotSupportedException("PreparedStatement.getParameterMetaData is not supported by the libSQL driver");
    }

    @Override
    public int getQueryTimeout() throws SQLException {
        throw new SQLFeatureNotSupportedException("PreparedStatement.getQueryTimeout is not supported by the libSQL driver");
    }

    @Override
    public java.sql.ResultSet getResultSet() throws SQLException {
        throw new SQLFeatureNotSupportedException("PreparedStatement.getResultSet is not supported by the libSQL driver");
    }

    @Override
    public int getResultSetConcurrency() throws SQLException {
        throw new SQLFeatureNotSupportedException("PreparedStatement.getResultSetConcurrency is not supported by the libSQL driver");
    }

    @Override
    public int getResultSetHoldability() throws SQLException {
        throw new SQLFeatureNotSupportedException("PreparedStatement.getResultSetHoldability is not supported by the libSQL driver");
    }

    @Override
    public int getResultSetType() throws SQLException {
        throw new SQLFeatureNotSupportedException("PreparedStatement.getResultSetType is not supported by the libSQL driver");
    }

    @Override
    public int getUpdateCount() throws SQLException {
        throw new SQLFeatureNotSupportedException("PreparedStatement.getUpdateCount is not supported by the libSQL driver");
    }

    @Override
    public java.sql.SQLWarning getWarnings() throws SQLException {
        throw new SQLFeatureNotSupportedException("PreparedStatement.getWarnings is not supported by the libSQL driver");
    }

    @Override
    public boolean isCloseOnCompletion() throws SQLException {
        throw new SQLFeatureNotSupportedException("PreparedStatement.isCloseOnCompletion is not supported by the libSQL driver");
    }

    @Override
    public boolean isClosed() throws SQLException {
        throw new SQLFeatureNotSupportedException("PreparedStatement.isClosed is not supported by the libSQL driver");
    }

    @Override
    public boolean isPoolable() throws SQLException {
        throw new SQLFeatureNotSupportedException("PreparedStatement.isPoolable is not supported by the libSQL driver");
    }

    @Override
    public boolean isWrapperFor(java.lang.Class<?> iface) {
        return iface.isInstance(this);
    }

    @Override
    public void setArray(int arg0, java.sql.Array arg1) throws SQLException {
        throw new SQLFeatureNotSupportedException("PreparedStatement.setArray is not supported by the libSQL driver");
    }

    @Override
    public void setAsciiStream(int arg0, java.io.InputStream arg1, int arg2) throws SQLException {
        throw new SQLFeatureNotSupportedException("PreparedStatement.setAsciiStream is not supported by the libSQL driver");
    }

    @Override
    public void setAsciiStream(int arg0, java.io.InputStream arg1, long arg2) throws SQLException {
        throw new SQLFeatureNotSupportedException("PreparedStatement.setAsciiStream is not supported by the libSQL driver");
    }

    @Override
    public void setAsciiStream(int arg0, java.io.InputStream arg1) throws SQLException {
        throw new SQLFeatureNotSupportedException("PreparedStatement.setAsciiStream is not supported by the libSQL driver");
    }

    @Override
    public void setBigDecimal(int arg0, java.math.BigDecimal arg1) throws SQLException {
        throw new SQLFeatureNotSupportedException("PreparedStatement.setBigDecimal is not supported by the libSQL driver");
    }

    @Override
    public void setBinaryStream(int arg0, java.io.InputStream arg1, int arg2) throws SQLException {
        throw new SQLFeatureNotSupportedException("PreparedStatement.setBinaryStream is not supported by the libSQL driver");
    }

    @Override
    public void setBinaryStream(int arg0, java.io.InputStream arg1, long arg2) throws SQLException {
        throw new SQLFeatureNotSupportedException("PreparedStatement.setBinaryStream is not supported by the libSQL driver");
    }

    @Override
    public void setBinaryStream(int arg0, java.io.InputStream arg1) throws SQLException {
        throw new SQLFeatureNotSupportedException("PreparedStatement.setBinaryStream is not supported by the libSQL driver");
    }

    @Override
    public void setBlob(int arg0, java.io.InputStream arg1, long arg2) throws SQLException {
        throw new SQLFeatureNotSupportedException("PreparedStatement.setBlob is not supported by the libSQL driver");
    }

    @Override
    public void setBlob(int arg0, java.io.InputStream arg1) throws SQLException {
        throw new SQLFeatureNotSupportedException("PreparedStatement.setBlob is not supported by the libSQL driver");
    }

    @Override
    public void setBlob(int arg0, java.sql.Blob arg1) throws SQLException {
        throw new SQLFeatureNotSupportedException("PreparedStatement.setBlob is not supported by the libSQL driver");
    }

    @Override
    public void setBoolean(int arg0, boolean arg1) throws SQLException {
        throw new SQLFeatureNotSupportedException("PreparedStatement.setBoolean is not supported by the libSQL driver");
    }

    @Override
    public void setByte(int arg0, byte arg1) throws SQLException {
        throw new SQLFeatureNotSupportedException("PreparedStatement.setByte is not supported by the libSQL driver");
    }

    @Override
    public void setBytes(int arg0, byte[] arg1) throws SQLException {
        throw new SQLFeatureNotSupportedException("PreparedStatement.setBytes is not supported by the libSQL driver");
    }

    @Override
    public void setCharacterStream(int arg0, java.io.Reader arg1, int arg2) throws SQLException {
        throw new SQLFeatureNotSupportedException("PreparedStatement.setCharacterStream is not supported by the libSQL driver");
    }

    @Override
    public void setCharacterStream(int arg0, java.io.Reader arg1, long arg2) throws SQLException {
        throw new SQLFeatureNotSupportedException("PreparedStatement.setCharacterStream is not supported by the libSQL driver");
    }

    @Override
    public void setCharacterStream(int arg0, java.io.Reader arg1) throws SQLException {
        throw new SQLFeatureNotSupportedException("PreparedStatement.setCharacterStream is not supported by the libSQL driver");
    }

    @Override
    public void setClob(int arg0, java.io.Reader arg1, long arg2) throws SQLException {
        throw new SQLFeatureNotSupportedException("PreparedStatement.setClob is not supported by the libSQL driver");
    }

    @Override
    public void setClob(int arg0, java.io.Reader arg1) throws SQLException {
        throw new SQLFeatureNotSupportedException("PreparedStatement.setClob is not supported by the libSQL driver");
    }

    @Override
    public void setClob(int arg0, java.sql.Clob arg1) throws SQLException {
        throw new SQLFeatureNotSupportedException("PreparedStatement.setClob is not supported by the libSQL driver");
    }

    @Override
    public void setCursorName(java.lang.String arg0) throws SQLException {
        throw new SQLFeatureNotSupportedException("PreparedStatement.setCursorName is not supported by the libSQL driver");
    }

    @Override
    public void setDate(int arg0, java.sql.Date arg1, java.util.Calendar arg2) throws SQLException {
        throw new SQLFeatureNotSupportedException("PreparedStatement.setDate is not supported by the libSQL driver");
    }

    @Override
    public void setDate(int arg0, java.sql.Date arg1) throws SQLException {
        throw new SQLFeatureNotSupportedException("PreparedStatement.setDate is not supported by the libSQL driver");
    }

    @Override
    public void setDouble(int arg0, double arg1) throws SQLException {
        throw new SQLFeatureNotSupportedException("PreparedStatement.setDouble is not supported by the libSQL driver");
    }

    @Override
    public void setEscapeProcessing(boolean arg0) throws SQLException {
        throw new SQLFeatureNotSupportedException("PreparedStatement.setEscapeProcessing is not supported by the libSQL driver");
    }

    @Override
    public void setFetchDirection(int arg0) throws SQLException {
        throw new SQLFeatureNotSupportedException("PreparedStatement.setFetchDirection is not supported by the libSQL driver");
    }

    @Override
    public void setFetchSize(int arg0) throws SQLException {
        throw new SQLFeatureNotSupportedException("PreparedStatement.setFetchSize is not supported by the libSQL driver");
    }

    @Override
    public void setFloat(int arg0, float arg1) throws SQLException {
        throw new SQLFeatureNotSupportedException("PreparedStatement.setFloat is not supported by the libSQL driver");
    }

    @Override
    public void setInt(int arg0, int arg1) throws SQLException {
        throw new SQLFeatureNotSupportedException("PreparedStatement.setInt is not supported by the libSQL driver");
    }

    @Override
    public void setLong(int arg0, long arg1) throws SQLException {
        throw new SQLFeatureNotSupportedException("PreparedStatement.setLong is not supported by the libSQL driver");
    }

    @Override
    public void setMaxFieldSize(int arg0) throws SQLException {
        throw new SQLFeatureNotSupportedException("PreparedStatement.setMaxFieldSize is not supported by the libSQL driver");
    }

    @Override
    public void setMaxRows(int arg0) throws SQLException {
        throw new SQLFeatureNotSupportedException("PreparedStatement.setMaxRows is not supported by the libSQL driver");
    }

    @Override
    public void setNCharacterStream(int arg0, java.io.Reader arg1, long arg2) throws SQLException {
        throw new SQLFeatureNotSupportedException("PreparedStatement.setNCharacterStream is not supported by the libSQL driver");
    }

    @Override
    public void setNCharacterStream(int arg0, java.io.Reader arg1) throws SQLException {
        throw new SQLFeatureNotSupportedException("PreparedStatement.setNCharacterStream is not supported by the libSQL driver");
    }

    @Override
    public void setNClob(int arg0, java.io.Reader arg1, long arg2) throws SQLException {
        throw new SQLFeatureNotSupportedException("PreparedStatement.setNClob is not supported by the libSQL driver");
    }

    @Override
    public void setNClob(int arg0, java.io.Reader arg1) throws SQLException {
        throw new SQLFeatureNotSupportedException("PreparedStatement.setNClob is not supported by the libSQL driver");
    }

    @Override
    public void setNClob(int arg0, java.sql.NClob arg1) throws SQLException {
        throw new SQLFeatureNotSupportedException("PreparedStatement.setNClob is not supported by the libSQL driver");
    }

    @Override
    public void setNString(int arg0, java.lang.String arg1) throws SQLException {
        throw new SQLFeatureNotSupportedException("PreparedStatement.setNString is not supported by the libSQL driver");
    }

    @Override
    public void setNull(int arg0, int arg1, java.lang.String arg2) throws SQLException {
        throw new SQLFeatureNotSupportedException("PreparedStatement.setNull is not supported by the libSQL driver");
    }

    @Override
    public void setNull(int arg0, int arg1) throws SQLException {
        throw new SQLFeatureNotSupportedException("PreparedStatement.setNull is not supported by the libSQL driver");
    }

    @Override
    public void setObject(int arg0, java.lang.Object arg1, int arg2, int arg3) throws SQLException {
        throw new SQLFeatureNotSupportedException("PreparedStatement.setObject is not supported by the libSQL driver");
    }

    @Override
    public void setObject(int arg0, java.lang.Object arg1, int arg2) throws SQLException {
        throw new SQLFeatureNotSupportedException("PreparedStatement.setObject is not supported by the libSQL driver");
    }

    @Override
    public void setObject(int arg0, java.lang.Object arg1) throws SQLException {
        throw new SQLFeatureNotSupportedException("PreparedStatement.setObject is not supported by the libSQL driver");
    }

    @Override
    public void setPoolable(boolean arg0) throws SQLException {
        throw new SQLFeatureNotSupportedException("PreparedStatement.setPoolable is not supported by the libSQL driver");
    }

    @Override
    public void setQueryTimeout(int arg0) throws SQLException {
        throw new SQLFeatureNotSupportedException("PreparedStatement.setQueryTimeout is not supported by the libSQL driver");
    }

    @Override
    public void setRef(int arg0, java.sql.Ref arg1) throws SQLException {
        throw new SQLFeatureNotSupportedException("PreparedStatement.setRef is not supported by the libSQL driver");
    }

    @Override
    public void setRowId(int arg0, java.sql.RowId arg1) throws SQLException {
        throw new SQLFeatureNotSupportedException("PreparedStatement.setRowId is not supported by the libSQL driver");
    }

    @Override
    public void setSQLXML(int arg0, java.sql.SQLXML arg1) throws SQLException {
        throw new SQLFeatureNotSupportedException("PreparedStatement.setSQLXML is not supported by the libSQL driver");
    }

    @Override
    public void setShort(int arg0, short arg1) throws SQLException {
        throw new SQLFeatureNotSupportedException("PreparedStatement.setShort is not supported by the libSQL driver");
    }

    @Override
    public void setString(int arg0, java.lang.String arg1) throws SQLException {
        throw new SQLFeatureNotSupportedException("PreparedStatement.setString is not supported by the libSQL driver");
    }

    @Override
    public void setTime(int arg0, java.sql.Time arg1, java.util.Calendar arg2) throws SQLException {
        throw new SQLFeatureNotSupportedException("PreparedStatement.setTime is not supported by the libSQL driver");
    }

    @Override
    public void setTime(int arg0, java.sql.Time arg1) throws SQLException {
        throw new SQLFeatureNotSupportedException("PreparedStatement.setTime is not supported by the libSQL driver");
    }

    @Override
    public void setTimestamp(int arg0, java.sql.Timestamp arg1, java.util.Calendar arg2) throws SQLException {
        throw new SQLFeatureNotSupportedException("PreparedStatement.setTimestamp is not supported by the libSQL driver");
    }

    @Override
    public void setTimestamp(int arg0, java.sql.Timestamp arg1) throws SQLException {
        throw new SQLFeatureNotSupportedException("PreparedStatement.setTimestamp is not supported by the libSQL driver");
    }

    @Override
    public void setURL(int arg0, java.net.URL arg1) throws SQLException {
        throw new SQLFeatureNotSupportedException("PreparedStatement.setURL is not supported by the libSQL driver");
    }

    @Override
    public void setUnicodeStream(int arg0, java.io.InputStream arg1, int arg2) throws SQLException {
        throw new SQLFeatureNotSupportedException("PreparedStatement.setUnicodeStream is not supported by the libSQL driver");
    }

    @Override
    public <T> T unwrap(java.lang.Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw new SQLException("Not a wrapper for " + iface.getName());
    }
}
