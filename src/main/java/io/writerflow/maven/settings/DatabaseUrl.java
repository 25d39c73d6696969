package io.writerflow.maven.settings;

import java.net.URI;
import java.nio.file.Path;

/**
 * Where the database is, as drizzle and @libsql/client spell it: {@code file:local.db}, {@code file:/abs/path.db},
 * {@code :memory:}, or a remote {@code libsql:}, {@code https:}, {@code http:} URL (see {@link DatabaseUrlParser}).
 */
public sealed interface DatabaseUrl {

    /** The URL for messages: never carries credentials, which libSQL URLs may hold in their query. */
    String display();

    /** An embedded SQLite/libSQL file. */
    record File(Path path, String display) implements DatabaseUrl {
    }

    /** An embedded database that lives only as long as the connection. */
    record Memory() implements DatabaseUrl {
        @Override
        public String display() {
            return ":memory:";
        }
    }

    /**
     * A libSQL server over HTTP.
     *
     * @param endpoint       the server's {@code http:} or {@code https:} address, without a query: never a token
     * @param display        the URL as the user wrote it, without its token, timeouts and user info
     * @param connectTimeout how long to wait for a connection ({@code connectTimeoutMillis}, default 10 s)
     * @param requestTimeout how long to wait for an answer ({@code requestTimeoutMillis}, default 60 s)
     */
    record Remote(URI endpoint, String display, java.time.Duration connectTimeout, java.time.Duration requestTimeout)
            implements DatabaseUrl {

        /** Without timeouts in the URL: the defaults. */
        public Remote(URI endpoint, String display) {
            this(endpoint, display, java.time.Duration.ofSeconds(10), java.time.Duration.ofSeconds(60));
        }
    }

    /**
     * Parses {@code raw}, resolving relative file paths against {@code baseDir}; a token in the URL is dropped
     * (see {@link DatabaseUrlParser#parse} for it).
     *
     * @param setting where the value came from, named in errors so the user knows what to fix
     */
    static DatabaseUrl parse(String raw, Path baseDir, String setting) {
        return DatabaseUrlParser.parse(raw, baseDir, setting).url();
    }
}
