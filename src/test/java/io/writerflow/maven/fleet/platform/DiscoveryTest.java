package io.writerflow.maven.fleet.platform;

import io.writerflow.maven.WriterflowException;
import io.writerflow.maven.fleet.FleetTarget;
import io.writerflow.maven.fleet.FleetTokens;
import io.writerflow.maven.settings.AuthToken;
import io.writerflow.maven.settings.DatabaseUrl;
import io.writerflow.maven.settings.SettingsServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Discovery against the Platform API double: what it finds, the tokens it mints, and each refusal. */
class DiscoveryTest {

    private static final String PLATFORM_TOKEN = "platform-secret-123";

    @TempDir
    Path project;

    private PlatformApiDouble api;

    @BeforeEach
    void start() throws Exception {
        api = PlatformApiDouble.start("acme", PLATFORM_TOKEN, List.of(
                new PlatformApiDouble.Database("tenant-b", "tenant-b-acme.turso.io", "tenants"),
                new PlatformApiDouble.Database("tenant-a", "tenant-a-acme.turso.io", "tenants"),
                new PlatformApiDouble.Database("tenant-test-1", "tenant-test-1-acme.turso.io", "tenants"),
                new PlatformApiDouble.Database("staging", "staging-acme.turso.io", "internal")),
                Set.of("tenants", "internal", "empty"));
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private DiscoverySettings settings(String org, String group, String databases) {
        return DiscoverySettings.parse(org, group, databases, api.url(), null, null);
    }

    private Discovery discovery(DiscoverySettings settings, String token) {
        return Discovery.connect(settings, new PlatformToken(new AuthToken(token), "environment variable "
                + PlatformToken.VARIABLE), project);
    }

    private WriterflowException refused(String org, String group, String databases, String token) {
        WriterflowException e = assertThrows(WriterflowException.class,
                () -> discovery(settings(org, group, databases), token).discover());
        assertFalse(e.getMessage().contains(token), e.getMessage());
        return e;
    }

    @Test
    void findsTheDatabasesThePatternsTakeSortedByNameAndMintsOneTokenPerGroup() {
        DiscoveredFleet fleet = discovery(settings("acme", null, "tenant-*,!tenant-test-*,staging"), PLATFORM_TOKEN)
                .discover();
        assertEquals(List.of("staging", "tenant-a", "tenant-b"), fleet.targets().stream().map(FleetTarget::name)
                .toList());
        assertEquals(new DatabaseUrl.Remote(URI.create("https://tenant-a-acme.turso.io"), "libsql://tenant-a-acme.turso.io")
                .endpoint(), ((DatabaseUrl.Remote) fleet.targets().get(1).url()).endpoint());
        assertEquals("organization 'acme', writerflow.databases tenant-*,!tenant-test-*,staging", fleet.describe());
        assertEquals(List.of("GET /v1/organizations/acme/databases"), api.requests());

        // staging has its own token; the tenants share one group token, minted once
        FleetTokens own = new FleetTokens(Map.of("WRITERFLOW_TOKEN_STAGING", "own-staging"), Optional.empty(),
                "nowhere");
        FleetTokens tokens = fleet.tokens(own, fleet.targets());
        assertEquals(List.of("POST /v1/organizations/acme/groups/tenants/auth/tokens?expiration=1d"
                + "&authorization=full-access"), api.requests().subList(1, api.requests().size()));
        String jwt = api.minted().get(0);
        assertEquals(Optional.of(new AuthToken("own-staging")), tokens.token(fleet.targets().get(0)));
        assertEquals(Optional.of(new AuthToken(jwt)), tokens.token(fleet.targets().get(1)));
        assertEquals(Optional.of(new AuthToken(jwt)), tokens.token(fleet.targets().get(2)));
        assertEquals("a token for group 'tenants' minted through the Turso Platform API (expires in 1d)",
                tokens.source(fleet.targets().get(2)));
        assertFalse(tokens.source(fleet.targets().get(2)).contains(jwt));
        assertFalse(fleet.toString().contains(PLATFORM_TOKEN));

        // a shared token serves every database: nothing is minted
        FleetTokens shared = new FleetTokens(Map.of(), Optional.of(new AuthToken("shared")), "TURSO_AUTH_TOKEN");
        assertEquals(Optional.of(new AuthToken("shared")), fleet.tokens(shared, fleet.targets())
                .token(fleet.targets().get(1)));
        assertEquals(1, api.minted().size());
    }

    @Test
    void aGroupAskedForIsPassedToTheApiAndTheTemplateBuildsTheUrls() {
        DiscoverySettings settings = DiscoverySettings.parse("acme", "tenants", null, api.url(),
                "https://{name}.db.internal:8443", "12h");
        DiscoveredFleet fleet = discovery(settings, PLATFORM_TOKEN).discover();
        assertEquals(List.of("tenant-a", "tenant-b", "tenant-test-1"), fleet.targets().stream()
                .map(FleetTarget::name).toList());
        assertEquals("https://tenant-a.db.internal:8443", fleet.targets().get(0).display());
        assertEquals(List.of("GET /v1/organizations/acme/databases?group=tenants"), api.requests());
        fleet.tokens(new FleetTokens(Map.of(), Optional.empty(), "nowhere"), fleet.targets().subList(0, 1));
        assertTrue(api.requests().get(1).endsWith("?expiration=12h&authorization=full-access"), api.requests().get(1));
    }

    @Test
    void aRefusedPlatformTokenNamesItsSourceNeverItself() {
        WriterflowException e = refused("acme", null, null, "wrong-platform-token-456");
        assertTrue(e.problem().startsWith("The Turso Platform API refused the platform API token from environment"
                + " variable TURSO_PLATFORM_API_TOKEN (HTTP 401"), e.problem());
        assertTrue(e.nextStep().contains("turso auth api-tokens"), e.nextStep());
    }

    @Test
    void anUnknownOrganizationAndAnUnknownGroupAreToldApart() {
        assertTrue(refused("globex", null, null, PLATFORM_TOKEN).problem()
                .startsWith("The Turso Platform API knows no organization 'globex' (HTTP 404"));
        WriterflowException group = refused("acme", "nope", null, PLATFORM_TOKEN);
        assertTrue(group.problem().startsWith("The Turso Platform API knows no group 'nope' in organization 'acme'"),
                group.problem());
        assertTrue(group.nextStep().startsWith("Fix writerflow.group"), group.nextStep());
    }

    @Test
    void findingNoDatabaseFailsAndSaysWhy() {
        assertTrue(refused("acme", "empty", null, PLATFORM_TOKEN).problem()
                .startsWith("Group 'empty' of organization 'acme' holds no database"));
        WriterflowException none = refused("acme", null, "prod-*,!prod-old", PLATFORM_TOKEN);
        assertEquals("writerflow.databases 'prod-*,!prod-old' takes none of the 4 databases of organization 'acme'"
                + " (such as staging, tenant-a, tenant-b); nothing was run.", none.problem());
    }

    @Test
    void anUnreachableOrSlowPlatformIsSaidSo() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        DiscoverySettings closed = DiscoverySettings.parse("acme", null, null, "http://127.0.0.1:" + port, null, null);
        WriterflowException down = assertThrows(WriterflowException.class, () -> discovery(closed, PLATFORM_TOKEN)
                .discover());
        assertTrue(down.problem().startsWith("Cannot reach the Turso Platform API to list the databases of"
                + " organization 'acme': http://127.0.0.1:" + port + "/v1/organizations/acme/databases ("),
                down.problem());
        assertTrue(down.nextStep().contains("writerflow.platformUrl"), down.nextStep());

        api.delay(2_000);
        PlatformApi impatient = new PlatformApi(URI.create(api.url()), new PlatformToken(new AuthToken(PLATFORM_TOKEN),
                "test"), Duration.ofMillis(300));
        WriterflowException slow = assertThrows(WriterflowException.class,
                () -> new Discovery(settings("acme", null, null), impatient, project).discover());
        assertTrue(slow.problem().endsWith("/v1/organizations/acme/databases (no answer within 300 ms); nothing was"
                + " run."), slow.problem());
    }

    @Test
    void aRefusedMintingRunsNothing() {
        DiscoveredFleet fleet = discovery(settings("acme", "tenants", null), PLATFORM_TOKEN).discover();
        api.failMinting(403);
        WriterflowException e = assertThrows(WriterflowException.class,
                () -> fleet.tokens(new FleetTokens(Map.of(), Optional.empty(), "nowhere"), fleet.targets()));
        assertTrue(e.problem().startsWith("The Turso Platform API refused the platform API token from environment"
                + " variable TURSO_PLATFORM_API_TOKEN (HTTP 403: cannot mint token) when asked to mint a token for"
                + " group 'tenants' of organization 'acme'"), e.problem());
        api.failMinting(500);
        assertTrue(assertThrows(WriterflowException.class, () -> fleet.tokens(new FleetTokens(Map.of(),
                Optional.empty(), "nowhere"), fleet.targets())).problem().startsWith("The Turso Platform API answered"
                + " HTTP 500 (cannot mint token) when asked to mint a token for group 'tenants'"));
    }

    @Test
    void settingsAreCheckedBeforeTheApiIsAsked() {
        assertTrue(assertThrows(WriterflowException.class, () -> DiscoverySettings.parse("acme", null, null,
                api.url(), "libsql://{host}", null)).problem().contains("placeholder {host}"));
        assertTrue(assertThrows(WriterflowException.class, () -> DiscoverySettings.parse("acme", null, null,
                api.url(), null, "never")).problem().startsWith("writerflow.tokenExpiration is 'never'"));
        assertTrue(assertThrows(WriterflowException.class, () -> DiscoverySettings.parse("acme corp", null, null,
                api.url(), null, null)).problem().startsWith("writerflow.organization is 'acme corp'"));
        assertTrue(assertThrows(WriterflowException.class, () -> DiscoverySettings.parse("acme", null, null,
                "ftp://x", null, null)).problem().startsWith("writerflow.platformUrl is 'ftp://x'"));
        DiscoverySettings token = DiscoverySettings.parse("acme", null, null, api.url(),
                "libsql://{hostname}?authToken=abc", null);
        assertTrue(assertThrows(WriterflowException.class, () -> discovery(token, PLATFORM_TOKEN).discover())
                .problem().startsWith("writerflow.databaseUrlTemplate carries a token"));
        assertTrue(api.requests().size() == 1, "only the template's URL was refused, after listing");
    }

    @Test
    void thePlatformTokenComesFromTheNamedServerElseTheEnvironment() {
        PlatformToken server = PlatformToken.resolve(new SettingsServer("turso-platform", () -> "from-settings"),
                Map.of(PlatformToken.VARIABLE, "from-env"));
        assertEquals("settings.xml server 'turso-platform'", server.source());
        assertEquals("from-settings", server.token().value());
        assertFalse(server.toString().contains("from-settings"), server.toString());
        assertEquals("environment variable TURSO_PLATFORM_API_TOKEN",
                PlatformToken.resolve(null, Map.of(PlatformToken.VARIABLE, " from-env ")).source());
        WriterflowException none = assertThrows(WriterflowException.class, () -> PlatformToken.resolve(null, Map.of()));
        assertTrue(none.problem().contains("no platform API token was found (writerflow.platformServerId is not set"
                + " and TURSO_PLATFORM_API_TOKEN is unset)"), none.problem());
        assertTrue(none.nextStep().contains("turso auth api-tokens mint"), none.nextStep());
    }
}
