package io.writerflow.maven.settings;

import io.writerflow.maven.WriterflowException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** URLs as @libsql/client 0.15 reads them (@libsql/core's expandConfig and parseUri), and the plugin's own options. */
class DatabaseUrlParserTest {

    private static final String SETTING = "TURSO_DATABASE_URL in .env.local";

    @TempDir
    Path base;

    private ParsedUrl parse(String url) {
        return DatabaseUrlParser.parse(url, base, SETTING);
    }

    private DatabaseUrl.Remote remote(String url) {
        return assertInstanceOf(DatabaseUrl.Remote.class, parse(url).url());
    }

    private String refused(String url) {
        return assertThrows(WriterflowException.class, () -> parse(url)).getMessage();
    }

    private static void assertContains(String text, String... parts) {
        for (String part : parts) {
            assertTrue(text.contains(part), "'" + part + "' missing in: " + text);
        }
    }

    @Test
    void libsqlIsHttpsUnlessTlsIsZero() {
        DatabaseUrl.Remote plain = remote("libsql://127.0.0.1:8080?tls=0");
        assertEquals(URI.create("http://127.0.0.1:8080"), plain.endpoint());
        assertEquals("libsql://127.0.0.1:8080?tls=0", plain.display());

        assertEquals(URI.create("https://db-org.turso.io"), remote("libsql://db-org.turso.io").endpoint());
        assertEquals(URI.create("https://db-org.turso.io"), remote("libsql://db-org.turso.io?tls=1").endpoint());
        assertEquals(URI.create("https://127.0.0.1:8443/v"), remote("LIBSQL://127.0.0.1:8443/v?tls=1").endpoint());
    }

    @Test
    void libsqlWithTlsZeroNeedsAPortAsInTheClient() {
        assertContains(refused("libsql://localhost?tls=0"), SETTING, "without a port",
                "libsql://localhost:PORT?tls=0");
    }

    @Test
    void httpAndWebSocketSchemesKeepTheirTransportAndTlsMayOnlyAgree() {
        assertEquals(URI.create("http://127.0.0.1:8080"), remote("http://127.0.0.1:8080?tls=0").endpoint());
        assertEquals(URI.create("https://h:8443"), remote("https://h:8443?tls=1").endpoint());
        assertEquals(URI.create("http://127.0.0.1:8080"), remote("ws://127.0.0.1:8080").endpoint());
        assertEquals(URI.create("https://h"), remote("wss://h").endpoint());
        assertContains(refused("http://127.0.0.1:8080?tls=1"), SETTING, "cannot opt into TLS", "https://127.0.0.1:8080");
        assertContains(refused("https://h?tls=0"), SETTING, "cannot opt out of TLS", "http://h");
        assertContains(refused("wss://h?tls=0"), "cannot opt out of TLS");
        assertContains(refused("ws://h:1?tls=1"), "cannot opt into TLS");
    }

    @Test
    void tlsIsZeroOrOne() {
        assertContains(refused("libsql://h:1?tls=false"), SETTING, "?tls=false", "0 or 1");
        assertContains(refused("file:local.db?tls=yes"), SETTING, "?tls=yes");
    }

    @Test
    void theAuthTokenIsTakenAndLeftOutOfEverythingShown() {
        ParsedUrl parsed = parse("libsql://db-org.turso.io?authToken=tok-IN-URL-1&tls=1");
        assertEquals(Optional.of("tok-IN-URL-1"), parsed.authToken().map(AuthToken::value));
        DatabaseUrl.Remote url = assertInstanceOf(DatabaseUrl.Remote.class, parsed.url());
        assertEquals("libsql://db-org.turso.io?tls=1", url.display());
        assertEquals(URI.create("https://db-org.turso.io"), url.endpoint());
        assertFalse(parsed.toString().contains("tok-IN-URL-1"), parsed.toString());

        // percent-decoded as the client decodes it; the last of a repeated key counts
        assertEquals("a+b c", parse("http://h:1?authToken=x&authToken=a%2Bb+c").authToken().orElseThrow().value());
        assertTrue(parse("http://h:1?authToken=").authToken().isEmpty(), "an empty token is no token");
    }

    @Test
    void timeoutsAreTypedAndNeitherSentNorDisplayed() {
        DatabaseUrl.Remote url = remote("libsql://h:1?tls=0&requestTimeoutMillis=500&authToken=t&connectTimeoutMillis=9");
        assertEquals(URI.create("http://h:1"), url.endpoint());
        assertEquals(java.time.Duration.ofMillis(9), url.connectTimeout());
        assertEquals(java.time.Duration.ofMillis(500), url.requestTimeout());
        assertEquals("libsql://h:1?tls=0", url.display());
        DatabaseUrl.Remote defaults = remote("libsql://h");
        assertEquals(java.time.Duration.ofSeconds(10), defaults.connectTimeout());
        assertEquals(java.time.Duration.ofSeconds(60), defaults.requestTimeout());
        assertContains(refused("libsql://h?requestTimeoutMillis=soon"), SETTING, "is not usable: requestTimeoutMillis"
                + " must be a positive number of milliseconds, not 'soon'.");
        assertContains(refused("https://h?connectTimeoutMillis=0"), "connectTimeoutMillis must be a positive number");
    }

    @Test
    void userInfoIsNeitherShownNorSent() {
        DatabaseUrl.Remote url = remote("https://user:pw-SECRET@h:8443/db");
        assertEquals(URI.create("https://h:8443/db"), url.endpoint());
        assertEquals("https://h:8443/db", url.display());
        assertFalse(refused("http://user:pw-SECRET@h:1?tls=1").contains("pw-SECRET"));
    }

    @Test
    void unknownOptionsAreRefusedNamingTheOptionAndTheSetting() {
        assertContains(refused("libsql://h?mode=ro"), SETTING, "'mode'", "libsql: URL", "@libsql/client refuses it",
                "tls, authToken, connectTimeoutMillis, requestTimeoutMillis");
        assertContains(refused("file:local.db?mode=rwc"), SETTING, "'mode'", "file: URL", "tls, authToken");
        String pasted = "eyJhbGciOiJFZERTQSIsInR5cCI6IkpXVCJ9.SECRETPART";
        assertFalse(refused("libsql://h?" + pasted).contains("SECRETPART"), "a long option is abbreviated");
        assertContains(refused("libsql://h#frag"), SETTING, "fragment");
    }

    @Test
    void fileUrlsTakeTheirOptionsOutOfTheFileName() {
        ParsedUrl parsed = parse("file:data/local.db?tls=0&authToken=tok-FILE");
        DatabaseUrl.File file = assertInstanceOf(DatabaseUrl.File.class, parsed.url());
        assertEquals(base.resolve("data/local.db"), file.path());
        assertEquals("file:data/local.db", file.display());
        assertEquals("tok-FILE", parsed.authToken().orElseThrow().value());

        assertEquals(base.resolve("my db+1.db"),
                assertInstanceOf(DatabaseUrl.File.class, parse("file:my%20db+1.db").url()).path());
        assertEquals(Path.of("/tmp/abs.db"), assertInstanceOf(DatabaseUrl.File.class,
                parse("file://localhost/tmp/abs.db").url()).path());
        assertEquals(Path.of("/tmp/abs.db"), assertInstanceOf(DatabaseUrl.File.class,
                parse("file:///tmp/abs.db").url()).path());
        assertContains(refused("file://server/x.db"), "names a host");
        assertContains(refused("file:?tls=0"), "no file path");
    }

    @Test
    void memoryTakesOnlyTheCacheOption() {
        assertInstanceOf(DatabaseUrl.Memory.class, parse(":memory:").url());
        assertInstanceOf(DatabaseUrl.Memory.class, parse("file::memory:?cache=shared").url());
        assertContains(refused("file::memory:?cache=none"), "?cache=none", "shared or private");
        assertContains(refused("file::memory:?tls=0"), "'tls'", "file::memory: URL");
    }

    @Test
    void aBarePathSuggestsFileButNeverRepeatsAQuery() {
        assertContains(refused("local.db"), "did you mean file:local.db?");
        assertFalse(refused("local.db?authToken=tok-BARE").contains("tok-BARE"));
    }
}
