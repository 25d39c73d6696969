package io.writerflow.maven.libsql;

import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Locale;

/**
 * Column names and types of a result. The type is the column's declared type when the server sends one
 * (mapped by SQLite's affinity rules), otherwise the type of the first non-null value in the column.
 */
final class LibsqlResultSetMetaData {

    /** This object as JDBC sees it (see {@link JdbcSurface}). */
    private final java.sql.ResultSetMetaData jdbc = JdbcSurface.of(java.sql.ResultSetMetaData.class, this);

    private final List<Hrana.Column> cols;
    private final List<List<Object>> rows;

    LibsqlResultSetMetaData(List<Hrana.Column> cols, List<List<Object>> rows) {
        this.cols = cols;
        this.rows = rows;
    }

    private Hrana.Column col(int column) throws SQLException {
        if (column < 1 || column > cols.size()) {
            throw new SQLException("Column index " + column + " is out of range 1.." + cols.size(), "07009");
        }
        return cols.get(column - 1);
    }

    public int getColumnCount() {
        return cols.size();
    }

    public String getColumnName(int column) throws SQLException {
        return col(column).name();
    }

    public String getColumnLabel(int column) throws SQLException {
        return col(column).name();
    }

    public String getColumnTypeName(int column) throws SQLException {
        String decltype = col(column).decltype();
        if (decltype != null && !decltype.isBlank()) {
            return decltype;
        }
        Object sample = sample(column);
        return sample instanceof Long ? "INTEGER" : sample instanceof Double ? "REAL"
                : sample instanceof String ? "TEXT" : sample instanceof byte[] ? "BLOB" : "NULL";
    }

    public int getColumnType(int column) throws SQLException {
        String decltype = col(column).decltype();
        if (decltype != null && !decltype.isBlank()) {
            String t = decltype.toUpperCase(Locale.ROOT);
            if (t.contains("INT")) {
                return Types.BIGINT;
            }
            if (t.contains("CHAR") || t.contains("CLOB") || t.contains("TEXT")) {
                return Types.VARCHAR;
            }
            if (t.contains("BLOB")) {
                return Types.BLOB;
            }
            if (t.contains("REAL") || t.contains("FLOA") || t.contains("DOUB")) {
                return Types.DOUBLE;
            }
            return Types.NUMERIC;
        }
        Object sample = sample(column);
        return sample instanceof Long ? Types.BIGINT : sample instanceof Double ? Types.DOUBLE
                : sample instanceof String ? Types.VARCHAR : sample instanceof byte[] ? Types.BLOB : Types.NULL;
    }

    public String getColumnClassName(int column) throws SQLException {
        switch (getColumnType(column)) {
            case Types.BIGINT:
                return Long.class.getName();
            case Types.DOUBLE:
                return Double.class.getName();
            case Types.VARCHAR:
                return String.class.getName();
            case Types.BLOB:
                return byte[].class.getName();
            default:
                return Object.class.getName();
        }
    }

    private Object sample(int column) throws SQLException {
        col(column);
        for (List<Object> row : rows) {
            Object v = row.get(column - 1);
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    public int isNullable(int column) throws SQLException {
        col(column);
        return java.sql.ResultSetMetaData.columnNullableUnknown;
    }

    public boolean isAutoIncrement(int column) throws SQLException {
        col(column);
        return false;
    }

    public boolean isCaseSensitive(int column) throws SQLException {
        col(column);
        return true;
    }

    public boolean isSearchable(int column) throws SQLException {
        col(column);
        return true;
    }

    public boolean isCurrency(int column) throws SQLException {
        col(column);
        return false;
    }

    public boolean isSigned(int column) throws SQLException {
        int type = getColumnType(column);
        return type == Types.BIGINT || type == Types.DOUBLE || type == Types.NUMERIC;
    }

    public int getColumnDisplaySize(int column) throws SQLException {
        col(column);
        return Integer.MAX_VALUE;
    }

    public int getPrecision(int column) throws SQLException {
        col(column);
        return 0;
    }

    public int getScale(int column) throws SQLException {
        col(column);
        return 0;
    }

    public String getSchemaName(int column) throws SQLException {
        col(column);
        return "";
    }

    public String getTableName(int column) throws SQLException {
        col(column);
        return "";
    }

    public String getCatalogName(int column) throws SQLException {
        col(column);
        return "";
    }

    public boolean isReadOnly(int column) throws SQLException {
        col(column);
        return true;
    }

    public boolean isWritable(int column) throws SQLException {
        col(column);
        return false;
    }

    public boolean isDefinitelyWritable(int column) throws SQLException {
        col(column);
        return false;
    }


    /** This object as a JDBC {@link java.sql.ResultSetMetaData}. */
    java.sql.ResultSetMetaData jdbc() {
        return jdbc;
    }
}
