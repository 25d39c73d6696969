package io.writerflow.maven.settings;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves the database URL and auth token, highest first: the plugin configuration or
 * {@code -Dwriterflow.url}/{@code -Dwriterflow.authToken} (Maven merges the two), for the token only the
 * settings.xml {@code <server>} named by {@code writerflow.serverId} and then the URL's own
 * {@code ?authToken=}, drizzle.config's {@code dbCredentials}, the environment ({@code TURSO_DATABASE_URL},
 * {@code TURSO_AUTH_TOKEN}), {@code .env.local}, {@code .env}, then the default {@code file:local.db} in the
 * project base directory. The URL and the token are resolved independently, as drizzle's own configs read
 * them; a token in the URL beats {@code dbCredentials.authToken} as it does in @libsql/client. Maven-free: the
 * mojo hands the settings.xml server in as a {@link SettingsServer}.
 */
public final class ConnectionSettingsResolver {

    public static final String URL_VARIABLE = "TURSO_DATABASE_URL";
    public static final String TOKEN_VARIABLE = "TURSO_AUTH_TOKEN";
    public static final String DEFAULT_URL = "file:local.db";
    /** The {@link ConnectionSettings#urlSource()} of a URL that nothing configured. */
    public static final String DEFAULT_URL_SOURCE = "the default (" + DEFAULT_URL + ")";
    /** The {@link ConnectionSettings#authTokenSource()} of a token given as the URL's {@code ?authToken=}. */
    public static final String URL_TOKEN_SOURCE = "the URL";

    private final Path baseDir;
    private final Map<String, String> environment;

    public ConnectionSettingsResolver(Path baseDir, Map<String, String> environment) {
        this.baseDir = baseDir;
        this.environment = Map.copyOf(environment);
    }

    public ConnectionSettings resolve(String configuredUrl, String configuredToken) {
        return resolve(configuredUrl, configuredToken, null);
    }

    /**
     * @param server the settings.xml server named by {@code writerflow.serverId}, or null when none is named;
     *               its password is looked up only when {@code configuredToken} is absent
     */
    public ConnectionSettings resolve(String configuredUrl, String configuredToken, SettingsServer server) {
        return resolve(configuredUrl, configuredToken, server, Optional.empty());
    }

    /**
     * @param drizzle the project's drizzle.config: its {@code dbCredentials} come after the plugin's own
     *                settings (and the settings.xml server) and before the environment
     */
    public ConnectionSettings resolve(String configuredUrl, String configuredToken, SettingsServer server,
                                      Optional<DrizzleConfig> drizzle) {
        List<String> warnings = new ArrayList<>();
        List<DotEnv> dotEnvs = new ArrayList<>();
        for (String name : List.of(".env.local", ".env")) {
            DotEnv.read(baseDir.resolve(name)).ifPresent(env -> {
                dotEnvs.add(env);
                warnings.addAll(env.problems());
            });
        }

        Found url = configured(configuredUrl, "writerflow.url")
                .or(() -> drizzle.flatMap(d -> d.url().map(u -> new Found(u, "dbCredentials.url in " + d.shownAs()))))
                .or(() -> environmental(URL_VARIABLE, dotEnvs))
                .orElse(new Found(DEFAULT_URL, DEFAULT_URL_SOURCE));
        ParsedUrl parsed = DatabaseUrlParser.parse(url.value(), baseDir, url.source());
        Optional<Found> token = configured(configuredToken, "writerflow.authToken")
                .or(() -> fromServer(server))
                .or(() -> parsed.authToken().map(t -> new Found(t.value(), URL_TOKEN_SOURCE)))
                .or(() -> drizzle.flatMap(d -> d.authToken().map(t -> new Found(t.value(),
                        "dbCredentials.authToken in " + d.shownAs()))))
                .or(() -> environmental(TOKEN_VARIABLE, dotEnvs));

        return new ConnectionSettings(
                parsed.url(),
                url.source(),
                token.map(t -> new AuthToken(t.value())),
                token.map(Found::source).orElse("nowhere (looked in <authToken>, -Dwriterflow.authToken, "
                        + (server == null ? "" : server.source() + ", ") + "the URL's ?authToken=, "
                        + drizzle.map(d -> "dbCredentials.authToken in " + d.shownAs() + ", ").orElse("") + TOKEN_VARIABLE
                        + ", .env.local and .env)"),
                warnings);
    }

    private static Optional<Found> configured(String configured, String property) {
        if (!present(configured)) {
            return Optional.empty();
        }
        return Optional.of(new Found(configured, "<" + property.substring("writerflow.".length())
                + "> / -D" + property));
    }

    private static Optional<Found> fromServer(SettingsServer server) {
        if (server == null) {
            return Optional.empty();
        }
        String password = server.password().get();
        return present(password) ? Optional.of(new Found(password, server.source())) : Optional.empty();
    }

    private Optional<Found> environmental(String variable, List<DotEnv> dotEnvs) {
        if (present(environment.get(variable))) {
            return Optional.of(new Found(environment.get(variable), "environment variable " + variable));
        }
        for (DotEnv env : dotEnvs) {
            Optional<String> value = env.get(variable).filter(ConnectionSettingsResolver::present);
            if (value.isPresent()) {
                return Optional.of(new Found(value.get(), variable + " in " + baseDir.relativize(env.file())));
            }
        }
        return Optional.empty();
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    private record Found(String value, String source) {
        @Override
        public String toString() {
            return "Found[" + source + "]"; // the value may be a token
        }
    }
}
