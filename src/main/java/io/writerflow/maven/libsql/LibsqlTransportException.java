package io.writerflow.maven.libsql;

/**
 * The request did not get an answer: connection refused or reset, a timeout, an HTTP 5xx. When
 * {@link #requestMayHaveRun()} the server may have executed it (a lost response), so a write must not be
 * re-sent blindly; a read can be. The message says what happened, never what it means for the database: only
 * the caller knows whether the request could have written (see {@link #outcomeUnknown()}).
 */
public class LibsqlTransportException extends LibsqlException {

    private static final long serialVersionUID = 1L;

    private final boolean requestMayHaveRun;
    private final boolean repeatable;

    public LibsqlTransportException(String message, String hranaCode, boolean requestMayHaveRun, Throwable cause) {
        this(message, hranaCode, requestMayHaveRun, false, cause);
    }

    private LibsqlTransportException(String message, String hranaCode, boolean requestMayHaveRun, boolean repeatable,
            Throwable cause) {
        super(message, hranaCode, cause);
        this.requestMayHaveRun = requestMayHaveRun;
        this.repeatable = repeatable;
    }

    /** False only when the connection was never made, so the server cannot have seen the request. */
    public boolean requestMayHaveRun() {
        return requestMayHaveRun;
    }

    /**
     * Whether the request may have run and it was one whose running matters: not a read, nor a batch its
     * sender declared safe to run twice (see {@link HranaClient#retryingBatch}). Only then is it unknown
     * whether the database changed.
     */
    public boolean outcomeUnknown() {
        return requestMayHaveRun && !repeatable;
    }

    /** This failure, of a request that may run any number of times: its outcome changes nothing that matters. */
    LibsqlTransportException ofRepeatable() {
        LibsqlTransportException copy = new LibsqlTransportException(getMessage(), hranaCode(), requestMayHaveRun,
                true, getCause());
        copy.setStackTrace(getStackTrace());
        return copy;
    }
}
