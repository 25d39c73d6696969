package io.writerflow.maven.libsql;

/**
 * The server took the request but did not answer within the request's timeout. Not sent again even when it
 * only reads: a server that stays silent for a whole timeout would most likely stay silent for the next.
 */
public class LibsqlTimeoutException extends LibsqlTransportException {

    private static final long serialVersionUID = 1L;

    public LibsqlTimeoutException(String message, Throwable cause) {
        super(message, null, true, cause);
    }
}
