package io.writerflow.maven.settings;

import java.util.List;
import java.util.Optional;

/**
 * The resolved database connection, with where each part came from so that errors can point at the
 * setting to change.
 */
public record ConnectionSettings(
        DatabaseUrl url,
        String urlSource,
        Optional<AuthToken> authToken,
        String authTokenSource,
        List<String> warnings) {

    public ConnectionSettings {
        warnings = List.copyOf(warnings);
    }

    /** True when no setting named a database and the URL is the default {@code file:local.db}. */
    public boolean urlIsDefault() {
        return ConnectionSettingsResolver.DEFAULT_URL_SOURCE.equals(urlSource);
    }
}
