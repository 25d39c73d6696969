package io.writerflow.maven.mojo;

import io.writerflow.maven.WriterflowException;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.DefaultSettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sonatype.plexus.components.cipher.DefaultPlexusCipher;
import org.sonatype.plexus.components.sec.dispatcher.DefaultSecDispatcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The settings.xml side of writerflow.serverId, with Maven's own decrypter over a real settings-security.xml. */
class SettingsServerPasswordTest {

    private static final String TOKEN = "tok-SETTINGS-secret-42";
    private static final String MASTER = "it-master-password";

    @TempDir
    Path dir;

    private final DefaultPlexusCipher cipher = new DefaultPlexusCipher();

    private SettingsDecrypter decrypter(Path settingsSecurity) {
        return new DefaultSettingsDecrypter(new DefaultSecDispatcher(cipher, Map.of(), settingsSecurity.toString()));
    }

    private Path settingsSecurity(String master) throws Exception {
        Path file = dir.resolve("settings-security.xml");
        Files.writeString(file, "<settingsSecurity><master>" + cipher.encryptAndDecorate(master, "settings.security")
                + "</master></settingsSecurity>\n");
        return file;
    }

    private static Settings withServer(String id, String password) {
        Server server = new Server();
        server.setId(id);
        server.setUsername("ignored");
        server.setPassword(password);
        Settings settings = new Settings();
        settings.addServer(server);
        return settings;
    }

    private static void assertNoSecret(WriterflowException e, String... secrets) {
        for (String secret : secrets) {
            assertFalse(e.getMessage().contains(secret), e.getMessage());
        }
    }

    @Test
    void plainPassword() {
        assertEquals(TOKEN, SettingsServerPassword.of(withServer("turso-prod", TOKEN),
                decrypter(dir.resolve("absent.xml")), "turso-prod"));
    }

    @Test
    void encryptedPasswordIsDecryptedWithTheMasterPassword() throws Exception {
        Path security = settingsSecurity(MASTER);
        String encrypted = cipher.encryptAndDecorate(TOKEN, MASTER);
        assertTrue(encrypted.startsWith("{") && !encrypted.contains(TOKEN), encrypted);
        assertEquals(TOKEN, SettingsServerPassword.of(withServer("turso-prod", encrypted), decrypter(security),
                "turso-prod"));
    }

    @Test
    void wrongMasterPasswordNamesTheServerAndSettingsSecurityButNoSecret() throws Exception {
        String encrypted = cipher.encryptAndDecorate(TOKEN, MASTER);
        Settings settings = withServer("turso-prod", encrypted);

        WriterflowException wrong = assertThrows(WriterflowException.class,
                () -> SettingsServerPassword.of(settings, decrypter(settingsSecurity("another-master")), "turso-prod"));
        assertTrue(wrong.getMessage().contains("'turso-prod'") && wrong.getMessage().contains("settings-security.xml"),
                wrong.getMessage());
        assertTrue(wrong.getMessage().contains("Next step"), wrong.getMessage());
        assertTrue(wrong.getMessage().contains("BadPaddingException"), wrong.getMessage());
        assertNoSecret(wrong, TOKEN, encrypted, MASTER, "another-master");

        WriterflowException absent = assertThrows(WriterflowException.class,
                () -> SettingsServerPassword.of(settings, decrypter(dir.resolve("absent.xml")), "turso-prod"));
        assertTrue(absent.getMessage().contains("'turso-prod'"), absent.getMessage());
        assertTrue(absent.getMessage().contains("settings-security.xml"), absent.getMessage());
        assertTrue(absent.getMessage().contains("FileNotFoundException: " + dir.resolve("absent.xml")),
                absent.getMessage());
        assertNoSecret(absent, TOKEN, encrypted);
    }

    @Test
    void missingServerSaysWhereToAddIt() {
        WriterflowException e = assertThrows(WriterflowException.class, () -> SettingsServerPassword.of(
                withServer("other", TOKEN), decrypter(dir.resolve("absent.xml")), "turso-prod"));
        assertTrue(e.getMessage().startsWith("No <server> with id 'turso-prod' in your Maven settings"
                + " (~/.m2/settings.xml"), e.getMessage());
        assertTrue(e.getMessage().contains("Next step: Add <server><id>turso-prod</id>"), e.getMessage());
        assertTrue(e.getMessage().contains("mvn --encrypt-password"), e.getMessage());
        assertNoSecret(e, TOKEN);

        assertThrows(WriterflowException.class,
                () -> SettingsServerPassword.of(null, decrypter(dir.resolve("absent.xml")), "turso-prod"));
    }

    @Test
    void serverWithoutPassword() {
        for (String password : new String[] {null, "", "  "}) {
            WriterflowException e = assertThrows(WriterflowException.class, () -> SettingsServerPassword.of(
                    withServer("turso-prod", password), decrypter(dir.resolve("absent.xml")), "turso-prod"));
            assertTrue(e.getMessage().startsWith("The <server> 'turso-prod' in your Maven settings has no <password>"),
                    e.getMessage());
            assertTrue(e.getMessage().contains("Next step"), e.getMessage());
        }
    }
}
