package io.writerflow.maven.engine.database;

import io.writerflow.maven.WriterflowException;

/**
 * The database could not be used at all: the server refused the token or wanted one, did not speak TLS, could
 * not be reached, lost an answer, or failed the request. Says what happened and what the database was left as;
 * the next step, which depends on how the plugin is driven (its settings, its goals), is the edge's to give.
 */
public final class DatabaseUnavailable extends WriterflowException {

    public enum Reason {
        /** A token was sent and refused. */
        TOKEN_REFUSED,
        /** No token was sent and the server needs one. */
        TOKEN_MISSING,
        /** An https address whose server answered in plain HTTP. */
        NOT_TLS,
        /** No connection: nothing was sent. */
        UNREACHABLE,
        /** A request that only reads, or was not sent whole, got no answer: running it again is safe. */
        NO_ANSWER,
        /** A request that could have written lost its answer: what the database holds is unknown. */
        OUTCOME_UNKNOWN,
        /** The server answered with an error that is none of the above. */
        FAILED
    }

    private final Reason reason;
    private final String urlSource;
    private final String hostPort;

    public DatabaseUnavailable(Reason reason, String problem, String urlSource, String hostPort, Throwable cause) {
        super(problem, null, cause);
        this.reason = reason;
        this.urlSource = urlSource;
        this.hostPort = hostPort;
    }

    public Reason reason() {
        return reason;
    }

    /** Where the URL came from, as the log line names it: the setting to change. */
    public String urlSource() {
        return urlSource;
    }

    /** For {@link Reason#NOT_TLS}: the server's host and port, for the addresses that work. */
    public String hostPort() {
        return hostPort;
    }
}
