package io.writerflow.maven.libsql;

import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A JDBC connection to a libSQL server over Hrana v2 HTTP. It holds no server-side state: every statement is
 * one stateless HTTP request, and a transaction lives on the client until it ends.
 *
 * <h2>Transactions (autocommit off)</h2>
 * <ul>
 * <li>Statements that may write (everything that is not a read, see below) are buffered. {@link #commit()}
 * sends them as ONE batch in one HTTP request: {@code BEGIN}, each statement on condition that the previous
 * step succeeded, {@code COMMIT} on condition that the last statement succeeded, and a {@code ROLLBACK} when
 * the COMMIT did not succeed and a transaction is still open. So the transaction commits fully or not at
 * all, and no transaction is ever left open on the server between requests. A failing statement is reported
 * by commit() with its number in the transaction; nothing of the transaction is kept.</li>
 * <li>Reads ({@code SELECT}, {@code VALUES}, {@code EXPLAIN}, {@code WITH} without a writing keyword, and
 * {@code PRAGMA} without an assignment) run at once. While nothing is buffered they run alone and see the
 * latest committed data (read committed: two reads in one transaction may see different commits; a check
 * that must hold at commit time belongs in the committed statements themselves). Once writes are buffered, a
 * read runs in one request as {@code BEGIN}, the buffered writes, the read, {@code ROLLBACK}: it sees the
 * transaction's own writes and leaves nothing behind (the writes run again at commit). If a buffered write
 * fails there, the read throws that error early.</li>
 * <li>A buffered statement's update count is not known before commit: {@code executeUpdate} returns 0 for it,
 * and {@code executeQuery} refuses a writing statement (it cannot return rows before commit).</li>
 * <li>{@code BEGIN}, {@code COMMIT}, {@code END}, {@code ROLLBACK}, {@code SAVEPOINT} and {@code RELEASE} as
 * SQL are refused: they would hold a transaction open on the server across requests. Use
 * {@link #setAutoCommit(boolean)}, {@link #commit()} and {@link #rollback()}.</li>
 * </ul>
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

    /** What a statement is, for the transaction rules above. */
    enum Kind { READ, WRITE, TRANSACTION_CONTROL }

    private final HranaClient client;
    private final String url;
    private final List<Hrana.Stmt> pending = new ArrayList<>();
    private List<Hrana.Stmt> envelopeBefore = List.of();
    private List<Hrana.Stmt> envelopeAfter = List.of();
    private boolean autoCommit = true;
    private String serverVersion;
    private final java.util.Map<String, Hrana.StmtResult> primed = new java.util.HashMap<>();
    private boolean closed;

    LibsqlConnection(HranaClient client, String url) {
        this.client = client;
        this.url = url;
    }

    /** The Hrana client underneath (for its request count and host:port). */
    public HranaClient client() {
        return client;
    }

    String url() {
        return url;
    }

    /** The statements {@link #setTransactionEnvelope} puts before BEGIN. */
    public List<Hrana.Stmt> envelopeBefore() {
        return envelopeBefore;
    }

    /** The statements {@link #setTransactionEnvelope} puts at the end of a transaction request. */
    public List<Hrana.Stmt> envelopeAfter() {
        return envelopeAfter;
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

    /**
     * Statements sent outside the transaction in every transaction request: {@code before} ahead of
     * {@code BEGIN} (the transaction runs only if they succeed), {@code after} at the very end whatever the
     * outcome. For settings that are no-ops inside a transaction and must not outlive the request on a server
     * whose clients share a connection, such as {@code PRAGMA foreign_keys=OFF} / {@code =ON}.
     */
    public void setTransactionEnvelope(List<String> before, List<String> after) {
        this.envelopeBefore = before.stream().map(Hrana.Stmt::of).toList();
        this.envelopeAfter = after.stream().map(Hrana.Stmt::of).toList();
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

    /**
     * Runs or buffers a statement as the transaction rules say; returns its result, or {@code null} when it
     * was buffered until commit.
     */
    Hrana.StmtResult run(Hrana.Stmt stmt, boolean mustReturnRows) throws SQLException {
        checkOpen();
        Kind kind = classify(stmt.sql());
        if (kind == Kind.TRANSACTION_CONTROL) {
            throw new SQLException("Transaction statements are not sent to libSQL over HTTP (a transaction must not stay"
                    + " open between requests); use setAutoCommit(false), commit() and rollback() instead of: "
                    + abbreviate(stmt.sql()), "0A000");
        }
        if (kind != Kind.READ) {
            primed.clear();
        } else if (autoCommit && stmt.args().isEmpty() && primed.containsKey(stmt.sql())) {
            return primed.remove(stmt.sql());
        }
        if (autoCommit) {
            if (kind == Kind.READ) {
                return ReadRetry.run(() -> client.execute(stmt));
            }
            return DML.contains(firstKeyword(stmt.sql())) ? executeDml(stmt) : client.execute(stmt);
        }
        if (kind == Kind.READ) {
            return pending.isEmpty() ? ReadRetry.run(() -> client.execute(stmt))
                    : ReadRetry.run(() -> readInTransaction(stmt));
        }
        if (mustReturnRows) {
            throw new SQLException("A writing statement cannot return rows inside a transaction over libSQL HTTP"
                    + " (it runs at commit): " + abbreviate(stmt.sql()), "0A000");
        }
        pending.add(stmt);
        return null;
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

    /**
     * The steps of one transaction request: the envelope's before-statements, {@code BEGIN}, the buffered
     * statements, {@code last} (a read, or {@code COMMIT}), a {@code ROLLBACK} if a transaction is still
     * open, and the envelope's after-statements.
     */
    private final class TransactionSteps {
        final List<Hrana.BatchStep> steps = new ArrayList<>();
        final int begin;
        final int last;

        TransactionSteps(Hrana.Stmt lastStmt) {
            for (Hrana.Stmt stmt : envelopeBefore) {
                steps.add(new Hrana.BatchStep(steps.isEmpty() ? null : Hrana.ok(steps.size() - 1), stmt));
            }
            begin = steps.size();
            steps.add(new Hrana.BatchStep(begin == 0 ? null : Hrana.ok(begin - 1), Hrana.Stmt.of("BEGIN")));
            for (Hrana.Stmt stmt : pending) {
                steps.add(new Hrana.BatchStep(Hrana.ok(steps.size() - 1), stmt));
            }
            last = steps.size();
            steps.add(new Hrana.BatchStep(Hrana.ok(last - 1), lastStmt));
            steps.add(new Hrana.BatchStep(Hrana.not(Hrana.isAutocommit()), Hrana.Stmt.of("ROLLBACK")));
            for (Hrana.Stmt stmt : envelopeAfter) {
                steps.add(new Hrana.BatchStep(null, stmt));
            }
        }

        /** The first failure up to and including the last step, as an exception naming the statement. */
        LibsqlException failure(Hrana.BatchResult result, List<Hrana.Stmt> statements, String prefix) {
            for (int step = 0; step <= last; step++) {
                LibsqlException cause = result.stepErrors().get(step);
                if (cause == null) {
                    continue;
                }
                int index = step > begin && step < last ? step - begin - 1 : -1;
                String what = step < begin ? "the setting " + abbreviate(envelopeBefore.get(step).sql())
                        : step == begin ? "BEGIN"
                        : index >= 0 ? "statement " + (index + 1) + " of " + statements.size() + " ("
                                + abbreviate(statements.get(index).sql()) + ")"
                        : abbreviate(steps.get(last).stmt().sql());
                return new LibsqlException(prefix + what + " failed: " + cause.getMessage(), cause.hranaCode(), cause);
            }
            return null;
        }
    }

    private Hrana.StmtResult readInTransaction(Hrana.Stmt read) throws SQLException {
        TransactionSteps tx = new TransactionSteps(read);
        Hrana.BatchResult result = client.batch(tx.steps);
        if (result.stepErrors().get(tx.last) != null) {
            throw result.stepErrors().get(tx.last);
        }
        LibsqlException failure = tx.failure(result, pending, "A read inside the transaction could not run: ");
        if (failure != null) {
            throw failure;
        }
        Hrana.StmtResult rows = result.stepResults().get(tx.last);
        if (rows == null) {
            throw new LibsqlException("The libSQL server at " + client.where() + " did not run the read", null);
        }
        return rows;
    }

    public void commit() throws SQLException {
        checkOpen();
        if (autoCommit) {
            throw new SQLException("commit() with autocommit on", "25000");
        }
        if (pending.isEmpty()) {
            return;
        }
        TransactionSteps tx = new TransactionSteps(Hrana.Stmt.of("COMMIT"));
        // Whatever happens now, this transaction is over: committed, rolled back, or of unknown outcome.
        List<Hrana.Stmt> sent = List.copyOf(pending);
        pending.clear();
        Hrana.BatchResult result = client.batch(tx.steps);
        LibsqlException failure = tx.failure(result, sent, "The transaction was rolled back; ");
        if (failure != null) {
            throw failure;
        }
        if (result.stepResults().get(tx.last) == null) {
            throw new LibsqlException("The libSQL server at " + client.where()
                    + " did not run COMMIT; the transaction was rolled back", null);
        }
    }

    public void rollback() throws SQLException {
        checkOpen();
        if (autoCommit) {
            throw new SQLException("rollback() with autocommit on", "25000");
        }
        pending.clear();
    }

    public void setAutoCommit(boolean autoCommit) throws SQLException {
        checkOpen();
        if (autoCommit && !this.autoCommit) {
            commit(); // which forgets the transaction whatever its outcome
        }
        this.autoCommit = autoCommit;
    }

    public boolean getAutoCommit() throws SQLException {
        checkOpen();
        return autoCommit;
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
        pending.clear();
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
