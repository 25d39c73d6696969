package io.writerflow.maven.libsql;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

/** A forward-only, read-only result set over rows that arrived whole in one Hrana response. */
final class LibsqlResultSet {

    /** This object as JDBC sees it (see {@link JdbcSurface}). */
    private final java.sql.ResultSet jdbc = JdbcSurface.of(java.sql.ResultSet.class, this);

    private final LibsqlStatement statement;
    private final List<Hrana.Column> cols;
    private final List<List<Object>> rows;
    private int row = -1;
    private boolean wasNull;
    private boolean closed;

    LibsqlResultSet(LibsqlStatement statement, List<Hrana.Column> cols, List<List<Object>> rows) {
        this.statement = statement;
        this.cols = cols;
        this.rows = rows;
    }

    List<Hrana.Column> columns() {
        return cols;
    }

    List<List<Object>> rows() {
        return rows;
    }

    public boolean next() throws SQLException {
        checkOpen();
        if (row < rows.size()) {
            row++;
        }
        return row < rows.size();
    }

    public void close() throws SQLException {
        if (!closed) {
            closed = true;
            if (statement != null) {
                statement.resultSetClosed();
            }
        }
    }

    void closeFromStatement() {
        closed = true;
    }

    public boolean isClosed() {
        return closed;
    }

    public boolean wasNull() {
        return wasNull;
    }

    private Object value(int columnIndex) throws SQLException {
        checkOpen();
        if (row < 0 || row >= rows.size()) {
            throw new SQLException("The result set is not on a row (call next() first)", "24000");
        }
        if (columnIndex < 1 || columnIndex > cols.size()) {
            throw new SQLException("Column index " + columnIndex + " is out of range 1.." + cols.size(), "07009");
        }
        Object value = rows.get(row).get(columnIndex - 1);
        wasNull = value == null;
        return value;
    }

    private String columnName(int columnIndex) {
        return columnIndex >= 1 && columnIndex <= cols.size() ? "'" + cols.get(columnIndex - 1).name() + "'"
                : String.valueOf(columnIndex);
    }

    public int findColumn(String columnLabel) throws SQLException {
        checkOpen();
        for (int i = 0; i < cols.size(); i++) {
            if (cols.get(i).name() != null && cols.get(i).name().equalsIgnoreCase(columnLabel)) {
                return i + 1;
            }
        }
        throw new SQLException("No column '" + columnLabel + "' in the result", "42S22");
    }

    public String getString(int columnIndex) throws SQLException {
        Object v = value(columnIndex);
        if (v == null) {
            return null;
        }
        if (v instanceof byte[] b) {
            return new String(b, StandardCharsets.UTF_8);
        }
        return v.toString();
    }

    private Number number(int columnIndex) throws SQLException {
        Object v = value(columnIndex);
        if (v == null) {
            return null;
        }
        if (v instanceof Number n) {
            return n;
        }
        if (v instanceof String s) {
            String t = s.strip();
            try {
                return t.matches("[+-]?\\d+") ? (Number) Long.valueOf(t) : (Number) Double.valueOf(t);
            } catch (NumberFormatException e) {
                throw new SQLException("Column " + columnName(columnIndex) + " holds '" + abbreviate(s)
                        + "', which is not a number", "22018");
            }
        }
        throw new SQLException("Column " + columnName(columnIndex) + " holds a blob, which is not a number", "22018");
    }

    public boolean getBoolean(int columnIndex) throws SQLException {
        Object v = value(columnIndex);
        if (v == null) {
            return false;
        }
        if (v instanceof String s) {
            String t = s.strip().toLowerCase(Locale.ROOT);
            if (t.equals("true") || t.equals("t") || t.equals("yes")) {
                return true;
            }
            if (t.equals("false") || t.equals("f") || t.equals("no") || t.isEmpty()) {
                return false;
            }
        }
        return number(columnIndex).doubleValue() != 0;
    }

    public byte getByte(int columnIndex) throws SQLException {
        Number n = number(columnIndex);
        return n == null ? 0 : n.byteValue();
    }

    public short getShort(int columnIndex) throws SQLException {
        Number n = number(columnIndex);
        return n == null ? 0 : n.shortValue();
    }

    public int getInt(int columnIndex) throws SQLException {
        Number n = number(columnIndex);
        return n == null ? 0 : n.intValue();
    }

    public long getLong(int columnIndex) throws SQLException {
        Number n = number(columnIndex);
        return n == null ? 0 : n.longValue();
    }

    public float getFloat(int columnIndex) throws SQLException {
        Number n = number(columnIndex);
        return n == null ? 0 : n.floatValue();
    }

    public double getDouble(int columnIndex) throws SQLException {
        Number n = number(columnIndex);
        return n == null ? 0 : n.doubleValue();
    }

    public BigDecimal getBigDecimal(int columnIndex) throws SQLException {
        Number n = number(columnIndex);
        if (n == null) {
            return null;
        }
        return n instanceof Long l ? BigDecimal.valueOf(l) : new BigDecimal(n.toString());
    }

    public byte[] getBytes(int columnIndex) throws SQLException {
        Object v = value(columnIndex);
        if (v == null) {
            return null;
        }
        if (v instanceof byte[] b) {
            return b.clone();
        }
        return getString(columnIndex).getBytes(StandardCharsets.UTF_8);
    }

    public Timestamp getTimestamp(int columnIndex) throws SQLException {
        return SqlTimes.parse(value(columnIndex), columnName(columnIndex));
    }

    public Date getDate(int columnIndex) throws SQLException {
        Timestamp t = getTimestamp(columnIndex);
        return t == null ? null : Date.valueOf(t.toInstant().atOffset(ZoneOffset.UTC).toLocalDate());
    }

    public Time getTime(int columnIndex) throws SQLException {
        Object v = value(columnIndex);
        if (v instanceof String s && s.strip().matches("\\d\\d:\\d\\d:\\d\\d")) {
            return Time.valueOf(s.strip());
        }
        Timestamp t = SqlTimes.parse(v, columnName(columnIndex));
        return t == null ? null : Time.valueOf(t.toInstant().atOffset(ZoneOffset.UTC).toLocalTime());
    }

    public Object getObject(int columnIndex) throws SQLException {
        Object v = value(columnIndex);
        return v instanceof byte[] b ? b.clone() : v;
    }

    public <T> T getObject(int columnIndex, Class<T> type) throws SQLException {
        Object v = value(columnIndex);
        if (v == null) {
            return null;
        }
        Object out;
        if (type == String.class) {
            out = getString(columnIndex);
        } else if (type == Long.class) {
            out = getLong(columnIndex);
        } else if (type == Integer.class) {
            out = getInt(columnIndex);
        } else if (type == Double.class) {
            out = getDouble(columnIndex);
        } else if (type == Boolean.class) {
            out = getBoolean(columnIndex);
        } else if (type == byte[].class) {
            out = getBytes(columnIndex);
        } else if (type == BigDecimal.class) {
            out = getBigDecimal(columnIndex);
        } else if (type == Timestamp.class) {
            out = getTimestamp(columnIndex);
        } else if (type == java.time.Instant.class) {
            out = getTimestamp(columnIndex).toInstant();
        } else if (type.isInstance(v)) {
            out = v;
        } else {
            throw new SQLException("Column " + columnName(columnIndex) + " cannot be read as " + type.getName(),
                    "22018");
        }
        wasNull = false;
        return type.cast(out);
    }

    public String getString(String columnLabel) throws SQLException {
        return getString(findColumn(columnLabel));
    }

    public boolean getBoolean(String columnLabel) throws SQLException {
        return getBoolean(findColumn(columnLabel));
    }

    public byte getByte(String columnLabel) throws SQLException {
        return getByte(findColumn(columnLabel));
    }

    public short getShort(String columnLabel) throws SQLException {
        return getShort(findColumn(columnLabel));
    }

    public int getInt(String columnLabel) throws SQLException {
        return getInt(findColumn(columnLabel));
    }

    public long getLong(String columnLabel) throws SQLException {
        return getLong(findColumn(columnLabel));
    }

    public float getFloat(String columnLabel) throws SQLException {
        return getFloat(findColumn(columnLabel));
    }

    public double getDouble(String columnLabel) throws SQLException {
        return getDouble(findColumn(columnLabel));
    }

    public BigDecimal getBigDecimal(String columnLabel) throws SQLException {
        return getBigDecimal(findColumn(columnLabel));
    }

    public byte[] getBytes(String columnLabel) throws SQLException {
        return getBytes(findColumn(columnLabel));
    }

    public Timestamp getTimestamp(String columnLabel) throws SQLException {
        return getTimestamp(findColumn(columnLabel));
    }

    public Date getDate(String columnLabel) throws SQLException {
        return getDate(findColumn(columnLabel));
    }

    public Time getTime(String columnLabel) throws SQLException {
        return getTime(findColumn(columnLabel));
    }

    public Object getObject(String columnLabel) throws SQLException {
        return getObject(findColumn(columnLabel));
    }

    public <T> T getObject(String columnLabel, Class<T> type) throws SQLException {
        return getObject(findColumn(columnLabel), type);
    }

    public ResultSetMetaData getMetaData() throws SQLException {
        checkOpen();
        return new LibsqlResultSetMetaData(cols, rows).jdbc();
    }

    public Statement getStatement() {
        return statement.jdbc();
    }

    public boolean isBeforeFirst() throws SQLException {
        checkOpen();
        return row == -1 && !rows.isEmpty();
    }

    public boolean isAfterLast() throws SQLException {
        checkOpen();
        return row >= rows.size() && !rows.isEmpty();
    }

    public boolean isFirst() throws SQLException {
        checkOpen();
        return row == 0 && !rows.isEmpty();
    }

    public boolean isLast() throws SQLException {
        checkOpen();
        return row == rows.size() - 1 && !rows.isEmpty();
    }

    public int getRow() throws SQLException {
        checkOpen();
        return row >= 0 && row < rows.size() ? row + 1 : 0;
    }

    public int getType() {
        return ResultSet.TYPE_FORWARD_ONLY;
    }

    public int getConcurrency() {
        return ResultSet.CONCUR_READ_ONLY;
    }

    public int getHoldability() {
        return ResultSet.CLOSE_CURSORS_AT_COMMIT;
    }

    public int getFetchDirection() {
        return ResultSet.FETCH_FORWARD;
    }

    public void setFetchDirection(int direction) throws SQLException {
        if (direction != ResultSet.FETCH_FORWARD) {
            throw new SQLException("Only FETCH_FORWARD is supported", "HY024");
        }
    }

    public int getFetchSize() {
        return 0;
    }

    public void setFetchSize(int rows) {
    }

    public SQLWarning getWarnings() {
        return null;
    }

    public void clearWarnings() {
    }


    private void checkOpen() throws SQLException {
        if (closed) {
            throw new SQLException("The result set is closed", "24000");
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }

    /** This object as a JDBC {@link java.sql.ResultSet}. */
    java.sql.ResultSet jdbc() {
        return jdbc;
    }
}
