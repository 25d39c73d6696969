package io.writerflow.maven.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.writerflow.maven.engine.ApplyOptions;
import io.writerflow.maven.engine.MigrationEngine;
import io.writerflow.maven.engine.rollback.RollbackRequest;
import io.writerflow.maven.migrations.MigrationDirectory;
import io.writerflow.maven.settings.DatabaseUrl;
import io.writerflow.maven.status.Gate;
import io.writerflow.maven.status.GateFailure;
import io.writerflow.maven.status.StatusGates;
import io.writerflow.maven.settings.AuthToken;
import io.writerflow.maven.testing.DrizzleDirectory;
import io.writerflow.maven.testing.TestSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A fleet of embedded file databases run through the real engine, in parallel. */
class FleetEngineTest {

    private static final StatusGates NO_GATES = StatusGates.of(false, false, false, false);

    @TempDir
    Path project;

    private List<FleetTarget> fleet(int size) throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= size; i++) {
            lines.add("tenant-" + i + " file:tenants/tenant-" + i + ".db");
        }
        Files.createDirectories(project.resolve("tenants"));
        Path list = Files.write(project.resolve("fleet.txt"), lines);
        return TargetList.read(list, "fleet.txt", project);
    }

    private EngineOperations operations() throws Exception {
        Path drizzle = project.resolve("drizzle");
        MigrationDirectory directory = new MigrationEngine(TestSettings.of(drizzle,
                TestSettings.file(project.resolve("unused.db")))).loadDirectory();
        return new EngineOperations(target -> TestSettings.of(drizzle, target.url()), directory);
    }

    private long rows(Path database, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + database);
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void appliesEveryDatabaseInParallelOneFailingAndARerunCompletesIt() throws Exception {
        DrizzleDirectory.inProject(project,
                "0000_users", "CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT);",
                "0001_posts", "CREATE TABLE posts (id INTEGER PRIMARY KEY, user_id INTEGER);",
                "0002_index", "CREATE INDEX posts_user ON posts (user_id);");
        List<FleetTarget> targets = fleet(12);
        Path broken = project.resolve("tenants/tenant-7.db");
        MigrationEngine single = new MigrationEngine(TestSettings.of(project.resolve("drizzle"),
                TestSettings.file(broken)));
        MigrationDirectory directory = single.loadDirectory();
        single.apply(directory, ApplyOptions.NONE.upTo(Optional.of(directory.find("test", "0000_users"))),
                migration -> { });
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + broken); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE posts (x TEXT)"); // 0001_posts fails on this one
        }
        FleetResult first = new FleetRunner(4, 2, 5).run(targets, operations().apply(ApplyOptions.NONE),
                FleetRunner.Listener.NONE);
        assertEquals(11, first.count(DatabaseResult.Status.OK), first.toString());
        DatabaseResult failed = first.failed().get(0);
        assertEquals("tenant-7", failed.name());
        assertTrue(failed.error().orElseThrow().contains("0001_posts"), failed.error().orElseThrow());
        assertTrue(failed.error().orElseThrow().contains("posts"), failed.error().orElseThrow());
        assertFalse(failed.error().orElseThrow().contains("\n"));
        DatabaseResult ok = first.databases().get(0);
        assertEquals(Optional.empty(), ok.before());
        assertEquals(Optional.of("0002_index"), ok.after());
        assertEquals(List.of("0000_users", "0001_posts", "0002_index"), ok.migrations());
        assertEquals(Map.of(FleetResult.NONE, 11L), first.before());
        assertEquals(Map.of("0002_index", 11L), first.after());
        for (int i = 1; i <= 12; i++) {
            Path db = project.resolve("tenants/tenant-" + i + ".db");
            assertEquals(i == 7 ? 1 : 3, rows(db, "SELECT count(*) FROM __writerflow_history WHERE success = 1"),
                    "tenant-" + i);
        }

        Path report = FleetReport.defaultFile(project.resolve("target/writerflow"), Instant.parse("2026-12-03T14:00:00Z"));
        assertTrue(report.toString().endsWith("fleet-20261203T140000Z.json"), report.toString());
        FleetReport.write(report, "apply", Shard.ALL, first, Instant.parse("2026-12-03T14:00:00Z"));
        JsonNode json = new ObjectMapper().readTree(report.toFile());
        assertEquals(12, json.get("databases").size());
        assertEquals(1, json.get("counts").get("failed").asInt());
        JsonNode seventh = json.get("databases").get(6);
        assertEquals("tenant-7", seventh.get("name").asText());
        assertEquals("failed", seventh.get("status").asText());
        assertEquals("0000_users", json.get("databases").get(6).path("before").asText("0000_users"));
        assertEquals(Set.of("tenant-7"), FleetReport.failedIn(report, "report"));

        // fixed by hand; the rerun of only the failed ones continues where it stopped
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + broken); Statement s = c.createStatement()) {
            s.execute("DROP TABLE posts");
        }
        List<FleetTarget> again = targets.stream().filter(t -> FleetReport.failedIn(report, "report")
                .contains(t.name())).toList();
        FleetResult rerun = new FleetRunner(8, 0, 0).run(again, operations().apply(ApplyOptions.NONE),
                FleetRunner.Listener.NONE);
        assertTrue(rerun.allOk());
        assertEquals(Optional.of("0000_users"), rerun.databases().get(0).before());
        assertEquals(List.of("0001_posts", "0002_index"), rerun.databases().get(0).migrations());

        // the whole fleet again: nothing to do anywhere
        FleetResult idle = new FleetRunner(8, 0, 0).run(targets, operations().apply(ApplyOptions.NONE),
                FleetRunner.Listener.NONE);
        assertTrue(idle.allOk());
        assertTrue(idle.databases().stream().allMatch(d -> d.migrations().isEmpty()));
        assertEquals(Map.of("0002_index", 12L), idle.before());

        FleetResult status = new FleetRunner(8, 0, 0).run(targets, operations().status(r -> r, NO_GATES),
                FleetRunner.Listener.NONE);
        assertTrue(status.allOk());
        assertEquals(Map.of("0002_index", 12L), status.after());
    }

    @Test
    void rollsBackAndReportsPendingAcrossTheFleet() throws Exception {
        DrizzleDirectory drizzle = DrizzleDirectory.inProject(project,
                "0000_users", "CREATE TABLE users (id INTEGER PRIMARY KEY);",
                "0001_index", "CREATE INDEX users_id ON users (id);");
        Files.writeString(project.resolve("drizzle/0001_index.down.sql"), "DROP INDEX users_id;");
        List<FleetTarget> targets = fleet(5);
        assertTrue(new FleetRunner(5, 0, 0).run(targets, operations().apply(ApplyOptions.NONE),
                FleetRunner.Listener.NONE).allOk());
        FleetResult rolled = new FleetRunner(5, 1, 0).run(targets, operations().rollback(RollbackRequest.last(1,
                false)), FleetRunner.Listener.NONE);
        assertTrue(rolled.allOk(), rolled.toString());
        assertEquals(Map.of("0001_index", 5L), rolled.before());
        assertEquals(Map.of("0000_users", 5L), rolled.after());
        assertEquals(List.of("0001_index"), rolled.databases().get(3).migrations());
        FleetResult status = new FleetRunner(5, 0, 0).run(targets, operations().status(r -> r, NO_GATES),
                FleetRunner.Listener.NONE);
        assertEquals(List.of("0001_index"), status.databases().get(0).migrations(), "pending");
        // a database behind passes (it was read), and the fleet's gate names every one behind
        FleetResult gated = new FleetRunner(5, 0, 0).run(targets, operations().status(r -> r,
                StatusGates.of(true, false, false, false)), FleetRunner.Listener.NONE);
        assertTrue(gated.allOk());
        List<GateFailure> failures = FleetGates.failures(gated, "report.json");
        assertEquals(1, failures.size());
        assertEquals(Gate.PENDING, failures.get(0).gate());
        assertEquals("5 of 5 databases are behind (writerflow.failOnPending): tenant-1 (1 pending), tenant-2 (1"
                + " pending), tenant-3 (1 pending), tenant-4 (1 pending), tenant-5 (1 pending); report: report.json",
                failures.get(0).problem());
        assertTrue(failures.get(0).nextStep().startsWith("run mvn writerflow:apply"), failures.get(0).nextStep());
        assertTrue(FleetGates.failures(status, "report.json").isEmpty(), "no gate on: nothing fails");
    }

    @Test
    void theReportHoldsNoToken() throws Exception {
        DrizzleDirectory.inProject(project, "0000_users", "CREATE TABLE users (id INTEGER PRIMARY KEY);");
        List<FleetTarget> targets = TargetList.parse(List.of("remote http://127.0.0.1:1"), "fleet.txt", project);
        FleetTokens tokens = new FleetTokens(Map.of(), Optional.of(new AuthToken("tok-SECRET")), "the test");
        Path drizzle = project.resolve("drizzle");
        MigrationDirectory directory = new MigrationEngine(TestSettings.of(drizzle,
                TestSettings.file(project.resolve("unused.db")))).loadDirectory();
        EngineOperations operations = new EngineOperations(target -> new io.writerflow.maven.engine.EngineSettings(
                drizzle, "drizzle", target.url(), target.declaredAt(), tokens.token(target), tokens.source(target),
                TestSettings.HISTORY, "tester", java.time.Duration.ofSeconds(1), java.time.Duration.ofSeconds(30)),
                directory);
        FleetResult result = new FleetRunner(1, 0, 0).run(targets, operations.apply(ApplyOptions.NONE),
                FleetRunner.Listener.NONE);
        assertEquals(1, result.failed().size(), "nothing listens on port 1");
        Path report = project.resolve("report.json");
        FleetReport.write(report, "apply", Shard.ALL, result, Instant.now());
        String text = Files.readString(report);
        assertFalse(text.contains("tok-SECRET"), text);
        assertTrue(text.contains("http://127.0.0.1:1"), text);
    }
}
