package io.writerflow.maven.settings;

import io.writerflow.maven.WriterflowException;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Where the database is, as drizzle and the libSQL clients spell it: {@code file:local.db},
 * {@code file:/abs/path.db}, {@code :memory:}, or a remote {@code libsql:}, {@code https:}, {@code http:} URL.
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

    /** A libSQL server over HTTP. */
    record Remote(URI uri) implements DatabaseUrl {
        @Override
        public String display() {
            return uri.getScheme() + "://" + uri.getRawAuthority() + (uri.getRawPath() == null ? "" : uri.getRawPath());
        }
    }

    /**
     * Parses {@code raw}, resolving relative file paths against {@code baseDir}.
     *
     * @param setting where the value came from, named in errors so the user knows what to fix
     */
    static DatabaseUrl parse(String raw, Path baseDir, String setting) {
        String url = raw.strip();
        if (url.equals(":memory:") || url.equals("file::memory:")) {
            return new Memory();
        }
        int colon = url.indexOf(':');
        String scheme = colon > 0 ? url.substring(0, colon).toLowerCase(Locale.ROOT) : "";
        switch (scheme) {
            case "file" -> {
                return parseFile(url, baseDir, setting);
            }
            case "libsql", "https", "http", "wss", "ws" -> {
                try {
                    URI uri = new URI(url);
                    if (uri.getHost() == null) {
                        throw new URISyntaxException(url, "no host");
                    }
                    return new Remote(uri);
                } catch (URISyntaxException e) {
                    throw new WriterflowException("The database URL from " + setting + " is not a valid "
                            + scheme + ": URL (expected " + scheme + "://host[:port]).",
                            "Fix " + setting + ".");
                }
            }
            default -> throw new WriterflowException("The database URL from " + setting + " has "
                    + (scheme.isEmpty() ? "no scheme" : "the unknown scheme '" + scheme + ":'")
                    + "; expected file:PATH, :memory:, libsql://HOST, https://HOST or http://HOST:PORT.",
                    "Set " + setting + " to, for example, file:local.db"
                            + (scheme.isEmpty() && !url.isEmpty() ? " (did you mean file:" + url + "?)" : "") + ".");
        }
    }

    private static DatabaseUrl parseFile(String url, Path baseDir, String setting) {
        String path = url.substring("file:".length());
        int query = path.indexOf('?');
        if (query >= 0) {
            path = path.substring(0, query);
        }
        if (path.startsWith("//")) {
            // file:///abs/path.db, the RFC 8089 form of an absolute path
            path = path.substring(2);
            if (!path.startsWith("/")) {
                throw new WriterflowException("The database URL from " + setting
                        + " names a host (file://HOST/...); only local files are supported.",
                        "Use file:relative/path.db or file:/absolute/path.db.");
            }
        }
        if (path.isBlank()) {
            throw new WriterflowException("The database URL from " + setting + " has no file path.",
                    "Use file:local.db or file:/absolute/path.db.");
        }
        Path file = baseDir.resolve(path).normalize();
        return new File(file, "file:" + path);
    }
}
