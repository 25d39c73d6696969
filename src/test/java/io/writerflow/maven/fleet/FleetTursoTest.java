package io.writerflow.maven.fleet;

import io.writerflow.maven.engine.ApplyOptions;
import io.writerflow.maven.engine.MigrationEngine;
import io.writerflow.maven.migrations.MigrationDirectory;
import io.writerflow.maven.testing.DrizzleDirectory;
import io.writerflow.maven.testing.TestSettings;
import io.writerflow.maven.testing.TursoFleet;
import io.writerflow.maven.testing.TursoServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A fleet of three real Turso servers, one of them down: it fails, the others succeed, a rerun completes it. */
class FleetTursoTest {

    @TempDir
    Path project;

    private final List<TursoServer> servers = new ArrayList<>();

    @AfterEach
    void tearDown() throws Exception {
        for (TursoServer server : servers) {
            server.close();
        }
    }

    private static long applied(TursoServer server) throws Exception {
        try (Connection c = server.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM __writerflow_history WHERE success = 1")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void oneServerDownFailsAloneAndARerunCompletesIt() throws Exception {
        DrizzleDirectory.inProject(project,
                "0000_users", "CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT);",
                "0001_posts", "CREATE TABLE posts (id INTEGER PRIMARY KEY, user_id INTEGER);");
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            servers.add(TursoServer.start());
            lines.add("tenant-" + (i + 1) + " " + servers.get(i).baseUrl());
        }
        List<FleetTarget> targets = TargetList.parse(lines, "fleet.txt", project);
        Path drizzle = project.resolve("drizzle");
        MigrationDirectory directory = new MigrationEngine(TestSettings.of(drizzle,
                TestSettings.file(project.resolve("unused.db")))).loadDirectory();
        EngineOperations operations = new EngineOperations(t -> TestSettings.of(drizzle, t.url()), directory);

        servers.get(1).kill();
        FleetResult first = new FleetRunner(3, 0, 3).run(targets, operations.apply(ApplyOptions.NONE),
                FleetRunner.Listener.NONE);
        assertEquals(2, first.count(DatabaseResult.Status.OK), first.toString());
        DatabaseResult down = first.failed().get(0);
        assertEquals("tenant-2", down.name());
        assertTrue(down.error().orElseThrow().contains(servers.get(1).baseUrl()), down.error().orElseThrow());
        assertEquals(2, applied(servers.get(0)));
        assertEquals(2, applied(servers.get(2)));

        servers.get(1).restart();
        FleetResult rerun = new FleetRunner(3, 0, 0).run(targets, operations.apply(ApplyOptions.NONE),
                FleetRunner.Listener.NONE);
        assertTrue(rerun.allOk(), rerun.toString());
        assertEquals(Map.of("0001_posts", 3L), rerun.after());
        assertEquals(List.of("0000_users", "0001_posts"), rerun.databases().get(1).migrations());
        assertEquals(Optional.of("0001_posts"), rerun.databases().get(0).before());
        assertTrue(rerun.databases().get(0).migrations().isEmpty(), "nothing twice");
        for (TursoServer server : servers) {
            assertEquals(2, applied(server));
        }
    }

    @Test
    void twentyDatabasesAppliedInParallelEachInAtMostTwoRequests() throws Exception {
        DrizzleDirectory.inProject(project,
                "0000_users", "CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT);",
                "0001_posts", "CREATE TABLE posts (id INTEGER PRIMARY KEY, user_id INTEGER);",
                "0002_index", "CREATE INDEX posts_user ON posts (user_id);");
        Path drizzle = project.resolve("drizzle");
        try (TursoFleet fleet = TursoFleet.start(20, Duration.ZERO)) {
            List<FleetTarget> targets = TargetList.parse(fleet.targetLines("tenant-"), "fleet.txt", project);
            EngineOperations operations = new EngineOperations(t -> TestSettings.of(drizzle, t.url()),
                    new MigrationEngine(TestSettings.of(drizzle, targets.get(0).url())).loadDirectory());
            Set<String> selectorsBefore = httpSelectorThreads();
            FleetResult result = new FleetRunner(8, 0, 0).run(targets, operations.apply(ApplyOptions.NONE),
                    FleetRunner.Listener.NONE);

            assertTrue(result.allOk(), result.toString());
            assertEquals(Map.of("0002_index", 20L), result.after());
            // one HTTP client for the fleet, not one (and its selector thread) per database
            Set<String> started = httpSelectorThreads();
            started.removeAll(selectorsBefore);
            assertTrue(started.size() <= 1, "HTTP clients started by the fleet: " + started);
            for (int i = 0; i < fleet.size(); i++) {
                assertEquals(List.of("0000_users", "0001_posts", "0002_index"),
                        result.databases().get(i).migrations());
                assertTrue(fleet.proxy(i).requestCount() <= 2, "tenant " + (i + 1) + " took "
                        + fleet.proxy(i).requestCount() + " requests: " + fleet.proxy(i).seen());
                try (Connection c = fleet.server(i).connect(); Statement s = c.createStatement();
                     ResultSet rs = s.executeQuery("SELECT count(*) FROM __writerflow_history WHERE success = 1"
                             + " AND version IS NOT NULL")) {
                    rs.next();
                    assertEquals(3, rs.getLong(1));
                }
            }
        }
    }

    /** The live threads of JDK HTTP clients, one per client ({@code HttpClient-<n>-SelectorManager}). */
    private static Set<String> httpSelectorThreads() {
        return Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                .filter(name -> name.startsWith("HttpClient-") && name.endsWith("-SelectorManager"))
                .collect(Collectors.toCollection(HashSet::new));
    }

    @Test
    void aFailingCanaryLeavesEveryOtherDatabaseUntouched() throws Exception {
        DrizzleDirectory.inProject(project,
                "0000_users", "CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT);");
        Path drizzle = project.resolve("drizzle");
        try (TursoFleet fleet = TursoFleet.start(5, Duration.ZERO)) {
            try (Connection c = fleet.server(1).connect(); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE users (id INTEGER PRIMARY KEY)"); // out of band: the migration fails here
            }
            List<FleetTarget> targets = TargetList.parse(fleet.targetLines("tenant-"), "fleet.txt", project);
            EngineOperations operations = new EngineOperations(t -> TestSettings.of(drizzle, t.url()),
                    new MigrationEngine(TestSettings.of(drizzle, targets.get(0).url())).loadDirectory());
            FleetResult result = new FleetRunner(8, 2, 10).run(targets, operations.apply(ApplyOptions.NONE),
                    FleetRunner.Listener.NONE);

            assertTrue(result.canaryFailed(), result.toString());
            assertEquals(DatabaseResult.Status.FAILED, result.databases().get(1).status());
            assertEquals(3, result.count(DatabaseResult.Status.NOT_STARTED));
            for (int i = 2; i < fleet.size(); i++) {
                assertEquals(0, fleet.proxy(i).requestCount(), "tenant " + (i + 1) + " was contacted");
                try (Connection c = fleet.server(i).connect(); Statement s = c.createStatement();
                     ResultSet rs = s.executeQuery("SELECT count(*) FROM sqlite_master")) {
                    rs.next();
                    assertEquals(0, rs.getLong(1), "tenant " + (i + 1) + " has tables");
                }
            }
        }
    }
}
