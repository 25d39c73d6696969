package io.writerflow.maven.libsql;

/**
 * The request did not get an answer: connection refused or reset, a timeout, an HTTP 5xx. When
 * {@link #requestMayHaveRun()} the server may have executed it (a lost response), so a write must not be
 * re-sent blindly; a read can be.
 */
public class LibsqlTransportException extends LibsqlException {

    private static final long serialVersionUID = 1L;

    private final boolean requestMayHaveRun;

    public LibsqlTransportException(String message, String hranaCode, boolean requestMayHaveRun, Throwable cause) {
        super(message, hranaCode, cause);
        this.requestMayHaveRun = requestMayHaveRun;
    }

    /** False only when the connection was never made, so the server cannot have seen the request. */
    public boolean requestMayHaveRun() {
        return requestMayHaveRun;
    }
}
