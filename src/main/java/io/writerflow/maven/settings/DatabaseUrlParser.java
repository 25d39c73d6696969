package io.writerflow.maven.settings;

import io.writerflow.maven.WriterflowException;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a database URL as @libsql/client 0.15 ({@code @libsql/core}'s {@code expandConfig} and {@code parseUri})
 * reads it, since drizzle projects write their URLs for that client:
 * <ul>
 * <li>{@code libsql://host} is HTTPS; with {@code ?tls=0} it is plain HTTP and must name its port;</li>
 * <li>{@code https:}/{@code wss:} are HTTPS and {@code http:}/{@code ws:} plain HTTP (the plugin speaks Hrana
 * over HTTP only); {@code ?tls=} may only repeat what the scheme says;</li>
 * <li>{@code ?authToken=} is the token;</li>
 * <li>{@code file:PATH} (percent-decoded; {@code file:///abs} and {@code file://localhost/abs} too) may carry
 * {@code tls} and {@code authToken}, which a file does not use; {@code :memory:} and {@code file::memory:} may
 * carry {@code cache=shared|private};</li>
 * <li>any other query option is refused, as the client refuses it, except the plugin's own
 * {@code connectTimeoutMillis} and {@code requestTimeoutMillis} on a remote URL; so is a fragment.</li>
 * </ul>
 */
public final class DatabaseUrlParser {

    private static final Pattern URI_PATTERN = Pattern.compile("^(?<scheme>[A-Za-z][A-Za-z.+-]*):"
            + "(//(?<authority>[^/?#]*))?(?<path>[^?#]*)(\\?(?<query>[^#]*))?(#(?<fragment>.*))?$", Pattern.DOTALL);
    private static final Pattern AUTHORITY_PATTERN = Pattern.compile("^((?<user>[^:]*)(:(?<password>.*))?@)?"
            + "((?<host>[^:\\[\\]]*)|(\\[(?<bracketed>[^\\[\\]]*)\\]))(:(?<port>[0-9]*))?$", Pattern.DOTALL);

    private static final String TLS = "tls";
    private static final String AUTH_TOKEN = "authToken";
    private static final String CACHE = "cache";
    private static final List<String> TIMEOUTS = List.of("connectTimeoutMillis", "requestTimeoutMillis");

    private DatabaseUrlParser() {
    }

    /**
     * Parses {@code raw}, resolving relative file paths against {@code baseDir}.
     *
     * @param setting where the value came from, named in errors so the user knows what to fix
     */
    public static ParsedUrl parse(String raw, Path baseDir, String setting) {
        String url = raw.strip();
        if (url.equals(":memory:")) {
            return new ParsedUrl(new DatabaseUrl.Memory(), Optional.empty());
        }
        Matcher m = URI_PATTERN.matcher(url);
        if (!m.matches()) {
            throw unknownScheme("", url, setting);
        }
        String scheme = m.group("scheme").toLowerCase(Locale.ROOT);
        if (!List.of("file", "libsql", "https", "http", "wss", "ws").contains(scheme)) {
            throw unknownScheme(scheme, url, setting);
        }
        if (m.group("fragment") != null) {
            throw new WriterflowException("The database URL from " + setting + " ends in a fragment (#...), which"
                    + " @libsql/client refuses too.", "Remove the # and what follows it from " + setting + ".");
        }
        UrlQuery query = UrlQuery.parse(m.group("query"), setting);
        return scheme.equals("file") ? file(m, query, baseDir, setting) : remote(scheme, m, query, setting);
    }

    private static ParsedUrl file(Matcher m, UrlQuery query, Path baseDir, String setting) {
        String authority = m.group("authority");
        if (authority != null) {
            Matcher a = AUTHORITY_PATTERN.matcher(authority);
            String host = a.matches() ? host(a) : null;
            if (host == null || !(host.isEmpty() || host.equalsIgnoreCase("localhost")) || a.group("port") != null
                    || a.group("user") != null) {
                throw new WriterflowException("The database URL from " + setting
                        + " names a host (file://HOST/...); only local files are supported.",
                        "Use file:relative/path.db or file:/absolute/path.db.");
            }
        }
        String path = decodePath(m.group("path"), setting);
        if (authority == null && path.equals(":memory:")) {
            allowOnly(query, List.of(CACHE), "file::memory:", setting);
            oneOf(query, CACHE, List.of("shared", "private"), setting);
            return new ParsedUrl(new DatabaseUrl.Memory(), Optional.empty());
        }
        allowOnly(query, List.of(TLS, AUTH_TOKEN), "file:", setting);
        oneOf(query, TLS, List.of("0", "1"), setting);
        if (path.isBlank()) {
            throw new WriterflowException("The database URL from " + setting + " has no file path.",
                    "Use file:local.db or file:/absolute/path.db.");
        }
        return new ParsedUrl(new DatabaseUrl.File(baseDir.resolve(path).normalize(), "file:" + path), token(query));
    }

    private static ParsedUrl remote(String scheme, Matcher m, UrlQuery query, String setting) {
        String authority = m.group("authority");
        Matcher a = authority == null ? null : AUTHORITY_PATTERN.matcher(authority);
        if (a == null || !a.matches() || host(a).isEmpty()) {
            throw invalid(scheme, setting);
        }
        allowOnly(query, List.of(TLS, AUTH_TOKEN, TIMEOUTS.get(0), TIMEOUTS.get(1)), scheme + ":", setting);
        Optional<String> tls = oneOf(query, TLS, List.of("0", "1"), setting);
        boolean hasPort = a.group("port") != null && !a.group("port").isEmpty();
        // host and port only: user info may hold a password
        String hostPort = (a.group("bracketed") != null ? "[" + a.group("bracketed") + "]" : a.group("host"))
                + (hasPort ? ":" + a.group("port") : "");
        String transport = switch (scheme) {
            case "libsql" -> {
                if (tls.isPresent() && tls.get().equals("0") && !hasPort) {
                    throw new WriterflowException("The database URL from " + setting + " is libsql: with ?tls=0 but"
                            + " without a port; @libsql/client requires the port then too.",
                            "Write the port: libsql://" + host(a) + ":PORT?tls=0 (or http://" + host(a) + ":PORT).");
                }
                yield tls.isPresent() && tls.get().equals("0") ? "http" : "https";
            }
            case "http", "ws" -> {
                if (tls.isPresent() && tls.get().equals("1")) {
                    throw new WriterflowException("The database URL from " + setting + " is " + scheme + ": with"
                            + " ?tls=1; an " + scheme + ": URL cannot opt into TLS (nor can it in @libsql/client).",
                            "Use https://" + hostPort + " or libsql://" + hostPort + " for TLS.");
                }
                yield "http";
            }
            default -> {
                if (tls.isPresent() && tls.get().equals("0")) {
                    throw new WriterflowException("The database URL from " + setting + " is " + scheme + ": with"
                            + " ?tls=0; an " + scheme + ": URL cannot opt out of TLS (nor can it in @libsql/client).",
                            "Use http://" + hostPort + " or libsql://" + hostPort + "?tls=0 for plain HTTP.");
                }
                yield "https";
            }
        };
        String where = hostPort + m.group("path");
        URI endpoint;
        try {
            endpoint = new URI(transport + "://" + where);
        } catch (java.net.URISyntaxException e) {
            throw invalid(scheme, setting);
        }
        DatabaseUrl.Remote defaults = new DatabaseUrl.Remote(endpoint, scheme + "://" + where + tls.map(t -> "?tls=" + t)
                .orElse(""));
        return new ParsedUrl(new DatabaseUrl.Remote(endpoint, defaults.display(),
                millis(query, TIMEOUTS.get(0), defaults.connectTimeout(), setting),
                millis(query, TIMEOUTS.get(1), defaults.requestTimeout(), setting)), token(query));
    }

    private static java.time.Duration millis(UrlQuery query, String name, java.time.Duration fallback, String setting) {
        Optional<String> value = query.get(name).filter(v -> !v.isBlank());
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            long millis = Long.parseLong(value.get().strip());
            if (millis <= 0) {
                throw new NumberFormatException();
            }
            return java.time.Duration.ofMillis(millis);
        } catch (NumberFormatException e) {
            throw new WriterflowException("The database URL from " + setting + " is not usable: " + name + " must be"
                    + " a positive number of milliseconds, not '" + value.get() + "'.", "Fix " + setting + ".");
        }
    }

    private static String host(Matcher authority) {
        return authority.group("bracketed") != null ? authority.group("bracketed") : authority.group("host");
    }

    private static Optional<AuthToken> token(UrlQuery query) {
        return query.get(AUTH_TOKEN).filter(t -> !t.isBlank()).map(AuthToken::new);
    }

    /** Refuses the options a URL of this kind cannot have, as @libsql/client refuses them. */
    private static void allowOnly(UrlQuery query, List<String> known, String kind, String setting) {
        for (UrlQuery.Option option : query.options()) {
            if (!known.contains(option.key())) {
                throw new WriterflowException("The database URL from " + setting + " has the query option '"
                        + shown(option.key()) + "', which a " + kind + " URL cannot have (@libsql/client refuses it"
                        + " too); it can have " + String.join(", ", known) + ".",
                        "Remove '" + shown(option.key()) + "' from the URL's query in " + setting + ".");
            }
        }
    }

    private static Optional<String> oneOf(UrlQuery query, String key, List<String> values, String setting) {
        Optional<String> value = query.get(key);
        if (value.isPresent() && !values.contains(value.get())) {
            throw new WriterflowException("The database URL from " + setting + " has ?" + key + "=" + shown(value.get())
                    + "; " + key + " is " + String.join(" or ", values) + ", as in @libsql/client.",
                    "Set ?" + key + "=" + String.join(" or ?" + key + "=", values) + " in " + setting + ", or remove it.");
        }
        return value;
    }

    /** A key or value as messages show it: a long one may be a token pasted in the wrong place. */
    private static String shown(String text) {
        return text.length() > 24 ? text.substring(0, 8) + "..." : text;
    }

    /** A path percent-decoded as JavaScript's decodeURIComponent does: a {@code +} stays a plus. */
    private static String decodePath(String path, String setting) {
        try {
            return URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new WriterflowException("The database URL from " + setting + " has a malformed %-escape in its"
                    + " path.", "Write a % in a file name as %25.");
        }
    }

    private static WriterflowException invalid(String scheme, String setting) {
        return new WriterflowException("The database URL from " + setting + " is not a valid " + scheme
                + ": URL (expected " + scheme + "://host[:port]).", "Fix " + setting + ".");
    }

    private static WriterflowException unknownScheme(String scheme, String url, String setting) {
        return new WriterflowException("The database URL from " + setting + " has "
                + (scheme.isEmpty() ? "no scheme" : "the unknown scheme '" + scheme + ":'")
                + "; expected file:PATH, :memory:, libsql://HOST, https://HOST or http://HOST:PORT.",
                "Set " + setting + " to, for example, file:local.db"
                        + (scheme.isEmpty() && !url.isEmpty() && !url.contains(":")
                        ? " (did you mean file:" + url.replaceFirst("[?#].*", "") + "?)" : "") + ".");
    }
}
