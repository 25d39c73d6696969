package io.writerflow.maven.mojo;

import io.writerflow.maven.WriterflowException;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

import java.util.List;
import java.util.Objects;

/**
 * The password of a {@code <server>} in the user's Maven settings, decrypted as Maven decrypts it
 * ({@code mvn --encrypt-password}, master password in {@code settings-security.xml}). Errors name the server id,
 * never the password, in either form.
 */
final class SettingsServerPassword {

    private SettingsServerPassword() {
    }

    static String of(Settings settings, SettingsDecrypter decrypter, String serverId) {
        return of(settings, decrypter, serverId, "writerflow.serverId", "the auth token");
    }

    /**
     * As {@link #of(Settings, SettingsDecrypter, String)} for the server named by {@code setting}, whose password
     * is {@code what} (such as "the Turso platform API token"), both named in errors.
     */
    static String of(Settings settings, SettingsDecrypter decrypter, String serverId, String setting, String what) {
        Server server = settings == null ? null : settings.getServer(serverId);
        if (server == null) {
            throw new WriterflowException("No <server> with id '" + serverId + "' in your Maven settings"
                    + " (~/.m2/settings.xml, or the file given with -s / -gs); " + setting + " names the server"
                    + " whose <password> is " + what + ".",
                    "Add <server><id>" + serverId + "</id><password>your token</password></server> to"
                            + " ~/.m2/settings.xml (encrypt the token with mvn --encrypt-password), or fix or unset "
                            + setting + ".");
        }
        String raw = server.getPassword();
        if (raw == null || raw.isBlank()) {
            throw noPassword(serverId, setting, what);
        }
        SettingsDecryptionResult result = decrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
        List<SettingsProblem> errors = result.getProblems().stream()
                .filter(p -> p.getSeverity() != SettingsProblem.Severity.WARNING)
                .toList();
        if (!errors.isEmpty()) {
            String cause = errors.stream()
                    .map(SettingsProblem::getException)
                    .filter(Objects::nonNull)
                    .findFirst()
                    .map(e -> " (" + rootCause(e, raw) + ")")
                    .orElse("");
            throw new WriterflowException("Cannot decrypt the <password> of <server> '" + serverId
                    + "' in your Maven settings" + cause + ": the master password in settings-security.xml"
                    + " (~/.m2/settings-security.xml, or the file given with -Dsettings.security) is missing,"
                    + " unreadable or not the one the password was encrypted with.",
                    "Check settings-security.xml (mvn --encrypt-master-password writes its <master>), then"
                            + " re-encrypt the token with mvn --encrypt-password and put it in the server's"
                            + " <password>.");
        }
        Server decrypted = result.getServer();
        String password = decrypted == null ? null : decrypted.getPassword();
        if (password == null || password.isBlank()) {
            throw noPassword(serverId, setting, what);
        }
        return password;
    }

    /** The innermost cause, such as a missing file or a bad padding, with the raw password masked out. */
    private static String rootCause(Throwable e, String raw) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : ": " + root.getMessage().replace(raw, "****");
        return root.getClass().getSimpleName() + message;
    }

    private static WriterflowException noPassword(String serverId, String setting, String what) {
        return new WriterflowException("The <server> '" + serverId + "' in your Maven settings has no <password>;"
                + " " + setting + " takes " + what + " from it.",
                "Put the token in that server's <password> (encrypted with mvn --encrypt-password if you like),"
                        + " or unset " + setting + ".");
    }
}
