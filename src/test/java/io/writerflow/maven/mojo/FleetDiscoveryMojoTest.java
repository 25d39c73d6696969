package io.writerflow.maven.mojo;

import io.writerflow.maven.fleet.Targets;
import io.writerflow.maven.fleet.platform.PlatformApiDouble;
import io.writerflow.maven.mojo.MojoHarnessTest.RecordingLog;
import io.writerflow.maven.testing.DrizzleDirectory;
import io.writerflow.maven.testing.TursoServer;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.Mockito;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A fleet discovered through the Platform API double, whose three databases are real Turso servers reached as
 * {@code http://{hostname}}: apply runs on the two the patterns take; each refusal runs nothing.
 */
@MojoTest
class FleetDiscoveryMojoTest {

    private static final String POM = "classpath:/unit/pom.xml";
    private static final String PLATFORM_TOKEN = "platform-secret-789";

    @TempDir
    Path project;

    private final List<TursoServer> servers = new ArrayList<>();
    private PlatformApiDouble api;

    @AfterEach
    void tearDown() throws Exception {
        for (TursoServer server : servers) {
            server.close();
        }
        if (api != null) {
            api.close();
        }
    }

    /** The double serves organization 'acme', group 'tenants', with databases at {@code hostnames}. */
    private void platform(String... hostnames) throws Exception {
        List<PlatformApiDouble.Database> databases = new ArrayList<>();
        String[] names = {"tenant-c", "tenant-a", "tenant-test-b"};
        for (int i = 0; i < hostnames.length; i++) {
            databases.add(new PlatformApiDouble.Database(names[i], hostnames[i], "tenants"));
        }
        api = PlatformApiDouble.start("acme", PLATFORM_TOKEN, databases, Set.of("tenants"));
    }

    private <T extends AbstractDatabaseMojo> T discovering(T mojo, RecordingLog log, String platformToken) {
        mojo.baseDir = project.toFile();
        mojo.out = project.resolve("drizzle").toFile();
        mojo.setLog(log);
        mojo.organization = "acme";
        mojo.platformUrl = api.url();
        mojo.databaseUrlTemplate = "http://{hostname}";
        mojo.platformServerId = "turso-platform";
        Settings settings = new Settings();
        Server server = new Server();
        server.setId("turso-platform");
        server.setPassword(platformToken);
        settings.addServer(server);
        Mockito.when(mojo.session.getSettings()).thenReturn(settings); // the harness's session is a Mockito mock
        return mojo;
    }

    private static long applied(TursoServer server) throws Exception {
        try (Connection c = server.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM sqlite_master WHERE name = '__writerflow_history'")) {
            rs.next();
            if (rs.getLong(1) == 0) {
                return 0;
            }
        }
        try (Connection c = server.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM __writerflow_history WHERE success = 1")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    @InjectMojo(goal = "apply", pom = POM)
    void appliesToTheDiscoveredDatabasesThePatternsTake(ApplyMojo apply) throws Exception {
        DrizzleDirectory.inProject(project, "0000_users", "CREATE TABLE users (id INTEGER PRIMARY KEY);",
                "0001_posts", "CREATE TABLE posts (id INTEGER PRIMARY KEY);");
        for (int i = 0; i < 3; i++) {
            servers.add(TursoServer.start());
        }
        platform("127.0.0.1:" + servers.get(0).port(), "127.0.0.1:" + servers.get(1).port(),
                "127.0.0.1:" + servers.get(2).port());
        RecordingLog log = new RecordingLog();
        discovering(apply, log, PLATFORM_TOKEN).databases = "tenant-*,!tenant-test-*";
        apply.output = project.resolve("target/fleet.json").toFile();
        apply.execute();

        assertEquals(2, applied(servers.get(0)), "tenant-c");
        assertEquals(2, applied(servers.get(1)), "tenant-a");
        assertEquals(0, applied(servers.get(2)), "tenant-test-b is excluded and untouched");
        assertTrue(log.info.stream().anyMatch(l -> l.startsWith("Fleet apply: 2 databases in organization 'acme',"
                + " writerflow.databases tenant-*,!tenant-test-*;")), log.all());
        String report = Files.readString(project.resolve("target/fleet.json"));
        assertTrue(report.indexOf("\"tenant-a\"") < report.indexOf("\"tenant-c\""), "sorted by name: " + report);
        // one group token, minted for the run, used and never shown
        assertEquals(1, api.minted().size(), api.requests().toString());
        String jwt = api.minted().get(0);
        for (String text : List.of(log.all(), String.join("\n", log.error), report)) {
            assertFalse(text.contains(PLATFORM_TOKEN), text);
            assertFalse(text.contains(jwt), text);
        }
        assertTrue(log.info.stream().anyMatch(l -> l.contains("else a group token minted for the run")), log.all());
    }

    @Test
    @InjectMojo(goal = "status", pom = POM)
    void discoveredDatabasesAreShardedByName(StatusMojo status) throws Exception {
        DrizzleDirectory.inProject(project, "0000_users", "CREATE TABLE users (id INTEGER PRIMARY KEY);");
        api = PlatformApiDouble.start("acme", PLATFORM_TOKEN, List.of(
                new PlatformApiDouble.Database("gamma", "gamma.example", "tenants"),
                new PlatformApiDouble.Database("alpha", "alpha.example", "tenants"),
                new PlatformApiDouble.Database("beta", "beta.example", "tenants")), Set.of("tenants"));
        RecordingLog log = new RecordingLog();
        discovering(status, log, PLATFORM_TOKEN).databaseUrlTemplate = "file:{name}.db";
        status.shard = "1/2";
        status.output = project.resolve("target/status.json").toFile();
        status.execute();
        // CRC32 of the names, as with a list: alpha in 1/2, beta and gamma in 2/2
        assertTrue(log.info.stream().anyMatch(l -> l.startsWith("Fleet status: 3 databases in organization 'acme', 1"
                + " of them in shard 1/2;")), log.all());
        String report = Files.readString(project.resolve("target/status.json"));
        assertTrue(report.contains("\"alpha\""), report);
        assertFalse(report.contains("\"beta\""), "the other shard's: " + report);
        assertTrue(api.minted().isEmpty(), "files need no token");
    }

    private String refusal(AbstractDatabaseMojo mojo) throws Exception {
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertFalse(e.getMessage().contains(PLATFORM_TOKEN), e.getMessage());
        assertTrue(api.minted().isEmpty(), "nothing minted");
        return e.getMessage();
    }

    @Test
    @InjectMojo(goal = "apply", pom = POM)
    void eachRefusalSaysWhatToFixAndRunsNothing(ApplyMojo apply) throws Exception {
        DrizzleDirectory.inProject(project, "0000_users", "CREATE TABLE users (id INTEGER PRIMARY KEY);");
        platform("127.0.0.1:1", "127.0.0.1:2", "127.0.0.1:3");

        discovering(apply, new RecordingLog(), "wrong-platform-token");
        String refused = refusal(apply);
        assertTrue(refused.startsWith("The Turso Platform API refused the platform API token from settings.xml server"
                + " 'turso-platform' (HTTP 401"), refused);
        assertFalse(refused.contains("wrong-platform-token"), refused);

        discovering(apply, new RecordingLog(), PLATFORM_TOKEN).databases = "prod-*";
        String none = refusal(apply);
        assertTrue(none.startsWith("writerflow.databases 'prod-*' takes none of the 3 databases of organization"
                + " 'acme'"), none);

        apply.databases = null;
        apply.organization = "globex";
        assertTrue(refusal(apply).startsWith("The Turso Platform API knows no organization 'globex' (HTTP 404"));

        apply.organization = "acme";
        apply.group = "nope";
        assertTrue(refusal(apply).startsWith("The Turso Platform API knows no group 'nope' in organization 'acme'"));

        apply.group = null;
        apply.databases = "tenant-*,";
        assertTrue(refusal(apply).startsWith("writerflow.databases is 'tenant-*,', which has an empty pattern"));

        apply.databases = null;
        apply.targets = Targets.file("fleet.txt");
        assertTrue(refusal(apply).startsWith("Both writerflow.targets and writerflow.organization are set"));

        apply.targets = null;
        apply.platformServerId = "turso-missing";
        String missing = refusal(apply);
        assertTrue(missing.contains("writerflow.platformServerId names the server whose <password> is the Turso"
                + " platform API token"), missing);
        assertEquals(4, api.requests().size(), "the API asked only by the refusals that need its answer: " + api.requests());
        assertFalse(Files.exists(project.resolve("target/writerflow")), "no report");
    }
}
