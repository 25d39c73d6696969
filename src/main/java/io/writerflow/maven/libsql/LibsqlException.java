package io.writerflow.maven.libsql;

import java.sql.SQLException;

/**
 * An error from a libSQL server or from talking to one: the server's message and its Hrana error code
 * (for example {@code SQLITE_CONSTRAINT} or {@code PREPARE_ERROR}; {@code null} when the error is not the
 * server's). Messages never contain the auth token.
 */
public class LibsqlException extends SQLException {

    private static final long serialVersionUID = 1L;

    private final String hranaCode;

    public LibsqlException(String message, String hranaCode) {
        super(message, (String) null);
        this.hranaCode = hranaCode;
    }

    public LibsqlException(String message, String hranaCode, Throwable cause) {
        super(message, null, cause);
        this.hranaCode = hranaCode;
    }

    /** The server's error code as Hrana sent it, or {@code null}. */
    public String hranaCode() {
        return hranaCode;
    }
}
