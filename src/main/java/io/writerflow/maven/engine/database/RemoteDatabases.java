package io.writerflow.maven.engine.database;

import io.writerflow.maven.engine.database.DatabaseUnavailable.Reason;
import io.writerflow.maven.engine.EngineSettings;
import io.writerflow.maven.engine.lock.MigrationLock;
import io.writerflow.maven.libsql.Hrana;
import io.writerflow.maven.libsql.LibsqlAuthException;
import io.writerflow.maven.libsql.LibsqlConnection;
import io.writerflow.maven.libsql.LibsqlException;
import io.writerflow.maven.libsql.LibsqlPlainHttpException;
import io.writerflow.maven.libsql.LibsqlTransportException;
import io.writerflow.maven.settings.DatabaseUrl;

import java.net.URI;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Opens remote Turso / libSQL databases through the plugin's Hrana client, and says what went wrong in the user's terms. */
public final class RemoteDatabases {

    private RemoteDatabases() {
    }

    /**
     * Connects and learns what the engine supports: whether it enforces foreign keys and lets a request turn
     * them off (then each migration's request turns them off before BEGIN and on again after), and whether
     * it implements {@code PRAGMA foreign_key_check}.
     *
     * @param probe false for read-only goals, which need neither
     */
    public static OpenDatabase open(EngineSettings settings, DatabaseUrl.Remote url, boolean probe) {
        OpenDatabase database = connect(settings, url);
        if (!probe) {
            return database;
        }
        try {
            return learn(database, database.remote().orElseThrow().retryingBatch(factReads()));
        } catch (SQLException e) {
            throw failure(settings, e, "Nothing was changed.");
        }
    }

    /** Connects without a request: what the engine supports is learned later ({@link #learn}), or never. */
    public static OpenDatabase connect(EngineSettings settings, DatabaseUrl.Remote url) {
        LibsqlConnection connection = LibsqlConnection.open(url.endpoint(),
                settings.authToken().map(token -> token.value()).orElse(null), url.connectTimeout(),
                url.requestTimeout());
        return new OpenDatabase(new SingleConnectionDataSource(connection.jdbc()), Optional.of(connection.client()),
                new ForeignKeyCheck.None(), false, false);
    }

    /** The reads that tell what the engine supports: whether it enforces foreign keys, and has their check. */
    static List<Hrana.BatchStep> factReads() {
        return List.of(
                new Hrana.BatchStep(null, Hrana.Stmt.of("PRAGMA foreign_keys")),
                new Hrana.BatchStep(null, Hrana.Stmt.of("PRAGMA foreign_key_check(sqlite_master)")));
    }

    /**
     * {@link #factReads} and, where the engine enforces foreign keys, the try of turning them off and on again,
     * for the request that takes the lock, so that no request of its own learns it.
     *
     * @param offset   where these steps start in their request
     * @param failWhen makes a statement that fails when its condition holds (see {@link MigrationLock#failWhen})
     */
    public static List<Hrana.BatchStep> factReads(int offset, java.util.function.UnaryOperator<String> failWhen) {
        List<Hrana.BatchStep> reads = new java.util.ArrayList<>(factReads());
        // fails unless foreign keys are enforced: only then are they turned off, read, and turned on again
        reads.add(new Hrana.BatchStep(null, Hrana.Stmt.of(failWhen.apply(
                "(SELECT foreign_keys FROM pragma_foreign_keys) = 0"))));
        Hrana.Cond enforced = Hrana.ok(offset + 2);
        reads.addAll(toggle(enforced));
        return reads;
    }

    private static List<Hrana.BatchStep> toggle(Hrana.Cond when) {
        return List.of(
                new Hrana.BatchStep(when, Hrana.Stmt.of("PRAGMA foreign_keys=OFF")),
                new Hrana.BatchStep(when, Hrana.Stmt.of("PRAGMA foreign_keys")),
                new Hrana.BatchStep(when, Hrana.Stmt.of("PRAGMA foreign_keys=ON")));
    }

    /**
     * The database with what the engine supports, from the results of {@link #factReads}: where the engine
     * enforces foreign keys and the results lack the try of turning them off, one more request tries it.
     */
    public static OpenDatabase learn(OpenDatabase database, Hrana.BatchResult facts)
            throws SQLException {
        if (facts.stepResults().get(0) == null) {
            throw facts.stepErrors().get(0);
        }
        Hrana.StmtResult check = facts.stepResults().get(1);
        boolean enforced = isOne(facts.stepResults().get(0));
        // The check makes up for enforcement turned off while migrating; a database that does not enforce
        // foreign keys runs a migration as it runs any other statement.
        if (!enforced) {
            return database;
        }
        ForeignKeyCheck foreignKeys = check != null && !check.cols().isEmpty() ? new ForeignKeyCheck.Pragma()
                : new ForeignKeyCheck.Queries();
        Hrana.StmtResult off = facts.stepResults().size() > 4 ? facts.stepResults().get(4)
                : database.remote().orElseThrow().retryingBatch(toggle(null)).stepResults().get(1);
        boolean stayOn = off == null || isOne(off);
        if (stayOn) { // enforcement stays on: nothing to make up for
            return new OpenDatabase(database.dataSource(), database.remote(), new ForeignKeyCheck.None(), true, false);
        }
        return new OpenDatabase(database.dataSource(), database.remote(), foreignKeys, false, true);
    }

    private static boolean isOne(Hrana.StmtResult result) {
        return !result.rows().isEmpty() && !result.rows().get(0).isEmpty()
                && result.rows().get(0).get(0) instanceof Long value && value == 1L;
    }

    /**
     * A failure to talk to the server at all: unreachable, refused token, no answer.
     *
     * @param outcome what the failure left the database as, when the failing request's outcome is known: for a
     *                request that could have written and lost its answer, the message says the outcome is unknown
     *                instead
     */
    public static DatabaseUnavailable failure(EngineSettings settings, Throwable e, String outcome) {
        String where = settings.url().display() + " (from " + settings.urlSource() + ")";
        LibsqlAuthException auth = cause(e, LibsqlAuthException.class);
        if (auth != null) {
            return new DatabaseUnavailable(auth.tokenSent() ? Reason.TOKEN_REFUSED : Reason.TOKEN_MISSING,
                    "Database " + where + " refused the request (HTTP " + auth.httpStatus() + "): "
                    + (auth.tokenSent()
                    ? "the auth token from " + settings.authTokenSource() + " was refused (wrong, expired, or"
                            + " without access to this database)"
                    : "no auth token was sent, and the server needs one; looked in "
                            + settings.authTokenSource().replaceFirst("^nowhere \\(looked in (.*)\\)$", "$1"))
                    + ". " + outcome, settings.urlSource(), null, e);
        }
        LibsqlPlainHttpException plain = cause(e, LibsqlPlainHttpException.class);
        if (plain != null) {
            URI endpoint = ((DatabaseUrl.Remote) settings.url()).endpoint();
            return new DatabaseUnavailable(Reason.NOT_TLS, "Database " + where + ": the server did not answer TLS;"
                    + " for a local server use http:// or ?tls=0. " + outcome, settings.urlSource(),
                    endpoint.getRawAuthority(), e);
        }
        LibsqlTransportException transport = cause(e, LibsqlTransportException.class);
        if (transport != null) {
            if (transport.outcomeUnknown()) {
                // the caller's outcome ("Nothing was changed", "still at ...") would be a guess now
                return new DatabaseUnavailable(Reason.OUTCOME_UNKNOWN, "Cannot reach database " + where + ": "
                        + sentence(transport.getMessage()) + " The request could have written to the database and"
                        + " its answer was lost: its outcome is unknown.", settings.urlSource(), null, e);
            }
            return new DatabaseUnavailable(transport.requestMayHaveRun() ? Reason.NO_ANSWER : Reason.UNREACHABLE,
                    "Cannot reach database " + where + ": " + sentence(transport.getMessage()) + " " + outcome,
                    settings.urlSource(), null, e);
        }
        LibsqlException libsql = cause(e, LibsqlException.class);
        return new DatabaseUnavailable(Reason.FAILED, "Database " + where + " failed: "
                + (libsql != null ? libsql.getMessage() : String.valueOf(e.getMessage())) + " " + outcome,
                settings.urlSource(), null, e);
    }

    private static String sentence(String message) {
        String text = String.valueOf(message).strip();
        return text.endsWith(".") ? text : text + ".";
    }

    static <T extends Throwable> T cause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
