package io.writerflow.maven.fleet.platform;

import io.writerflow.maven.WriterflowException;
import io.writerflow.maven.settings.AuthToken;
import io.writerflow.maven.settings.SettingsServer;

import java.util.Map;

/**
 * The Turso Platform API token and where it came from: the password of the settings.xml {@code <server>} named by
 * {@code writerflow.platformServerId}, else the environment variable {@code TURSO_PLATFORM_API_TOKEN}. Only the
 * source is ever shown; the token's {@code toString()} is masked ({@link AuthToken}).
 */
public record PlatformToken(AuthToken token, String source) {

    public static final String VARIABLE = "TURSO_PLATFORM_API_TOKEN";

    /**
     * @param server the server named by {@code writerflow.platformServerId}, or null when none is named; a named
     *               server that is missing or has no password fails (its lookup says how), it is never skipped
     */
    public static PlatformToken resolve(SettingsServer server, Map<String, String> environment) {
        if (server != null) {
            String password = server.password().get();
            if (password != null && !password.isBlank()) {
                return new PlatformToken(new AuthToken(password.strip()), server.source());
            }
        } else {
            String variable = environment.get(VARIABLE);
            if (variable != null && !variable.isBlank()) {
                return new PlatformToken(new AuthToken(variable.strip()), "environment variable " + VARIABLE);
            }
        }
        throw new WriterflowException("writerflow.organization asks the Turso Platform API for the fleet's databases,"
                + " but no platform API token was found (" + (server != null ? server.source() + " has none"
                : "writerflow.platformServerId is not set and " + VARIABLE + " is unset") + "); nothing was run.",
                "Mint one with 'turso auth api-tokens mint writerflow' (or --group for a group-scoped token) and put"
                        + " it in the environment variable " + VARIABLE + ", or in the <password> of a settings.xml"
                        + " <server> named by -Dwriterflow.platformServerId.");
    }
}
