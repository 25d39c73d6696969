package io.writerflow.maven.engine;

import io.writerflow.maven.WriterflowException;
import io.writerflow.maven.libsql.Hrana;
import io.writerflow.maven.libsql.HranaClient;
import io.writerflow.maven.libsql.LibsqlAuthException;
import io.writerflow.maven.libsql.LibsqlConnection;
import io.writerflow.maven.libsql.LibsqlDriver;
import io.writerflow.maven.libsql.LibsqlException;
import io.writerflow.maven.libsql.LibsqlPlainHttpException;
import io.writerflow.maven.libsql.LibsqlTransportException;
import io.writerflow.maven.settings.DatabaseUrl;

import java.net.URI;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/** Opens remote Turso / libSQL databases through the plugin's Hrana driver, and says what went wrong in the user's terms. */
final class RemoteDatabases {

    private RemoteDatabases() {
    }

    /**
     * Connects and learns what the engine supports: whether it enforces foreign keys and lets a request turn
     * them off (then each migration's request turns them off before BEGIN and on again after), and whether
     * it implements {@code PRAGMA foreign_key_check}.
     *
     * @param probe false for read-only goals, which need neither
     */
    static OpenDatabase open(EngineSettings settings, DatabaseUrl.Remote url, boolean probe) {
        Properties properties = new Properties();
        settings.authToken().ifPresent(token -> properties.setProperty(LibsqlDriver.AUTH_TOKEN, token.value()));
        LibsqlConnection connection;
        try {
            connection = new LibsqlDriver().connect(jdbcUrl(url), properties).unwrap(LibsqlConnection.class);
        } catch (SQLException e) {
            throw new WriterflowException("The database URL from " + settings.urlSource() + " is not usable: "
                    + e.getMessage() + ".", "Fix " + settings.urlSource() + ".");
        }
        HranaClient client = connection.client();
        // Flyway reads the history table (and looks it up in sqlite_master) inside each migration's
        // transaction; the migration's statements cannot change those answers, so they need no replay.
        String history = settings.historyTable();
        connection.setIndependentReads(sql -> sql.contains("\"" + history + "\"") || sql.contains("'" + history + "'"));
        try {
            Hrana.BatchResult facts = client.retryingBatch(List.of(
                    new Hrana.BatchStep(null, Hrana.Stmt.of("PRAGMA foreign_keys")),
                    new Hrana.BatchStep(null, Hrana.Stmt.of("PRAGMA foreign_key_check(sqlite_master)"))));
            if (facts.stepResults().get(0) == null) {
                throw facts.stepErrors().get(0);
            }
            Hrana.StmtResult check = facts.stepResults().get(1);
            boolean enforced = isOne(facts.stepResults().get(0));
            // The check makes up for enforcement turned off while migrating; a database that does not enforce
            // foreign keys runs a migration as it runs any other statement.
            ForeignKeyCheck foreignKeys = !enforced ? new ForeignKeyCheck.None()
                    : check != null && !check.cols().isEmpty() ? new ForeignKeyCheck.Pragma()
                    : new ForeignKeyCheck.Queries();
            boolean stayOn = false;
            if (enforced && probe) {
                Hrana.BatchResult toggle = client.retryingBatch(List.of(
                        new Hrana.BatchStep(null, Hrana.Stmt.of("PRAGMA foreign_keys=OFF")),
                        new Hrana.BatchStep(null, Hrana.Stmt.of("PRAGMA foreign_keys")),
                        new Hrana.BatchStep(null, Hrana.Stmt.of("PRAGMA foreign_keys=ON"))));
                stayOn = toggle.stepResults().get(1) == null || isOne(toggle.stepResults().get(1));
                if (stayOn) {
                    foreignKeys = new ForeignKeyCheck.None(); // enforcement stays on: nothing to make up for
                } else {
                    connection.setTransactionEnvelope(List.of("PRAGMA foreign_keys=OFF"),
                            List.of("PRAGMA foreign_keys=ON"));
                }
            }
            return new OpenDatabase(new SingleConnectionDataSource(connection.jdbc()), Optional.of(client), foreignKeys,
                    stayOn);
        } catch (SQLException e) {
            throw failure(settings, e, "Nothing was changed.");
        }
    }

    private static boolean isOne(Hrana.StmtResult result) {
        return !result.rows().isEmpty() && !result.rows().get(0).isEmpty()
                && result.rows().get(0).get(0) instanceof Long value && value == 1L;
    }

    /** The driver's URL for the server: its HTTP(S) endpoint, which never holds the token (see {@link DatabaseUrl.Remote}). */
    static String jdbcUrl(DatabaseUrl.Remote url) {
        return LibsqlDriver.PREFIX + url.endpoint();
    }

    /**
     * A failure to talk to the server at all: unreachable, refused token, no answer.
     *
     * @param outcome what the failure left the database as, when the failing request's outcome is known: for a
     *                request that could have written and lost its answer, the message says the outcome is unknown
     *                instead
     */
    static WriterflowException failure(EngineSettings settings, Throwable e, String outcome) {
        String where = settings.url().display() + " (from " + settings.urlSource() + ")";
        LibsqlAuthException auth = cause(e, LibsqlAuthException.class);
        if (auth != null) {
            return new WriterflowException("Database " + where + " refused the request (HTTP " + auth.httpStatus()
                    + "): " + (auth.tokenSent()
                    ? "the auth token from " + settings.authTokenSource() + " was refused (wrong, expired, or"
                            + " without access to this database)"
                    : "no auth token was sent, and the server needs one; looked in "
                            + settings.authTokenSource().replaceFirst("^nowhere \\(looked in (.*)\\)$", "$1"))
                    + ". " + outcome,
                    auth.tokenSent() ? "Create a new token (turso db tokens create <database>) and put it where the"
                            + " old one was." : "Set TURSO_AUTH_TOKEN in the environment or .env.local, or name a"
                            + " settings.xml <server> with -Dwriterflow.serverId.");
        }
        LibsqlPlainHttpException plain = cause(e, LibsqlPlainHttpException.class);
        if (plain != null) {
            URI endpoint = ((DatabaseUrl.Remote) settings.url()).endpoint();
            String hostPort = endpoint.getRawAuthority();
            return new WriterflowException("Database " + where + ": the server did not answer TLS; for a local"
                    + " server use http:// or ?tls=0. " + outcome,
                    "Point " + settings.urlSource() + " at the server's plain-HTTP address: http://" + hostPort
                            + " or libsql://" + hostPort + "?tls=0 (if the server should speak TLS, check the port).");
        }
        LibsqlTransportException transport = cause(e, LibsqlTransportException.class);
        if (transport != null) {
            if (transport.outcomeUnknown()) {
                // the caller's outcome ("Nothing was changed", "still at ...") would be a guess now
                return new WriterflowException("Cannot reach database " + where + ": " + sentence(transport.getMessage())
                        + " The request could have written to the database and its answer was lost: its outcome is"
                        + " unknown.", "When the server answers, run writerflow:status to see what the database"
                        + " holds; apply reads the history and applies only what is missing.");
            }
            return new WriterflowException("Cannot reach database " + where + ": " + sentence(transport.getMessage())
                    + " " + outcome, transport.requestMayHaveRun() ? "Run the goal again when the server answers."
                    : "Check the URL, your network, and that the server is running.");
        }
        LibsqlException libsql = cause(e, LibsqlException.class);
        return new WriterflowException("Database " + where + " failed: "
                + (libsql != null ? libsql.getMessage() : String.valueOf(e.getMessage())) + " " + outcome,
                "Run with -X for details.", e);
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
