package io.writerflow.maven.libsql;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * A JDBC driver for libSQL / Turso servers over Hrana v2 HTTP ({@code POST /v2/pipeline}).
 *
 * <h2>URLs</h2>
 * <ul>
 * <li>{@code jdbc:libsql://host[:port][/path]}: HTTPS (the {@code libsql://} URLs Turso prints)</li>
 * <li>{@code jdbc:libsql:https://host[:port][/path]}: HTTPS</li>
 * <li>{@code jdbc:libsql:http://host:port[/path]}: plain HTTP (local servers, tests)</li>
 * </ul>
 * Query parameters {@code connectTimeoutMillis} (default 10000) and {@code requestTimeoutMillis} (default
 * 60000) may follow; the same names also work as connection properties (properties win).
 *
 * <h2>Auth</h2>
 * The token comes from the connection property {@code authToken}, or else {@code password} (so a
 * user/password pair from a tool works with the token as the password), and is sent as
 * {@code Authorization: Bearer <token>}. Without one no Authorization header is sent. A token in the URL is
 * refused, because URLs end up in logs. No message of this driver contains the token.
 *
 * <p>See {@link LibsqlConnection} for how transactions work over stateless HTTP requests.
 */
public final class LibsqlDriver implements Driver {

    /** The prefix of every URL this driver accepts. */
    public static final String PREFIX = "jdbc:libsql:";
    /** What {@code DatabaseMetaData.getDatabaseProductName()} answers. */
    public static final String PRODUCT_NAME = "libSQL";
    public static final String AUTH_TOKEN = "authToken";
    public static final String CONNECT_TIMEOUT_MILLIS = "connectTimeoutMillis";
    public static final String REQUEST_TIMEOUT_MILLIS = "requestTimeoutMillis";
    static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(60);

    static {
        try {
            DriverManager.registerDriver(new LibsqlDriver());
        } catch (SQLException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Where a JDBC URL points, and with which timeouts. */
    public record Target(URI baseUrl, Duration connectTimeout, Duration requestTimeout) {
    }

    /**
     * Parses a {@code jdbc:libsql:} URL.
     *
     * @throws SQLException when the URL is not one of the documented forms
     */
    public static Target parse(String url, Properties info) throws SQLException {
        if (url == null || !url.startsWith(PREFIX)) {
            throw new SQLException("Not a libSQL JDBC URL (expected " + PREFIX + "//host, " + PREFIX
                    + "https://host or " + PREFIX + "http://host:port): " + url, "08001");
        }
        String rest = url.substring(PREFIX.length());
        String httpUrl;
        if (rest.startsWith("//")) {
            httpUrl = "https:" + rest;
        } else if (rest.startsWith("https://") || rest.startsWith("http://")) {
            httpUrl = rest;
        } else {
            throw new SQLException("A libSQL JDBC URL is " + PREFIX + "//host[:port] (HTTPS), " + PREFIX
                    + "https://host[:port] or " + PREFIX + "http://host:port; got " + PREFIX + "..." , "08001");
        }
        try {
            URI uri = new URI(httpUrl);
            if (uri.getHost() == null || uri.getHost().isEmpty()) {
                throw new SQLException("The libSQL JDBC URL has no host: " + PREFIX + "...", "08001");
            }
            Map<String, String> query = new LinkedHashMap<>();
            for (String pair : uri.getRawQuery() == null ? new String[0] : uri.getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                if (key.equalsIgnoreCase(AUTH_TOKEN) || key.equalsIgnoreCase("password")) {
                    throw new SQLException("The libSQL JDBC URL contains an auth token; URLs end up in logs, so pass"
                            + " it as the '" + AUTH_TOKEN + "' connection property instead", "08001");
                }
                if (!pair.isEmpty() && !key.equals(CONNECT_TIMEOUT_MILLIS) && !key.equals(REQUEST_TIMEOUT_MILLIS)) {
                    throw new SQLException("Unknown parameter '" + key + "' in the libSQL JDBC URL (known: "
                            + CONNECT_TIMEOUT_MILLIS + ", " + REQUEST_TIMEOUT_MILLIS + ")", "08001");
                }
                query.put(key, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
            return new Target(new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), null, null),
                    duration(CONNECT_TIMEOUT_MILLIS, info, query, DEFAULT_CONNECT_TIMEOUT),
                    duration(REQUEST_TIMEOUT_MILLIS, info, query, DEFAULT_REQUEST_TIMEOUT));
        } catch (URISyntaxException e) {
            throw new SQLException("The libSQL JDBC URL is not a valid URL: " + e.getReason(), "08001");
        }
    }

    private static Duration duration(String name, Properties info, Map<String, String> query, Duration fallback)
            throws SQLException {
        String value = info != null && info.getProperty(name) != null ? info.getProperty(name) : query.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            long millis = Long.parseLong(value.strip());
            if (millis <= 0) {
                throw new NumberFormatException();
            }
            return Duration.ofMillis(millis);
        } catch (NumberFormatException e) {
            throw new SQLException(name + " must be a positive number of milliseconds, not '" + value + "'", "08001");
        }
    }

    static String token(Properties info) {
        if (info == null) {
            return null;
        }
        String token = info.getProperty(AUTH_TOKEN);
        if (token == null || token.isBlank()) {
            token = info.getProperty("password");
        }
        return token == null || token.isBlank() ? null : token;
    }

    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        if (!acceptsURL(url)) {
            return null;
        }
        Target target = parse(url, info);
        HranaClient client = new HranaClient(target.baseUrl(), token(info), target.connectTimeout(),
                target.requestTimeout());
        return new LibsqlConnection(client, url).jdbc();
    }

    @Override
    public boolean acceptsURL(String url) {
        return url != null && url.startsWith(PREFIX);
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) {
        return new DriverPropertyInfo[] {new DriverPropertyInfo(AUTH_TOKEN, null),
                new DriverPropertyInfo(CONNECT_TIMEOUT_MILLIS, String.valueOf(DEFAULT_CONNECT_TIMEOUT.toMillis())),
                new DriverPropertyInfo(REQUEST_TIMEOUT_MILLIS, String.valueOf(DEFAULT_REQUEST_TIMEOUT.toMillis()))};
    }

    @Override
    public int getMajorVersion() {
        return 0;
    }

    @Override
    public int getMinorVersion() {
        return 1;
    }

    @Override
    public boolean jdbcCompliant() {
        return false;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("The libSQL driver does not log through java.util.logging");
    }
}
