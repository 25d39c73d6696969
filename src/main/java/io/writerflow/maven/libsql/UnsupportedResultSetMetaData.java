package io.writerflow.maven.libsql;

import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;

/** Every method of {@link java.sql.ResultSetMetaData} this driver does not support: each throws {@link SQLFeatureNotSupportedException}, except {@code unwrap}/{@code isWrapperFor}, which answer for the object itself. Generated; the subclass overrides what is supported. */
@SuppressWarnings({"deprecation", "unused"})
abstract class UnsupportedResultSetMetaData implements java.sql.ResultSetMetaData {

    @Override
    public java.lang.String getCatalogName(int arg0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSetMetaData.getCatalogName is not supported by the libSQL driver");
    }

    @Override
    public java.lang.String getColumnClassName(int arg0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSetMetaData.getColumnClassName is not supported by the libSQL driver");
    }

    @Override
    public int getColumnCount() throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSetMetaData.getColumnCount is not supported by the libSQL driver");
    }

    @Override
    public int getColumnDisplaySize(int arg0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSetMetaData.getColumnDisplaySize is not supported by the libSQL driver");
    }

    @Override
    public java.lang.String getColumnLabel(int arg0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSetMetaData.getColumnLabel is not supported by the libSQL driver");
    }

    @Override
    public java.lang.String getColumnName(int arg0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSetMetaData.getColumnName is not supported by the libSQL driver");
    }

    @Override
    public int getColumnType(int arg0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSetMetaData.getColumnType is not supported by the libSQL driver");
    }

    @Override
    public java.lang.String getColumnTypeName(int arg0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSetMetaData.getColumnTypeName is not supported by the libSQL driver");
    }

    @Override
    public int getPrecision(int arg0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSetMetaData.getPrecision is not supported by the libSQL driver");
    }

    @Override
    public int getScale(int arg0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSetMetaData.getScale is not supported by the libSQL driver");
    }

    @Override
    public java.lang.String getSchemaName(int arg0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSetMetaData.getSchemaName is not supported by the libSQL driver");
    }

    @Override
    public java.lang.String getTableName(int arg0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSetMetaData.getTableName is not supported by the libSQL driver");
    }

    @Override
    public boolean isAutoIncrement(int arg0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSetMetaData.isAutoIncrement is not supported by the libSQL driver");
    }

    @Override
    public boolean isCaseSensitive(int arg0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSetMetaData.isCaseSensitive is not supported by the libSQL driver");
    }

    @Override
    public boolean isCurrency(int arg0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSetMetaData.isCurrency is not supported by the libSQL driver");
    }

    @Override
    public boolean isDefinitelyWritable(int arg0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSetMetaData.isDefinitelyWritable is not supported by the libSQL driver");
    }

    @Override
    public int isNullable(int arg0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSetMetaData.isNullable is not supported by the libSQL driver");
    }

    @Override
    public boolean isReadOnly(int arg0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSetMetaData.isReadOnly is not supported by the libSQL driver");
    }

    @Override
    public boolean isSearchable(int arg0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSetMetaData.isSearchable is not supported by the libSQL driver");
    }

    @Override
    public boolean isSigned(int arg0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSetMetaData.isSigned is not supported by the libSQL driver");
    }

    @Override
    public boolean isWrapperFor(java.lang.Class<?> iface) {
        return iface.isInstance(this);
    }

    @Override
    public boolean isWritable(int arg0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSetMetaData.isWritable is not supported by the libSQL driver");
    }

    @Override
    public <T> T unwrap(java.lang.Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw new SQLException("Not a wrapper for " + iface.getName());
    }
}
