package io.writerflow.maven.settings;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves the database URL and auth token, highest first: the plugin configuration or
 * {@code -Dwriterflow.url}/{@code -Dwriterflow.authToken} (Maven merges the two), the environment
 * ({@code TURSO_DATABASE_URL}, {@code TURSO_AUTH_TOKEN}), {@code .env.local}, {@code .env}, then the default
 * {@code file:local.db} in the project base directory. The URL and the token are resolved independently, as
 * drizzle's own configs read them.
 */
public final class ConnectionSettingsResolver {

    public static final String URL_VARIABLE = "TURSO_DATABASE_URL";
    public static final String TOKEN_VARIABLE = "TURSO_AUTH_TOKEN";
    public static final String DEFAULT_URL = "file:local.db";

    private final Path baseDir;
    private final Map<String, String> environment;

    public ConnectionSettingsResolver(Path baseDir, Map<String, String> environment) {
        this.baseDir = baseDir;
        this.environment = Map.copyOf(environment);
    }

    public ConnectionSettings resolve(String configuredUrl, String configuredToken) {
        List<String> warnings = new ArrayList<>();
        List<DotEnv> dotEnvs = new ArrayList<>();
        for (String name : List.of(".env.local", ".env")) {
            DotEnv.read(baseDir.resolve(name)).ifPresent(env -> {
                dotEnvs.add(env);
                warnings.addAll(env.problems());
            });
        }

        Found url = find(configuredUrl, "writerflow.url", URL_VARIABLE, dotEnvs)
                .orElse(new Found(DEFAULT_URL, "the default (" + DEFAULT_URL + ")"));
        Optional<Found> token = find(configuredToken, "writerflow.authToken", TOKEN_VARIABLE, dotEnvs);

        return new ConnectionSettings(
                DatabaseUrl.parse(url.value(), baseDir, url.source()),
                url.source(),
                token.map(t -> new AuthToken(t.value())),
                token.map(Found::source).orElse("nowhere (looked in <authToken>, -Dwriterflow.authToken, "
                        + TOKEN_VARIABLE + ", .env.local and .env)"),
                warnings);
    }

    private Optional<Found> find(String configured, String property, String variable, List<DotEnv> dotEnvs) {
        if (present(configured)) {
            return Optional.of(new Found(configured, "<" + property.substring("writerflow.".length())
                    + "> / -D" + property));
        }
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
    }
}
