package io.writerflow.maven.fleet;

import io.writerflow.maven.settings.AuthToken;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The token of each database of a fleet: the environment variable {@code WRITERFLOW_TOKEN_<NAME>} when it is set
 * (the database's name upper-cased, every character other than a letter or digit as {@code _}:
 * {@code tenant-1} reads {@code WRITERFLOW_TOKEN_TENANT_1}), else the one token resolved from the usual sources
 * (writerflow.authToken, the settings.xml server, TURSO_AUTH_TOKEN, .env.local, .env), else, for a discovered
 * fleet, the group token minted for the database's group ({@link #orElse}). Tokens are never printed and never
 * written to a report; only where each came from is.
 */
public final class FleetTokens {

    public static final String PREFIX = "WRITERFLOW_TOKEN_";

    private final Map<String, String> environment;
    private final Optional<AuthToken> shared;
    private final String sharedSource;
    private final Map<String, Fallback> fallbacks;

    /** A token that serves a database that has none of its own and no shared one, and where it came from. */
    public record Fallback(AuthToken token, String source) {
    }

    public FleetTokens(Map<String, String> environment, Optional<AuthToken> shared, String sharedSource) {
        this(environment, shared, sharedSource, Map.of());
    }

    private FleetTokens(Map<String, String> environment, Optional<AuthToken> shared, String sharedSource,
            Map<String, Fallback> fallbacks) {
        this.environment = Map.copyOf(environment);
        this.shared = shared;
        this.sharedSource = sharedSource;
        this.fallbacks = Map.copyOf(fallbacks);
    }

    /** These tokens, with {@code fallbacks} (by database name) for the databases that have none. */
    public FleetTokens orElse(Map<String, Fallback> fallbacks) {
        return new FleetTokens(environment, shared, sharedSource, fallbacks);
    }

    /** Whether the database has a token of its own or the shared one, so that no fallback is needed. */
    public boolean hasToken(FleetTarget target) {
        return own(target).isPresent() || shared.isPresent();
    }

    private Optional<String> own(FleetTarget target) {
        String own = environment.get(variable(target.name()));
        return own != null && !own.isBlank() ? Optional.of(own.strip()) : Optional.empty();
    }

    /** The environment variable that holds {@code name}'s own token. */
    public static String variable(String name) {
        return PREFIX + name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    /** The database's token, if any. */
    public Optional<AuthToken> token(FleetTarget target) {
        if (hasToken(target)) {
            return own(target).map(AuthToken::new).or(() -> shared);
        }
        return Optional.ofNullable(fallbacks.get(target.name())).map(Fallback::token);
    }

    /** Where the database's token came from, or where it was looked for. */
    public String source(FleetTarget target) {
        Fallback fallback = fallbacks.get(target.name());
        return own(target).isPresent() ? "environment variable " + variable(target.name())
                : shared.isPresent() ? sharedSource : fallback != null ? fallback.source()
                : variable(target.name()) + " unset, and " + sharedSource;
    }
}
