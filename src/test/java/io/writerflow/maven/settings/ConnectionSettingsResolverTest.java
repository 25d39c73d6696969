package io.writerflow.maven.settings;

import io.writerflow.maven.WriterflowException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConnectionSettingsResolverTest {

    @TempDir
    Path base;

    private ConnectionSettings resolve(Map<String, String> env, String url, String token) {
        return new ConnectionSettingsResolver(base, env).resolve(url, token);
    }

    private Path fileOf(ConnectionSettings settings) {
        return assertInstanceOf(DatabaseUrl.File.class, settings.url()).path();
    }

    @Test
    void defaultsToLocalDbInTheBaseDirectory() {
        ConnectionSettings settings = resolve(Map.of(), null, null);
        assertEquals(base.resolve("local.db"), fileOf(settings));
        assertTrue(settings.urlSource().contains("default"));
        assertTrue(settings.authToken().isEmpty());
    }

    @Test
    void precedenceIsConfigurationThenEnvironmentThenEnvLocalThenEnv() throws Exception {
        Files.writeString(base.resolve(".env"), "TURSO_DATABASE_URL=file:env.db\nTURSO_AUTH_TOKEN=from-env\n");
        assertEquals(base.resolve("env.db"), fileOf(resolve(Map.of(), null, null)));

        Files.writeString(base.resolve(".env.local"), "TURSO_DATABASE_URL=file:env-local.db\n");
        ConnectionSettings fromLocal = resolve(Map.of(), null, null);
        assertEquals(base.resolve("env-local.db"), fileOf(fromLocal));
        assertEquals("TURSO_DATABASE_URL in .env.local", fromLocal.urlSource());
        // each key falls through on its own: the token still comes from .env
        assertEquals("from-env", fromLocal.authToken().orElseThrow().value());
        assertEquals("TURSO_AUTH_TOKEN in .env", fromLocal.authTokenSource());

        Map<String, String> env = Map.of("TURSO_DATABASE_URL", "file:environment.db", "TURSO_AUTH_TOKEN", "tok-env");
        ConnectionSettings fromEnvironment = resolve(env, null, null);
        assertEquals(base.resolve("environment.db"), fileOf(fromEnvironment));
        assertEquals("environment variable TURSO_DATABASE_URL", fromEnvironment.urlSource());
        assertEquals("tok-env", fromEnvironment.authToken().orElseThrow().value());

        ConnectionSettings configured = resolve(env, "file:configured.db", "tok-config");
        assertEquals(base.resolve("configured.db"), fileOf(configured));
        assertEquals("tok-config", configured.authToken().orElseThrow().value());
        assertTrue(configured.urlSource().contains("writerflow.url"));
    }

    @Test
    void blankValuesFallThrough() throws Exception {
        Files.writeString(base.resolve(".env.local"), "TURSO_DATABASE_URL=\n");
        Files.writeString(base.resolve(".env"), "TURSO_DATABASE_URL=file:env.db\n");
        assertEquals(base.resolve("env.db"), fileOf(resolve(Map.of("TURSO_DATABASE_URL", " "), "", null)));
    }

    @Test
    void dotEnvProblemsBecomeWarnings() throws Exception {
        Files.writeString(base.resolve(".env"), "garbage line\n");
        ConnectionSettings settings = resolve(Map.of(), null, null);
        assertEquals(1, settings.warnings().size());
        assertTrue(settings.warnings().get(0).contains(".env:1"));
    }

    @Test
    void fileUrls() {
        assertEquals(base.resolve("data/dev.db"), fileOf(resolve(Map.of(), "file:data/dev.db", null)));
        assertEquals(base.resolve("dev.db"), fileOf(resolve(Map.of(), "file:./dev.db", null)));
        assertEquals(Path.of("/tmp/abs.db"), fileOf(resolve(Map.of(), "file:/tmp/abs.db", null)));
        assertEquals(Path.of("/tmp/abs.db"), fileOf(resolve(Map.of(), "file:///tmp/abs.db", null)));
        assertEquals(base.resolve("q.db"), fileOf(resolve(Map.of(), "file:q.db?tls=0", null)));
    }

    @Test
    void memory() {
        assertInstanceOf(DatabaseUrl.Memory.class, resolve(Map.of(), ":memory:", null).url());
    }

    @Test
    void remoteUrlsAreRecognisedAndDisplayedWithoutTheirQuery() {
        DatabaseUrl url = resolve(Map.of(), "libsql://db-org.turso.io?authToken=secret", null).url();
        DatabaseUrl.Remote remote = assertInstanceOf(DatabaseUrl.Remote.class, url);
        assertEquals("libsql://db-org.turso.io", remote.display());
        assertInstanceOf(DatabaseUrl.Remote.class, resolve(Map.of(), "https://db.example:8080", null).url());
        assertInstanceOf(DatabaseUrl.Remote.class, resolve(Map.of(), "http://127.0.0.1:8080", null).url());
    }

    @Test
    void unknownSchemeNamesTheSettingAndTheFix() {
        WriterflowException e = assertThrows(WriterflowException.class,
                () -> resolve(Map.of("TURSO_DATABASE_URL", "postgres://x"), null, null));
        assertTrue(e.getMessage().contains("environment variable TURSO_DATABASE_URL"), e.getMessage());
        assertTrue(e.getMessage().contains("'postgres:'"), e.getMessage());
        assertTrue(e.getMessage().contains("file:local.db"), e.getMessage());
    }

    @Test
    void pathWithoutSchemeSuggestsFilePrefix() {
        WriterflowException e = assertThrows(WriterflowException.class, () -> resolve(Map.of(), "local.db", null));
        assertTrue(e.getMessage().contains("did you mean file:local.db"), e.getMessage());
    }

    @Test
    void tokenNeverAppearsInToString() {
        ConnectionSettings settings = resolve(Map.of(), null, "super-secret-token");
        assertFalse(settings.toString().contains("super-secret-token"), settings.toString());
    }

    @Test
    void settingsServerComesAfterTheConfiguredTokenAndBeforeTheEnvironment() throws Exception {
        Files.writeString(base.resolve(".env"), "TURSO_AUTH_TOKEN=from-env\n");
        Files.writeString(base.resolve(".env.local"), "TURSO_AUTH_TOKEN=from-env-local\n");
        Map<String, String> env = Map.of("TURSO_AUTH_TOKEN", "tok-env");
        AtomicInteger lookups = new AtomicInteger();
        SettingsServer server = new SettingsServer("turso-prod", () -> {
            lookups.incrementAndGet();
            return "tok-from-settings";
        });
        ConnectionSettingsResolver resolver = new ConnectionSettingsResolver(base, env);

        ConnectionSettings fromServer = resolver.resolve(null, null, server);
        assertEquals("tok-from-settings", fromServer.authToken().orElseThrow().value());
        assertEquals("settings.xml server 'turso-prod'", fromServer.authTokenSource());
        assertEquals(1, lookups.get());

        ConnectionSettings configured = resolver.resolve(null, "tok-config", server);
        assertEquals("tok-config", configured.authToken().orElseThrow().value());
        assertEquals("<authToken> / -Dwriterflow.authToken", configured.authTokenSource());
        assertEquals(1, lookups.get(), "the server is not looked up when a configured token wins");

        ConnectionSettings withoutServer = resolver.resolve(null, null, null);
        assertEquals("tok-env", withoutServer.authToken().orElseThrow().value());
        assertEquals("environment variable TURSO_AUTH_TOKEN", withoutServer.authTokenSource());
    }

    @Test
    void settingsServerWithoutATokenFallsThroughAndIsListedInNowhere() throws Exception {
        SettingsServer empty = new SettingsServer("turso-prod", () -> " ");
        ConnectionSettings nothing = resolve(Map.of(), null, null, empty);
        assertTrue(nothing.authToken().isEmpty());
        assertEquals("nowhere (looked in <authToken>, -Dwriterflow.authToken, settings.xml server 'turso-prod',"
                + " the URL's ?authToken=, TURSO_AUTH_TOKEN, .env.local and .env)", nothing.authTokenSource());
        assertEquals("nowhere (looked in <authToken>, -Dwriterflow.authToken, the URL's ?authToken=, TURSO_AUTH_TOKEN,"
                + " .env.local and .env)", resolve(Map.of(), null, null).authTokenSource());

        Files.writeString(base.resolve(".env.local"), "TURSO_AUTH_TOKEN=from-env-local\n");
        ConnectionSettings dotEnv = resolve(Map.of(), null, null, empty);
        assertEquals("from-env-local", dotEnv.authToken().orElseThrow().value());
        assertEquals("TURSO_AUTH_TOKEN in .env.local", dotEnv.authTokenSource());
    }

    @Test
    void settingsServerErrorsReachTheCallerOnlyWhenTheServerIsNeeded() {
        SettingsServer missing = new SettingsServer("nope", () -> {
            throw new WriterflowException("No <server> with id 'nope'", "Add it.");
        });
        WriterflowException e = assertThrows(WriterflowException.class, () -> resolve(Map.of(), null, null, missing));
        assertTrue(e.getMessage().contains("'nope'"), e.getMessage());
        assertEquals("tok-config", resolve(Map.of(), null, "tok-config", missing).authToken().orElseThrow().value());
    }

    @Test
    void settingsServerTokenNeverAppearsInToString() {
        SettingsServer server = new SettingsServer("turso-prod", () -> "tok-settings-secret");
        ConnectionSettings settings = resolve(Map.of(), null, null, server);
        assertFalse(settings.toString().contains("tok-settings-secret"), settings.toString());
        assertFalse(server.toString().contains("tok-settings-secret"), server.toString());
    }

    @Test
    void theUrlsTokenComesAfterTheSettingsServerAndBeforeDbCredentialsAndTheEnvironment() throws Exception {
        Files.writeString(base.resolve(".env"), "TURSO_AUTH_TOKEN=from-env\n");
        Files.writeString(base.resolve(".env.local"), "TURSO_DATABASE_URL=libsql://127.0.0.1:8080?tls=0&authToken=from-url\n"
                + "TURSO_AUTH_TOKEN=from-env-local\n");
        Map<String, String> env = Map.of("TURSO_AUTH_TOKEN", "tok-env");
        DrizzleConfig drizzle = new DrizzleConfig(base.resolve("drizzle.config.ts"), "drizzle.config.ts", java.util.List.of(),
                java.util.Optional.empty(), true, java.util.Optional.empty(), java.util.Optional.empty(),
                java.util.Optional.of(new AuthToken("from-drizzle")), java.util.Optional.empty(), java.util.Optional.empty(),
                java.util.Optional.empty(), java.util.Optional.empty(), java.util.List.of(), java.util.List.of());
        ConnectionSettingsResolver resolver = new ConnectionSettingsResolver(base, env);
        SettingsServer server = new SettingsServer("turso-prod", () -> "from-settings");

        ConnectionSettings fromUrl = resolver.resolve(null, null, null, java.util.Optional.of(drizzle));
        assertEquals("from-url", fromUrl.authToken().orElseThrow().value());
        assertEquals("the URL", fromUrl.authTokenSource());
        assertEquals("libsql://127.0.0.1:8080?tls=0", fromUrl.url().display());
        assertEquals("TURSO_DATABASE_URL in .env.local", fromUrl.urlSource());
        assertFalse(fromUrl.toString().contains("from-url"), fromUrl.toString());

        assertEquals("settings.xml server 'turso-prod'",
                resolver.resolve(null, null, server, java.util.Optional.of(drizzle)).authTokenSource());
        assertEquals("<authToken> / -Dwriterflow.authToken",
                resolver.resolve(null, "from-config", server, java.util.Optional.of(drizzle)).authTokenSource());

        // without a token in the URL: drizzle.config, then the environment, then .env.local, then .env
        String plain = "http://127.0.0.1:8080";
        assertEquals("dbCredentials.authToken in drizzle.config.ts",
                resolver.resolve(plain, null, null, java.util.Optional.of(drizzle)).authTokenSource());
        assertEquals("environment variable TURSO_AUTH_TOKEN", resolver.resolve(plain, null).authTokenSource());
        assertEquals("TURSO_AUTH_TOKEN in .env.local",
                new ConnectionSettingsResolver(base, Map.of()).resolve(plain, null).authTokenSource());
        Files.delete(base.resolve(".env.local"));
        assertEquals("TURSO_AUTH_TOKEN in .env",
                new ConnectionSettingsResolver(base, Map.of()).resolve(plain, null).authTokenSource());
    }

    @Test
    void aTokenInAFileUrlIsATokenTooAsTheClientAcceptsIt() {
        ConnectionSettings settings = resolve(Map.of("TURSO_AUTH_TOKEN", "tok-env"), "file:local.db?authToken=tok-file",
                null);
        assertEquals(base.resolve("local.db"), fileOf(settings));
        assertEquals("tok-file", settings.authToken().orElseThrow().value());
        assertEquals("the URL", settings.authTokenSource());
    }

    private ConnectionSettings resolve(Map<String, String> env, String url, String token, SettingsServer server) {
        return new ConnectionSettingsResolver(base, env).resolve(url, token, server);
    }
}
