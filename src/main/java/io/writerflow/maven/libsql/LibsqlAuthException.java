package io.writerflow.maven.libsql;

/**
 * The server refused the request with HTTP 401 or 403: the auth token was missing, wrong or expired, or does
 * not grant access to this database. The message never contains the token.
 */
public class LibsqlAuthException extends LibsqlException {

    private static final long serialVersionUID = 1L;

    private final int httpStatus;
    private final boolean tokenSent;

    public LibsqlAuthException(String message, int httpStatus, boolean tokenSent) {
        super(message, (String) null);
        this.httpStatus = httpStatus;
        this.tokenSent = tokenSent;
    }

    /** 401 or 403. */
    public int httpStatus() {
        return httpStatus;
    }

    /** Whether the refused request carried a token (refused) or not (missing). */
    public boolean tokenSent() {
        return tokenSent;
    }
}
