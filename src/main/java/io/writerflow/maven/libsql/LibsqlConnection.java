package io.writerflow.maven.libsql;

import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A JDBC connection to a libSQL server over Hrana v2 HTTP. It holds no server-side state: every statement is
 * one stateless HTTP request, in autocommit mode.
 *
 * <p>There are no JDBC transactions: {@code setAutoCommit(false)} is refused, and so are {@code BEGIN},
 * {@code COMMIT}, {@code END}, {@code ROLLBACK}, {@code SAVEPOINT} and {@code RELEASE} as SQL, since a
 * transaction must not stay open on the server between requests (on a server whose clients share a
 * connection, every other client would join it). What must be atomic is sent as one Hrana batch,
 * {@code BEGIN} to {@code COMMIT}, through {@link #client()}. Reads ({@code SELECT}, {@code VALUES},
 * {@code EXPLAIN}, {@code WITH} without a writing keyword, and {@code PRAGMA} without an assignment) are sent
 * again after a transport failure; nothing else is.
 * Not thread-safe (as JDBC connections usually are not).
 */
public final class LibsqlConnection {

    /** This object as JDBC sees it (see {@link JdbcSurface}). */
    private final java.sql.Connection jdbc = JdbcSurface.of(java.sql.Connection.class, this);

    private static final Pattern WRITING_KEYWORD =
            Pattern.compile("\\b(INSERT|UPDATE|DELETE|REPLACE|CREATE|DROP|ALTER)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern PRAGMA_SETTING =
            Pattern.compile("(?is)^PRAGMA\\s+[\\w.]+\\s*(=.*|\\(\\s*(-?\\d+|on|off|true|false|yes|no)\\s*\\)\\s*;?\\s*)$");

    /** The statements whose count of changed rows {@link #executeDml} makes sure of. */
    private static final java.util.Set<String> DML = java.util.Set.of("INSERT", "UPDATE", "DELETE", "REPLACE", "WITH");

    /** What a statement is, for the rules above. */
    enum Kind { READ, WRITE, TRANSACTION_CONTROL }

    /** The prefix of the URL the connection's metadata answers, by which Flyway picks its Turso database type. */
    public static final String JDBC_PREFIX = "jdbc:libsql:";
    /** What {@code DatabaseMetaData.getDatabaseProductName()} answers. */
    public static final String PRODUCT_NAME = "libSQL";

    private final HranaClient client;
    private final String url;
    private String serverVersion;
    private final java.util.Map<String, Hrana.StmtResult> primed = new java.util.HashMap<>();
    private boolean closed;

    private LibsqlConnection(HranaClient client, String url) {
        this.client = client;
        this.url = url;
    }

    /**
     * A connection to the server at {@code endpoint}; no request is sent yet.
     *
     * @param endpoint {@code http://host:port} or {@code https://host[:port]}, maybe with a path prefix
     * @param token    sent as {@code Authorization: Bearer <token>}; null for none
     */
    public static LibsqlConnection open(java.net.URI endpoint, String token, java.time.Duration connectTimeout,
            java.time.Duration requestTimeout) {
        return new LibsqlConnection(new HranaClient(endpoint, token, connectTimeout, requestTimeout),
                JDBC_PREFIX + endpoint);
    }

    /** The Hrana client underneath (for its request count and host:port). */
    public HranaClient client() {
        return client;
    }

    /** {@code jdbc:libsql:} and the server's address, for Flyway (it holds no token). */
    String url() {
        return url;
    }

    /**
     * Answers the next autocommit read of exactly {@code sql} (no arguments) with {@code result}, read by the
     * caller in a request of its own together with other reads: what lets a goal that needs several reads
     * send them as one request. Used once, then forgotten; a write in between forgets them all.
     */
    public void prime(String sql, Hrana.StmtResult result) {
        primed.put(sql, result);
    }

    /** {@code sqlite_version()} as the server reports it, asked once per connection. */
    String serverVersion() throws SQLException {
        if (serverVersion == null) {
            List<Object> row = ReadRetry.run(() -> client.execute(Hrana.Stmt.of("SELECT sqlite_version()"))).rows()
                    .stream().findFirst().orElse(List.of());
            serverVersion = row.isEmpty() || row.get(0) == null ? "0.0.0" : row.get(0).toString();
        }
        return serverVersion;
    }

    static Kind classify(String sql) {
        String s = stripLeadingComments(sql);
        return switch (firstKeyword(s)) {
            case "SELECT", "VALUES", "EXPLAIN" -> Kind.READ;
            case "WITH" -> WRITING_KEYWORD.matcher(s).find() ? Kind.WRITE : Kind.READ;
            case "PRAGMA" -> PRAGMA_SETTING.matcher(s.strip()).matches() ? Kind.WRITE : Kind.READ;
            case "BEGIN", "COMMIT", "END", "ROLLBACK", "SAVEPOINT", "RELEASE" -> Kind.TRANSACTION_CONTROL;
            default -> Kind.WRITE;
        };
    }

    private static String stripLeadingComments(String sql) {
        String s = sql.stripLeading();
        while (true) {
            if (s.startsWith("--")) {
                int nl = s.indexOf('\n');
                s = nl < 0 ? "" : s.substring(nl + 1).stripLeading();
            } else if (s.startsWith("/*")) {
                int close = s.indexOf("*/");
                s = close < 0 ? "" : s.substring(close + 2).stripLeading();
            } else {
                return s;
            }
        }
    }

    /** Runs a statement in a request of its own (a primed read in none); returns its result. */
    Hrana.StmtResult run(Hrana.Stmt stmt) throws SQLException {
        checkOpen();
        Kind kind = classify(stmt.sql());
        if (kind == Kind.TRANSACTION_CONTROL) {
            throw new SQLException("Transaction statements are not sent to libSQL over HTTP (a transaction must not stay"
                    + " open between requests); send the transaction as one batch instead of: "
                    + abbreviate(stmt.sql()), "0A000");
        }
        if (kind != Kind.READ) {
            primed.clear();
        } else if (stmt.args().isEmpty() && primed.containsKey(stmt.sql())) {
            return primed.remove(stmt.sql());
        }
        if (kind == Kind.READ) {
            return ReadRetry.run(() -> client.execute(stmt));
        }
        return DML.contains(firstKeyword(stmt.sql())) ? executeDml(stmt) : client.execute(stmt);
    }

    /**
     * Runs an INSERT/UPDATE/DELETE with {@code SELECT changes()} after it in the same request, because some
     * servers (the Turso server the tests run) do not report the count in the statement result. A count the
     * server does report wins.
     */
    private Hrana.StmtResult executeDml(Hrana.Stmt stmt) throws SQLException {
        Hrana.BatchResult result = client.batch(List.of(new Hrana.BatchStep(null, stmt),
                new Hrana.BatchStep(Hrana.ok(0), Hrana.Stmt.of("SELECT changes()"))));
        if (result.stepErrors().get(0) != null) {
            throw result.stepErrors().get(0);
        }
        Hrana.StmtResult own = result.stepResults().get(0);
        Hrana.StmtResult counts = result.stepResults().get(1);
        if (own == null) {
            throw new LibsqlException("The libSQL server at " + client.where() + " did not run the statement", null);
        }
        if (own.affectedRowCount() != 0 || counts == null || counts.rows().isEmpty()
                || !(counts.rows().get(0).get(0) instanceof Long changes)) {
            return own;
        }
        return new Hrana.StmtResult(own.cols(), own.rows(), changes);
    }

    private static String firstKeyword(String sql) {
        String s = stripLeadingComments(sql);
        int end = 0;
        while (end < s.length() && Character.isLetter(s.charAt(end))) {
            end++;
        }
        return s.substring(0, end).toUpperCase(Locale.ROOT);
    }

    /** Always refused: with autocommit on there is nothing to commit. */
    public void commit() throws SQLException {
        checkOpen();
        throw new SQLException("commit() with autocommit on", "25000");
    }

    /** Always refused: with autocommit on there is nothing to roll back. */
    public void rollback() throws SQLException {
        checkOpen();
        throw new SQLException("rollback() with autocommit on", "25000");
    }

    /** {@code true} is what it is already; {@code false} is refused (see the class comment). */
    public void setAutoCommit(boolean autoCommit) throws SQLException {
        checkOpen();
        if (!autoCommit) {
            throw new java.sql.SQLFeatureNotSupportedException("Transactions are not kept open over libSQL HTTP (a"
                    + " transaction must not stay open between requests); send the transaction as one batch", "0A000");
        }
    }

    public boolean getAutoCommit() throws SQLException {
        checkOpen();
        return true;
    }

    public Statement createStatement() throws SQLException {
        checkOpen();
        return new LibsqlStatement(this, null).jdbc();
    }

    public PreparedStatement prepareStatement(String sql) throws SQLException {
        checkOpen();
        return new LibsqlStatement(this, sql).jdbc();
    }

    public DatabaseMetaData getMetaData() throws SQLException {
        checkOpen();
        return new LibsqlDatabaseMetaData(this).jdbc();
    }

    /** None: a libSQL database has no catalogs (Flyway asks). */
    public String getCatalog() {
        return null;
    }

    public void close() {
        closed = true;
    }

    public boolean isClosed() {
        return closed;
    }

    void checkOpen() throws SQLException {
        if (closed) {
            throw new SQLException("The libSQL connection is closed", "08003");
        }
    }

    static String abbreviate(String sql) {
        String oneLine = sql.strip().replaceAll("\\s+", " ");
        return oneLine.length() > 120 ? oneLine.substring(0, 120) + "..." : oneLine;
    }

    /** This object as a JDBC {@link java.sql.Connection}. */
    public java.sql.Connection jdbc() {
        return jdbc;
    }
}
