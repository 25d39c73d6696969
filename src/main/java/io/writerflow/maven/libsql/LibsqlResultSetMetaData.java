package io.writerflow.maven.libsql;

import java.sql.SQLException;
import java.util.List;

/** The column names of a result: what Flyway and the plugin ask of its metadata. */
final class LibsqlResultSetMetaData {

    /** This object as JDBC sees it (see {@link JdbcSurface}). */
    private final java.sql.ResultSetMetaData jdbc = JdbcSurface.of(java.sql.ResultSetMetaData.class, this);

    private final List<Hrana.Column> cols;

    LibsqlResultSetMetaData(List<Hrana.Column> cols) {
        this.cols = cols;
    }

    public int getColumnCount() {
        return cols.size();
    }

    public String getColumnName(int column) throws SQLException {
        if (column < 1 || column > cols.size()) {
            throw new SQLException("Column index " + column + " is out of range 1.." + cols.size(), "07009");
        }
        return cols.get(column - 1).name();
    }

    /** The name: a result column's label is its name over Hrana. */
    public String getColumnLabel(int column) throws SQLException {
        return getColumnName(column);
    }

    /** This object as a JDBC {@link java.sql.ResultSetMetaData}. */
    java.sql.ResultSetMetaData jdbc() {
        return jdbc;
    }
}
