package io.writerflow.maven.mojo;

import io.writerflow.maven.fleet.Targets;
import io.writerflow.maven.mojo.MojoHarnessTest.RecordingLog;
import io.writerflow.maven.testing.DrizzleDirectory;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** apply and status on a fleet of files, as Maven builds the goals from the plugin descriptor. */
@MojoTest
class FleetMojoTest {

    private static final String POM = "classpath:/unit/pom.xml";

    @TempDir
    Path project;

    private <T extends AbstractDatabaseMojo> T inProject(T mojo, RecordingLog log) {
        mojo.baseDir = project.toFile();
        mojo.out = project.resolve("drizzle").toFile();
        mojo.setLog(log);
        return mojo;
    }

    @Test
    @InjectMojo(goal = "apply", pom = POM)
    void appliesTheFleetReportsTheFailureAndARerunCompletesIt(ApplyMojo apply) throws Exception {
        DrizzleDirectory.inProject(project, "0000_users", "CREATE TABLE users (id INTEGER PRIMARY KEY);",
                "0001_posts", "CREATE TABLE posts (id INTEGER PRIMARY KEY);");
        Files.writeString(project.resolve("fleet.txt"), "# three tenants\na file:a.db\nb file:b.db\nc file:c.db\n");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + project.resolve("b.db"));
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE unrecorded (x)"); // apply refuses a database with tables but no history
        }
        RecordingLog log = new RecordingLog();
        inProject(apply, log).targets = Targets.file("fleet.txt");
        apply.maxFailures = 5;
        apply.output = project.resolve("target/fleet.json").toFile();
        MojoFailureException e = assertThrows(MojoFailureException.class, apply::execute);
        assertTrue(e.getMessage().startsWith("Fleet apply: 1 of 3 databases failed; report: target/fleet.json"),
                e.getMessage());
        assertTrue(e.getMessage().contains("Next step: See each failed database's first error line"), e.getMessage());
        assertTrue(log.info.stream().anyMatch(l -> l.startsWith("Fleet apply: 3 databases, 2 ok, 1 failed")),
                log.info.toString());
        assertTrue(log.info.contains("  After:  0001_posts x2"), log.info.toString());
        String report = Files.readString(project.resolve("target/fleet.json"));
        assertTrue(report.contains("\"status\" : \"failed\""), report);

        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + project.resolve("b.db"));
             Statement s = c.createStatement()) {
            s.execute("DROP TABLE unrecorded");
        }
        RecordingLog again = new RecordingLog();
        inProject(apply, again).onlyFailed = new File(project.resolve("target/fleet.json").toString());
        apply.output = null;
        apply.execute();
        assertTrue(again.info.stream().anyMatch(l -> l.contains("1 of them failed or not started in target/fleet.json")),
                again.info.toString());
        assertTrue(again.info.contains("  After:  0001_posts x1"), again.info.toString());
        try (var reports = Files.list(project.resolve("target/writerflow"))) {
            assertEquals(1, reports.filter(p -> p.getFileName().toString().matches("fleet-\\d{8}T\\d{6}Z\\.json"))
                    .count());
        }
    }

    @Test
    @InjectMojo(goal = "status", pom = POM)
    void aBadListRunsNothing(StatusMojo status) throws Exception {
        DrizzleDirectory.inProject(project, "0000_users", "CREATE TABLE users (id INTEGER PRIMARY KEY);");
        Files.writeString(project.resolve("fleet.txt"), "a file:a.db\na file:b.db\n");
        inProject(status, new RecordingLog()).targets = Targets.file("fleet.txt");
        MojoFailureException e = assertThrows(MojoFailureException.class, status::execute);
        assertTrue(e.getMessage().contains("fleet.txt:2 names 'a' again (first at fleet.txt:1)"), e.getMessage());
        assertFalse(Files.exists(project.resolve("a.db")));
        status.shard = "4/3";
        Files.writeString(project.resolve("fleet.txt"), "a file:a.db\n");
        assertTrue(assertThrows(MojoFailureException.class, status::execute).getMessage()
                .contains("writerflow.shard is '4/3'"));
    }

    @Test
    @InjectMojo(goal = "baseline", pom = POM)
    void aOneDatabaseGoalRefusesAFleetRatherThanRunOnTheDefaultUrl(BaselineMojo baseline) throws Exception {
        DrizzleDirectory.inProject(project, "0000_users", "CREATE TABLE users (id INTEGER PRIMARY KEY);");
        Files.writeString(project.resolve("fleet.txt"), "a file:a.db\n");
        inProject(baseline, new RecordingLog()).targets = Targets.file("fleet.txt");
        baseline.baselineAt = "0";
        MojoFailureException e = assertThrows(MojoFailureException.class, baseline::execute);
        assertTrue(e.getMessage().startsWith("writerflow:baseline runs on one database; writerflow.targets"),
                e.getMessage());
        assertFalse(Files.exists(project.resolve("local.db")));
    }

    @Test
    @InjectMojo(goal = "status", pom = POM)
    void statusNamesTheDatabasesBehindAndDriftedAndItsGatesFailTheFleet(StatusMojo status) throws Exception {
        DrizzleDirectory drizzle = DrizzleDirectory.inProject(project,
                "0000_users", "CREATE TABLE users (id INTEGER PRIMARY KEY);");
        drizzle.snapshot("0000_users", "{\"version\": \"6\", \"dialect\": \"sqlite\", \"id\": \"a\", \"prevId\":"
                + " \"00000000-0000-0000-0000-000000000000\", \"tables\": {\"users\": {\"name\": \"users\","
                + " \"columns\": {\"id\": {\"name\": \"id\", \"type\": \"integer\", \"primaryKey\": true,"
                + " \"notNull\": false, \"autoincrement\": false}}, \"indexes\": {}, \"foreignKeys\": {},"
                + " \"compositePrimaryKeys\": {}, \"uniqueConstraints\": {}, \"checkConstraints\": {}}}, \"views\": {},"
                + " \"enums\": {}, \"_meta\": {\"schemas\": {}, \"tables\": {}, \"columns\": {}}, \"internal\":"
                + " {\"indexes\": {}}}");
        Files.writeString(project.resolve("fleet.txt"), "a file:a.db\nb file:b.db\nc file:c.db\n");
        for (String name : new String[] {"a.db", "b.db"}) { // a and b are up to date, c has nothing applied
            var engine = new io.writerflow.maven.engine.MigrationEngine(io.writerflow.maven.testing.TestSettings.of(
                    project.resolve("drizzle"), io.writerflow.maven.testing.TestSettings.file(project.resolve(name))));
            engine.apply(engine.loadDirectory(), m -> { });
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + project.resolve("b.db"));
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE audit_log (id integer)");
        }

        RecordingLog log = new RecordingLog();
        inProject(status, log).targets = Targets.file("fleet.txt");
        status.output = project.resolve("target/status.json").toFile();
        status.execute(); // no gate on: reported, not failed
        assertTrue(log.info.contains("  Versions: (none) x1, 0000_users x2"), log.info.toString());
        assertTrue(log.info.contains("  Behind (1): c (1 pending)"), log.info.toString());
        assertTrue(log.info.contains("  Drifted (1): b (1 difference, first: table audit_log not in migrations)"),
                log.info.toString());

        status.failOnPending = true;
        status.failOnDrift = true;
        RecordingLog gated = new RecordingLog();
        inProject(status, gated);
        MojoFailureException e = assertThrows(MojoFailureException.class, status::execute);
        assertTrue(e.getMessage().startsWith("1 of 3 databases is behind (writerflow.failOnPending): c (1 pending);"
                + " report: target/status.json"), e.getMessage());
        assertTrue(gated.error.stream().anyMatch(l -> l.startsWith("1 of 3 databases has drifted from the migrations"
                + " (writerflow.failOnDrift): b; report: target/status.json")), gated.error.toString());
        var report = new com.fasterxml.jackson.databind.ObjectMapper().readTree(project.resolve("target/status.json")
                .toFile()).get("databases");
        assertEquals(0, report.get(0).get("pending").asInt());
        assertTrue(report.get(0).get("drift").isNull());
        assertEquals("1 difference, first: table audit_log not in migrations", report.get(1).get("drift").asText());
        assertEquals("writerflow.failOnDrift", report.get(1).get("gates").get(0).asText());
        assertEquals(1, report.get(2).get("pending").asInt());
        assertEquals("ok", report.get(2).get("status").asText());
    }

    @Test
    @InjectMojo(goal = "apply", pom = POM)
    void namedCanariesRunFirstAndAnUnknownOneRunsNothing(ApplyMojo apply) throws Exception {
        DrizzleDirectory.inProject(project, "0000_users", "CREATE TABLE users (id INTEGER PRIMARY KEY);");
        Files.writeString(project.resolve("fleet.txt"), "a file:a.db\nb file:b.db\nc file:c.db\n");
        inProject(apply, new RecordingLog()).targets = Targets.file("fleet.txt");
        apply.canary = "c,zed";
        MojoFailureException e = assertThrows(MojoFailureException.class, apply::execute);
        assertTrue(e.getMessage().startsWith("writerflow.canary names zed, which is not in fleet.txt; nothing was"
                + " run."), e.getMessage());
        assertFalse(Files.exists(project.resolve("c.db")));

        RecordingLog log = new RecordingLog();
        inProject(apply, log).canary = "c";
        apply.output = project.resolve("target/fleet.json").toFile();
        apply.execute();
        assertTrue(log.info.stream().anyMatch(l -> l.startsWith("Fleet apply: 3 databases in fleet.txt; 3 at a time,"
                + " canaries c;")), log.info.toString());
        String report = Files.readString(project.resolve("target/fleet.json"));
        assertTrue(report.indexOf("\"c\"") < report.indexOf("\"a\""), "the canary first: " + report);
    }
}
