package io.writerflow.maven.libsql;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * A statement, and for {@link LibsqlConnection#prepareStatement(String)} a prepared statement, over
 * {@link LibsqlConnection}: the executions and parameter types that Flyway and the plugin use; every other
 * {@link java.sql.PreparedStatement} method throws (see {@link JdbcSurface}). Parameters are positional
 * ({@code ?} / {@code ?NNN}).
 */
final class LibsqlStatement {

    /** This object as JDBC sees it (see {@link JdbcSurface}). */
    private final java.sql.PreparedStatement jdbc = JdbcSurface.of(java.sql.PreparedStatement.class, this);

    private final LibsqlConnection connection;
    private final String preparedSql;
    private final TreeMap<Integer, Object> parameters = new TreeMap<>();
    private LibsqlResultSet resultSet;
    private boolean closed;

    LibsqlStatement(LibsqlConnection connection, String preparedSql) {
        this.connection = connection;
        this.preparedSql = preparedSql;
    }

    public boolean execute(String sql) throws SQLException {
        return returnsRows(run(sql, List.of()));
    }

    public ResultSet executeQuery(String sql) throws SQLException {
        return resultSet(run(sql, List.of()));
    }

    public boolean execute() throws SQLException {
        return returnsRows(run(preparedSql(), boundParameters()));
    }

    public ResultSet executeQuery() throws SQLException {
        return resultSet(run(preparedSql(), boundParameters()));
    }

    /** The rows the statement changed; 0 for a statement that returns rows. */
    public int executeUpdate() throws SQLException {
        Hrana.StmtResult result = run(preparedSql(), boundParameters());
        return returnsRows(result) ? 0 : (int) result.affectedRowCount();
    }

    /** Runs a statement (see {@link LibsqlConnection}): its result. */
    private Hrana.StmtResult run(String sql, List<Object> args) throws SQLException {
        checkOpen();
        if (resultSet != null) {
            resultSet.close();
            resultSet = null;
        }
        return connection.run(new Hrana.Stmt(sql, args, true));
    }

    private static boolean returnsRows(Hrana.StmtResult result) {
        return !result.cols().isEmpty();
    }

    private ResultSet resultSet(Hrana.StmtResult result) {
        resultSet = new LibsqlResultSet(result.cols(), result.rows());
        return resultSet.jdbc();
    }

    private List<Object> boundParameters() throws SQLException {
        List<Object> args = new ArrayList<>();
        for (var entry : parameters.entrySet()) {
            if (entry.getKey() != args.size() + 1) {
                throw new SQLException("Parameter " + (args.size() + 1) + " is not set", "07001");
            }
            args.add(entry.getValue());
        }
        return args;
    }

    private String preparedSql() throws SQLException {
        if (preparedSql == null) {
            throw new SQLException("This is not a prepared statement; pass the SQL to execute", "HY000");
        }
        return preparedSql;
    }

    private void set(int index, Object value) throws SQLException {
        checkOpen();
        if (index < 1) {
            throw new SQLException("Parameter index " + index + " is out of range (it starts at 1)", "07009");
        }
        parameters.put(index, value);
    }

    public void setNull(int parameterIndex, int sqlType) throws SQLException {
        set(parameterIndex, null);
    }

    public void setBoolean(int parameterIndex, boolean x) throws SQLException {
        set(parameterIndex, x ? 1L : 0L);
    }

    public void setInt(int parameterIndex, int x) throws SQLException {
        set(parameterIndex, (long) x);
    }

    public void setString(int parameterIndex, String x) throws SQLException {
        set(parameterIndex, x);
    }

    /** Timestamps are sent as UTC text {@code yyyy-MM-dd HH:mm:ss.SSS}, the form SQLite's date functions read. */
    public void setTimestamp(int parameterIndex, Timestamp x) throws SQLException {
        set(parameterIndex, x == null ? null : SqlTimes.format(x));
    }

    public void close() {
        if (resultSet != null) {
            resultSet.close();
        }
        closed = true;
    }

    private void checkOpen() throws SQLException {
        if (closed) {
            throw new SQLException("The statement is closed", "HY010");
        }
        connection.checkOpen();
    }

    /** This object as a JDBC {@link java.sql.PreparedStatement}. */
    java.sql.PreparedStatement jdbc() {
        return jdbc;
    }
}
