package io.writerflow.maven.settings;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * The {@code <server>} of Maven's settings.xml named by {@code writerflow.serverId}, as the resolver sees it:
 * its id and a lookup of its (decrypted) password. The resolver calls the lookup only when no configured token
 * wins, so a POM can name a server that a developer without it overrides with {@code -Dwriterflow.authToken}.
 * The lookup may throw a {@code WriterflowException} (no such server, no password, decryption failed); null or
 * blank means "no token here". The password never reaches {@code toString()}.
 */
public record SettingsServer(String id, Supplier<String> password) {

    public SettingsServer {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(password, "password");
    }

    /** How the token's source is named in logs and errors: {@code settings.xml server 'ID'}. */
    public String source() {
        return "settings.xml server '" + id + "'";
    }

    @Override
    public String toString() {
        return "SettingsServer[" + id + "]";
    }
}
