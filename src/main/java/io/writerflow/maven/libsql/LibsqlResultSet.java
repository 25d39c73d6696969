package io.writerflow.maven.libsql;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Locale;

/**
 * A forward-only, read-only result set over rows that arrived whole in one Hrana response. It reads what Flyway
 * and the plugin read; every other {@link java.sql.ResultSet} method throws (see {@link JdbcSurface}). It is its
 * own {@link ResultSetMetaData} too (as sqlite-jdbc's result set is): the column names are all that is asked of
 * that.
 */
final class LibsqlResultSet {

    /** This object as JDBC sees it (see {@link JdbcSurface}). */
    private final java.sql.ResultSet jdbc = JdbcSurface.of(java.sql.ResultSet.class, this);

    private final List<Hrana.Column> cols;
    private final List<List<Object>> rows;
    private int row = -1;
    private boolean wasNull;
    private boolean closed;

    LibsqlResultSet(List<Hrana.Column> cols, List<List<Object>> rows) {
        this.cols = cols;
        this.rows = rows;
    }

    public boolean next() throws SQLException {
        checkOpen();
        row = Math.min(row + 1, rows.size());
        return row < rows.size();
    }

    public void close() {
        closed = true;
    }

    public boolean wasNull() {
        return wasNull;
    }

    public ResultSetMetaData getMetaData() throws SQLException {
        checkOpen();
        return JdbcSurface.of(ResultSetMetaData.class, this);
    }

    /** For the metadata: the number of columns. */
    public int getColumnCount() {
        return cols.size();
    }

    /** For the metadata: a column's name. */
    public String getColumnName(int column) throws SQLException {
        return checked(column).name();
    }

    /** For the metadata: the name, as a result column's label is its name over Hrana. */
    public String getColumnLabel(int column) throws SQLException {
        return getColumnName(column);
    }

    public String getString(int columnIndex) throws SQLException {
        Object v = value(columnIndex);
        return v instanceof byte[] b ? new String(b, StandardCharsets.UTF_8) : v == null ? null : v.toString();
    }

    public String getString(String columnLabel) throws SQLException {
        return getString(column(columnLabel));
    }

    public int getInt(int columnIndex) throws SQLException {
        return number(columnIndex).intValue();
    }

    public int getInt(String columnLabel) throws SQLException {
        return getInt(column(columnLabel));
    }

    public long getLong(int columnIndex) throws SQLException {
        return number(columnIndex).longValue();
    }

    /** Numbers other than 0 are true; so are the texts true, t and yes. */
    public boolean getBoolean(int columnIndex) throws SQLException {
        if (value(columnIndex) instanceof String s) {
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

    public Timestamp getTimestamp(int columnIndex) throws SQLException {
        return SqlTimes.parse(value(columnIndex), columnName(columnIndex));
    }

    /** The value as Hrana sent it: null, Long, Double, String or byte[]. */
    public Object getObject(int columnIndex) throws SQLException {
        Object v = value(columnIndex);
        return v instanceof byte[] b ? b.clone() : v;
    }

    private Object value(int columnIndex) throws SQLException {
        checkOpen();
        if (row < 0 || row >= rows.size()) {
            throw new SQLException("The result set is not on a row (call next() first)", "24000");
        }
        checked(columnIndex);
        Object value = rows.get(row).get(columnIndex - 1);
        wasNull = value == null;
        return value;
    }

    /** The value as a number, 0 for NULL (as JDBC's getters answer); text is parsed. */
    private Number number(int columnIndex) throws SQLException {
        Object v = value(columnIndex);
        if (v == null || v instanceof Number) {
            return v == null ? 0L : (Number) v;
        }
        if (v instanceof String s) {
            String t = s.strip();
            try {
                return t.matches("[+-]?\\d+") ? (Number) Long.valueOf(t) : (Number) Double.valueOf(t);
            } catch (NumberFormatException e) {
                String shown = s.length() > 40 ? s.substring(0, 40) + "..." : s;
                throw new SQLException("Column " + columnName(columnIndex) + " holds '" + shown
                        + "', which is not a number", "22018");
            }
        }
        throw new SQLException("Column " + columnName(columnIndex) + " holds a blob, which is not a number", "22018");
    }

    private Hrana.Column checked(int columnIndex) throws SQLException {
        if (columnIndex < 1 || columnIndex > cols.size()) {
            throw new SQLException("Column index " + columnIndex + " is out of range 1.." + cols.size(), "07009");
        }
        return cols.get(columnIndex - 1);
    }

    private int column(String columnLabel) throws SQLException {
        checkOpen();
        for (int i = 0; i < cols.size(); i++) {
            if (cols.get(i).name() != null && cols.get(i).name().equalsIgnoreCase(columnLabel)) {
                return i + 1;
            }
        }
        throw new SQLException("No column '" + columnLabel + "' in the result", "42S22");
    }

    private String columnName(int columnIndex) {
        return "'" + cols.get(columnIndex - 1).name() + "'";
    }

    private void checkOpen() throws SQLException {
        if (closed) {
            throw new SQLException("The result set is closed", "24000");
        }
    }

    /** This object as a JDBC {@link java.sql.ResultSet}. */
    java.sql.ResultSet jdbc() {
        return jdbc;
    }
}
