package io.writerflow.maven.fleet;

import io.writerflow.maven.settings.AuthToken;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The token of each database of a fleet: the environment variable {@code WRITERFLOW_TOKEN_<NAME>} when it is set
 * (the database's name upper-cased, every character other than a letter or digit as {@code _}:
 * {@code tenant-1} reads {@code WRITERFLOW_TOKEN_TENANT_1}), else the one token resolved from the usual sources
 * (writerflow.authToken, the settings.xml server, TURSO_AUTH_TOKEN, .env.local, .env). Tokens are never printed
 * and never written to a report; only where each came from is.
 */
public final class FleetTokens {

    public static final String PREFIX = "WRITERFLOW_TOKEN_";

    private final Map<String, String> environment;
    private final Optional<AuthToken> shared;
    private final String sharedSource;

    public FleetTokens(Map<String, String> environment, Optional<AuthToken> shared, String sharedSource) {
        this.environment = Map.copyOf(environment);
        this.shared = shared;
        this.sharedSource = sharedSource;
    }

    /** The environment variable that holds {@code name}'s own token. */
    public static String variable(String name) {
        return PREFIX + name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    /** The database's token, if any. */
    public Optional<AuthToken> token(FleetTarget target) {
        String own = environment.get(variable(target.name()));
        return own != null && !own.isBlank() ? Optional.of(new AuthToken(own.strip())) : shared;
    }

    /** Where the database's token came from, or where it was looked for. */
    public String source(FleetTarget target) {
        String own = environment.get(variable(target.name()));
        return own != null && !own.isBlank() ? "environment variable " + variable(target.name())
                : shared.isPresent() ? sharedSource : variable(target.name()) + " unset, and " + sharedSource;
    }
}
