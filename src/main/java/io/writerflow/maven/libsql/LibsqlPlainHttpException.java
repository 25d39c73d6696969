package io.writerflow.maven.libsql;

/**
 * The server behind an {@code https:} address answered plain HTTP: a {@code libsql://} or {@code https://} URL
 * pointing at a local server without TLS. Nothing was sent but the probe's handshake.
 */
public class LibsqlPlainHttpException extends LibsqlException {

    private static final long serialVersionUID = 1L;

    public LibsqlPlainHttpException(String where) {
        super("The server at " + where + " did not answer TLS: it answered plain HTTP", (String) null);
    }
}
