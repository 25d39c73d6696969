package io.writerflow.maven.libsql;

import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;

/** Every method of {@link java.sql.ResultSet} this driver does not support: each throws {@link SQLFeatureNotSupportedException}, except {@code unwrap}/{@code isWrapperFor}, which answer for the object itself. Generated; the subclass overrides what is supported. */
@SuppressWarnings({"deprecation", "unused"})
abstract class UnsupportedResultSet implements java.sql.ResultSet {

    @Override
    public boolean absolute(int arg0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.absolute is not supported by the libSQL driver");
    }

    @Override
    public void afterLast() throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.afterLast is not supported by the libSQL driver");
    }

    @Override
    public void beforeFirst() throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.beforeFirst is not supported by the libSQL driver");
    }

    @Override
    public void cancelRowUpdates() throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.cancelRowUpdates is not supported by the libSQL driver");
    }

    @Override
    public void clearWarnings() throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.clearWarnings is not supported by the libSQL driver");
    }

    @Override
    public void close() throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.close is not supported by the libSQL driver");
    }

    @Override
    public void deleteRow() throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.deleteRow is not supported by the libSQL driver");
    }

    @Override
    public int findColumn(java.lang.String arg0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.findColumn is not supported by the libSQL driver");
    }

    @Override
    public boolean first() throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.first is not supported by the libSQL driver");
    }

    @Override
    public java.sql.Array getArray(java.lang.String arg0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.getArray is not supported by the libSQL driver");
    }

    @Override
    public java.sql.Array getArray(int arg0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.getArray is not supported by the libSQL driver");
    }

    @Override
    public java.io.InputStream getAsciiStream(java.lang.String arg0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.getAsciiStream is not supported by the libSQL driver");
    }

    @Override
    public java.io.InputStream getAsciiStream(int arg0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.getAsciiStream is not supported by the libSQL driver");
    }

    @Override
    public java.math.BigDecimal getBigDecimal(java.lang.String arg0, int arg1) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.getBigDecimal is not supported by the libSQL driver");
    }

    @Override
    public java.math.BigDecimal getBigDecimal(java.lang.String arg0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.getBigDecimal is not supported by the libSQL driver");
    }

    @Override
    public java.math.BigDecimal getBigDecimal(int arg0, int arg1) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.getBigDecimal is not supported by the libSQL driver");
    }

    @Override
    public java.math.BigDecimal getBigDecimal(int arg0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.getBigDecimal is not supported by the libSQL driver");
    }

    @Override
    public java.io.InputStream getBinaryStream(java.lang.String arg0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.getBinaryStream is not supported by the libSQL driver");
    }

    @Override
    public java.io.InputStream getBinaryStream(int arg0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.getBinaryStream is not supported by the libSQL driver");
    }

    @Override
    public java.sql.Blob getBlob(java.lang.String arg0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.getBlob is not supported by the libSQL driver");
    }

    @Override
    public java.sql.Blob getBlob(int arg0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.getBlob is not supported by the libSQL driver");
    }

    @Override
    public boolean getBoolean(java.lang.String arg0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.getBoolean is not supported by the libSQL driver");
    }

    @Override
    public boolean getBoolean(int arg0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.getBoolean is not supported by the libSQL driver");
    }

    @Override
    public byte getByte(java.lang.String arg0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.getByte is not supported by the libSQL driver");
    }

    @Override
    public byte getByte(int arg0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.getByte is not supported by the libSQL driver");
    }

    @Override
    public byte[] getBytes(java.lang.String arg0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.getBytes is not supported by the libSQL driver");
    }

    @Override
    public byte[] getBytes(int arg0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.getBytes is not supported by the libSQL driver");
    }

    @Override
    public java.io.Reader getCharacterStream(java.lang.String arg0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.getCharacterStream is not supported by the libSQL driver");
    }

    @Override
    public java.io.Reader getCharacterStream(int arg0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.getCharacterStream is not supported by the libSQL driver");
    }

    @Override
    public java.sql.Clob getClob(java.lang.String arg0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.getClob is not supported by the libSQL driver");
    }

    @Override
    public java.sql.Clob getClob(int arg0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.getClob is not supported by the libSQL driver");
    }

    @Override
    public int getConcurrency() throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.getConcurrency is not supported by the libSQL driver");
    }

    @Override
    public java.lang.String getCursorName() throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.getCursorName is not supported by the libSQL driver");
    }

    @Override
    public java.sql.Date getDate(java.lang.String arg0, java.util.Calendar arg1) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.getDate is not supported by the libSQL driver");
    }

    @Override
    public java.sql.Date getDate(java.lang.String arg0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.getDate is not supported by the libSQL driver");
    }

    @Override
    public java.sql.Date getDate(int arg0, java.util.Calendar arg1) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.getDate is not supported by the libSQL driver");
    }

    @Override
    public java.sql.Date getDate(int arg0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.getDate is not supported by the libSQL driver");
    }

    @Override
    public double getDouble(java.lang.String arg0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.getDouble is not supported by the libSQL driver");
    }

    @Override
    public double getDouble(int arg0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.getDouble is not supported by the libSQL driver");
    }

    @Override
    public int getFetchDirection() throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.getFetchDirection is not supported by the libSQL driver");
    }

    @Override
    public int getFetchSize() throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.getFetchSize is not supported by the libSQL driver");
    }

    @Override
    public float getFloat(java.lang.String arg0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.getFloat is not supported by the libSQL driver");
    }

    @Override
    public float getFloat(int arg0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.getFloat is not supported by the libSQL driver");
    }

    @Override
    public int getHoldability() throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.getHoldability is not supported by the libSQL driver");
    }

    @Override
    public int getInt(java.lang.String arg0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.getInt is not supported by the libSQL driver");
    }

    @Override
    public int getInt(int arg0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.getInt is not supported by the libSQL driver");
    }

    @Override
    public long getLong(java.lang.String arg0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.getLong is not supported by the libSQL driver");
    }

    @Override
    public long getLong(int arg0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.getLong is not supported by the libSQL driver");
    }

    @Override
    public java.sql.ResultSetMetaData getMetaData() throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.getMetaData is not supported by the libSQL driver");
    }

    @Override
    public java.io.Reader getNCharacterStream(java.lang.String arg0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.getNCharacterStream is not supported by the libSQL driver");
    }

    @Override
    public java.io.Reader getNCharacterStream(int arg0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.getNCharacterStream is not supported by the libSQL driver");
    }

    @Override
    public java.sql.NClob getNClob(java.lang.String arg0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.getNClob is not supported by the libSQL driver");
    }

    @Override
    public java.sql.NClob getNClob(int arg0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.getNClob is not supported by the libSQL driver");
    }

    @Override
    public java.lang.String getNString(java.lang.String arg0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.getNString is not supported by the libSQL driver");
    }

    @Override
    public java.lang.String getNString(int arg0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.getNString is not supported by the libSQL driver");
    }

    @Override
    public <T> T getObject(java.lang.String arg0, java.lang.Class<T> arg1) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.getObject is not supported by the libSQL driver");
    }

    @Override
    public java.lang.Object getObject(java.lang.String arg0, java.util.Map<java.lang.String, java.lang.Class<?>> arg1) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.getObject is not supported by the libSQL driver");
    }

    @Override
    public java.lang.Object getObject(java.lang.String arg0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.getObject is not supported by the libSQL driver");
    }

    @Override
    public <T> T getObject(int arg0, java.lang.Class<T> arg1) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.getObject is not supported by the libSQL driver");
    }

    @Override
    public java.lang.Object getObject(int arg0, java.util.Map<java.lang.String, java.lang.Class<?>> arg1) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.getObject is not supported by the libSQL driver");
    }

    @Override
    public java.lang.Object getObject(int arg0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.getObject is not supported by the libSQL driver");
    }

    @Override
    public java.sql.Ref getRef(java.lang.String arg0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.getRef is not supported by the libSQL driver");
    }

    @Override
    public java.sql.Ref getRef(int arg0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.getRef is not supported by the libSQL driver");
    }

    @Override
    public int getRow() throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.getRow is not supported by the libSQL driver");
    }

    @Override
    public java.sql.RowId getRowId(java.lang.String arg0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.getRowId is not supported by the libSQL driver");
    }

    @Override
    public java.sql.RowId getRowId(int arg0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.getRowId is not supported by the libSQL driver");
    }

    @Override
    public java.sql.SQLXML getSQLXML(java.lang.String arg0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.getSQLXML is not supported by the libSQL driver");
    }

    @Override
    public java.sql.SQLXML getSQLXML(int arg0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.getSQLXML is not supported by the libSQL driver");
    }

    @Override
    public short getShort(java.lang.String arg0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.getShort is not supported by the libSQL driver");
    }

    @Override
    public short getShort(int arg0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.getShort is not supported by the libSQL driver");
    }

    @Override
    public java.sql.Statement getStatement() throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.getStatement is not supported by the libSQL driver");
    }

    @Override
    public java.lang.String getString(java.lang.String arg0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.getString is not supported by the libSQL driver");
    }

    @Override
    public java.lang.String getString(int arg0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.getString is not supported by the libSQL driver");
    }

    @Override
    public java.sql.Time getTime(java.lang.String arg0, java.util.Calendar arg1) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.getTime is not supported by the libSQL driver");
    }

    @Override
    public java.sql.Time getTime(java.lang.String arg0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.getTime is not supported by the libSQL driver");
    }

    @Override
    public java.sql.Time getTime(int arg0, java.util.Calendar arg1) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.getTime is not supported by the libSQL driver");
    }

    @Override
    public java.sql.Time getTime(int arg0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.getTime is not supported by the libSQL driver");
    }

    @Override
    public java.sql.Timestamp getTimestamp(java.lang.String arg0, java.util.Calendar arg1) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.getTimestamp is not supported by the libSQL driver");
    }

    @Override
    public java.sql.Timestamp getTimestamp(java.lang.String arg0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.getTimestamp is not supported by the libSQL driver");
    }

    @Override
    public java.sql.Timestamp getTimestamp(int arg0, java.util.Calendar arg1) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.getTimestamp is not supported by the libSQL driver");
    }

    @Override
    public java.sql.Timestamp getTimestamp(int arg0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.getTimestamp is not supported by the libSQL driver");
    }

    @Override
    public int getType() throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.getType is not supported by the libSQL driver");
    }

    @Override
    public java.net.URL getURL(java.lang.String arg0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.getURL is not supported by the libSQL driver");
    }

    @Override
    public java.net.URL getURL(int arg0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.getURL is not supported by the libSQL driver");
    }

    @Override
    public java.io.InputStream getUnicodeStream(java.lang.String arg0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.getUnicodeStream is not supported by the libSQL driver");
    }

    @Override
    public java.io.InputStream getUnicodeStream(int arg0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.getUnicodeStream is not supported by the libSQL driver");
    }

    @Override
    public java.sql.SQLWarning getWarnings() throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.getWarnings is not supported by the libSQL driver");
    }

    @Override
    public void insertRow() throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.insertRow is not supported by the libSQL driver");
    }

    @Override
    public boolean isAfterLast() throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.isAfterLast is not supported by the libSQL driver");
    }

    @Override
    public boolean isBeforeFirst() throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.isBeforeFirst is not supported by the libSQL driver");
    }

    @Override
    public boolean isClosed() throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.isClosed is not supported by the libSQL driver");
    }

    @Override
    public boolean isFirst() throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.isFirst is not supported by the libSQL driver");
    }

    @Override
    public boolean isLast() throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.isLast is not supported by the libSQL driver");
    }

    @Override
    public boolean isWrapperFor(java.lang.Class<?> iface) {
        return iface.isInstance(this);
    }

    @Override
    public boolean last() throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.last is not supported by the libSQL driver");
    }

    @Override
    public void moveToCurrentRow() throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.moveToCurrentRow is not supported by the libSQL driver");
    }

    @Override
    public void moveToInsertRow() throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.moveToInsertRow is not supported by the libSQL driver");
    }

    @Override
    public boolean next() throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.next is not supported by the libSQL driver");
    }

    @Override
    public boolean previous() throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.previous is not supported by the libSQL driver");
    }

    @Override
    public void refreshRow() throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.refreshRow is not supported by the libSQL driver");
    }

    @Override
    public boolean relative(int arg0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.relative is not supported by the libSQL driver");
    }

    @Override
    public boolean rowDeleted() throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.rowDeleted is not supported by the libSQL driver");
    }

    @Override
    public boolean rowInserted() throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.rowInserted is not supported by the libSQL driver");
    }

    @Override
    public boolean rowUpdated() throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.rowUpdated is not supported by the libSQL driver");
    }

    @Override
    public void setFetchDirection(int arg0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.setFetchDirection is not supported by the libSQL driver");
    }

    @Override
    public void setFetchSize(int arg0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.setFetchSize is not supported by the libSQL driver");
    }

    @Override
    public <T> T unwrap(java.lang.Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw new SQLException("Not a wrapper for " + iface.getName());
    }

    @Override
    public void updateArray(java.lang.String arg0, java.sql.Array arg1) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateArray is not supported by the libSQL driver");
    }

    @Override
    public void updateArray(int arg0, java.sql.Array arg1) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateArray is not supported by the libSQL driver");
    }

    @Override
    public void updateAsciiStream(java.lang.String arg0, java.io.InputStream arg1, int arg2) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateAsciiStream is not supported by the libSQL driver");
    }

    @Override
    public void updateAsciiStream(java.lang.String arg0, java.io.InputStream arg1, long arg2) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateAsciiStream is not supported by the libSQL driver");
    }

    @Override
    public void updateAsciiStream(java.lang.String arg0, java.io.InputStream arg1) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateAsciiStream is not supported by the libSQL driver");
    }

    @Override
    public void updateAsciiStream(int arg0, java.io.InputStream arg1, int arg2) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateAsciiStream is not supported by the libSQL driver");
    }

    @Override
    public void updateAsciiStream(int arg0, java.io.InputStream arg1, long arg2) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateAsciiStream is not supported by the libSQL driver");
    }

    @Override
    public void updateAsciiStream(int arg0, java.io.InputStream arg1) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateAsciiStream is not supported by the libSQL driver");
    }

    @Override
    public void updateBigDecimal(java.lang.String arg0, java.math.BigDecimal arg1) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateBigDecimal is not supported by the libSQL driver");
    }

    @Override
    public void updateBigDecimal(int arg0, java.math.BigDecimal arg1) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateBigDecimal is not supported by the libSQL driver");
    }

    @Override
    public void updateBinaryStream(java.lang.String arg0, java.io.InputStream arg1, int arg2) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateBinaryStream is not supported by the libSQL driver");
    }

    @Override
    public void updateBinaryStream(java.lang.String arg0, java.io.InputStream arg1, long arg2) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateBinaryStream is not supported by the libSQL driver");
    }

    @Override
    public void updateBinaryStream(java.lang.String arg0, java.io.InputStream arg1) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateBinaryStream is not supported by the libSQL driver");
    }

    @Override
    public void updateBinaryStream(int arg0, java.io.InputStream arg1, int arg2) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateBinaryStream is not supported by the libSQL driver");
    }

    @Override
    public void updateBinaryStream(int arg0, java.io.InputStream arg1, long arg2) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateBinaryStream is not supported by the libSQL driver");
    }

    @Override
    public void updateBinaryStream(int arg0, java.io.InputStream arg1) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateBinaryStream is not supported by the libSQL driver");
    }

    @Override
    public void updateBlob(java.lang.String arg0, java.io.InputStream arg1, long arg2) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateBlob is not supported by the libSQL driver");
    }

    @Override
    public void updateBlob(java.lang.String arg0, java.io.InputStream arg1) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateBlob is not supported by the libSQL driver");
    }

    @Override
    public void updateBlob(java.lang.String arg0, java.sql.Blob arg1) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateBlob is not supported by the libSQL driver");
    }

    @Override
    public void updateBlob(int arg0, java.io.InputStream arg1, long arg2) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateBlob is not supported by the libSQL driver");
    }

    @Override
    public void updateBlob(int arg0, java.io.InputStream arg1) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateBlob is not supported by the libSQL driver");
    }

    @Override
    public void updateBlob(int arg0, java.sql.Blob arg1) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateBlob is not supported by the libSQL driver");
    }

    @Override
    public void updateBoolean(java.lang.String arg0, boolean arg1) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateBoolean is not supported by the libSQL driver");
    }

    @Override
    public void updateBoolean(int arg0, boolean arg1) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateBoolean is not supported by the libSQL driver");
    }

    @Override
    public void updateByte(java.lang.String arg0, byte arg1) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateByte is not supported by the libSQL driver");
    }

    @Override
    public void updateByte(int arg0, byte arg1) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateByte is not supported by the libSQL driver");
    }

    @Override
    public void updateBytes(java.lang.String arg0, byte[] arg1) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateBytes is not supported by the libSQL driver");
    }

    @Override
    public void updateBytes(int arg0, byte[] arg1) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateBytes is not supported by the libSQL driver");
    }

    @Override
    public void updateCharacterStream(java.lang.String arg0, java.io.Reader arg1, int arg2) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateCharacterStream is not supported by the libSQL driver");
    }

    @Override
    public void updateCharacterStream(java.lang.String arg0, java.io.Reader arg1, long arg2) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateCharacterStream is not supported by the libSQL driver");
    }

    @Override
    public void updateCharacterStream(java.lang.String arg0, java.io.Reader arg1) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateCharacterStream is not supported by the libSQL driver");
    }

    @Override
    public void updateCharacterStream(int arg0, java.io.Reader arg1, int arg2) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateCharacterStream is not supported by the libSQL driver");
    }

    @Override
    public void updateCharacterStream(int arg0, java.io.Reader arg1, long arg2) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateCharacterStream is not supported by the libSQL driver");
    }

    @Override
    public void updateCharacterStream(int arg0, java.io.Reader arg1) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateCharacterStream is not supported by the libSQL driver");
    }

    @Override
    public void updateClob(java.lang.String arg0, java.io.Reader arg1, long arg2) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateClob is not supported by the libSQL driver");
    }

    @Override
    public void updateClob(java.lang.String arg0, java.io.Reader arg1) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateClob is not supported by the libSQL driver");
    }

    @Override
    public void updateClob(java.lang.String arg0, java.sql.Clob arg1) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateClob is not supported by the libSQL driver");
    }

    @Override
    public void updateClob(int arg0, java.io.Reader arg1, long arg2) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateClob is not supported by the libSQL driver");
    }

    @Override
    public void updateClob(int arg0, java.io.Reader arg1) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateClob is not supported by the libSQL driver");
    }

    @Override
    public void updateClob(int arg0, java.sql.Clob arg1) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateClob is not supported by the libSQL driver");
    }

    @Override
    public void updateDate(java.lang.String arg0, java.sql.Date arg1) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateDate is not supported by the libSQL driver");
    }

    @Override
    public void updateDate(int arg0, java.sql.Date arg1) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateDate is not supported by the libSQL driver");
    }

    @Override
    public void updateDouble(java.lang.String arg0, double arg1) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateDouble is not supported by the libSQL driver");
    }

    @Override
    public void updateDouble(int arg0, double arg1) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateDouble is not supported by the libSQL driver");
    }

    @Override
    public void updateFloat(java.lang.String arg0, float arg1) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateFloat is not supported by the libSQL driver");
    }

    @Override
    public void updateFloat(int arg0, float arg1) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateFloat is not supported by the libSQL driver");
    }

    @Override
    public void updateInt(java.lang.String arg0, int arg1) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateInt is not supported by the libSQL driver");
    }

    @Override
    public void updateInt(int arg0, int arg1) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateInt is not supported by the libSQL driver");
    }

    @Override
    public void updateLong(java.lang.String arg0, long arg1) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateLong is not supported by the libSQL driver");
    }

    @Override
    public void updateLong(int arg0, long arg1) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateLong is not supported by the libSQL driver");
    }

    @Override
    public void updateNCharacterStream(java.lang.String arg0, java.io.Reader arg1, long arg2) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateNCharacterStream is not supported by the libSQL driver");
    }

    @Override
    public void updateNCharacterStream(java.lang.String arg0, java.io.Reader arg1) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateNCharacterStream is not supported by the libSQL driver");
    }

    @Override
    public void updateNCharacterStream(int arg0, java.io.Reader arg1, long arg2) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateNCharacterStream is not supported by the libSQL driver");
    }

    @Override
    public void updateNCharacterStream(int arg0, java.io.Reader arg1) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateNCharacterStream is not supported by the libSQL driver");
    }

    @Override
    public void updateNClob(java.lang.String arg0, java.io.Reader arg1, long arg2) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateNClob is not supported by the libSQL driver");
    }

    @Override
    public void updateNClob(java.lang.String arg0, java.io.Reader arg1) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateNClob is not supported by the libSQL driver");
    }

    @Override
    public void updateNClob(java.lang.String arg0, java.sql.NClob arg1) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateNClob is not supported by the libSQL driver");
    }

    @Override
    public void updateNClob(int arg0, java.io.Reader arg1, long arg2) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateNClob is not supported by the libSQL driver");
    }

    @Override
    public void updateNClob(int arg0, java.io.Reader arg1) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateNClob is not supported by the libSQL driver");
    }

    @Override
    public void updateNClob(int arg0, java.sql.NClob arg1) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateNClob is not supported by the libSQL driver");
    }

    @Override
    public void updateNString(java.lang.String arg0, java.lang.String arg1) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateNString is not supported by the libSQL driver");
    }

    @Override
    public void updateNString(int arg0, java.lang.String arg1) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateNString is not supported by the libSQL driver");
    }

    @Override
    public void updateNull(java.lang.String arg0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateNull is not supported by the libSQL driver");
    }

    @Override
    public void updateNull(int arg0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateNull is not supported by the libSQL driver");
    }

    @Override
    public void updateObject(java.lang.String arg0, java.lang.Object arg1, int arg2) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateObject is not supported by the libSQL driver");
    }

    @Override
    public void updateObject(java.lang.String arg0, java.lang.Object arg1) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateObject is not supported by the libSQL driver");
    }

    @Override
    public void updateObject(int arg0, java.lang.Object arg1, int arg2) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateObject is not supported by the libSQL driver");
    }

    @Override
    public void updateObject(int arg0, java.lang.Object arg1) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateObject is not supported by the libSQL driver");
    }

    @Override
    public void updateRef(java.lang.String arg0, java.sql.Ref arg1) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateRef is not supported by the libSQL driver");
    }

    @Override
    public void updateRef(int arg0, java.sql.Ref arg1) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateRef is not supported by the libSQL driver");
    }

    @Override
    public void updateRow() throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateRow is not supported by the libSQL driver");
    }

    @Override
    public void updateRowId(java.lang.String arg0, java.sql.RowId arg1) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateRowId is not supported by the libSQL driver");
    }

    @Override
    public void updateRowId(int arg0, java.sql.RowId arg1) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateRowId is not supported by the libSQL driver");
    }

    @Override
    public void updateSQLXML(java.lang.String arg0, java.sql.SQLXML arg1) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateSQLXML is not supported by the libSQL driver");
    }

    @Override
    public void updateSQLXML(int arg0, java.sql.SQLXML arg1) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateSQLXML is not supported by the libSQL driver");
    }

    @Override
    public void updateShort(java.lang.String arg0, short arg1) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateShort is not supported by the libSQL driver");
    }

    @Override
    public void updateShort(int arg0, short arg1) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateShort is not supported by the libSQL driver");
    }

    @Override
    public void updateString(java.lang.String arg0, java.lang.String arg1) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateString is not supported by the libSQL driver");
    }

    @Override
    public void updateString(int arg0, java.lang.String arg1) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateString is not supported by the libSQL driver");
    }

    @Override
    public void updateTime(java.lang.String arg0, java.sql.Time arg1) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateTime is not supported by the libSQL driver");
    }

    @Override
    public void updateTime(int arg0, java.sql.Time arg1) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateTime is not supported by the libSQL driver");
    }

    @Override
    public void updateTimestamp(java.lang.String arg0, java.sql.Timestamp arg1) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateTimestamp is not supported by the libSQL driver");
    }

    @Override
    public void updateTimestamp(int arg0, java.sql.Timestamp arg1) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateTimestamp is not supported by the libSQL driver");
    }

    @Override
    public boolean wasNull() throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.wasNull is not supported by the libSQL driver");
    }
}
