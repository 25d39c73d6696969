package io.writerflow.maven.fleet;

import io.writerflow.maven.engine.ApplyOptions;
import io.writerflow.maven.engine.MigrationEngine;
import io.writerflow.maven.testing.DrizzleDirectory;
import io.writerflow.maven.testing.TursoFleet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The process running a fleet apply killed with SIGKILL midway (databases done, some mid-migration, the rest not
 * started), then the same command again: every database ends fully applied and no migration ran twice. Each
 * database's history is the only state; the killed holders' lock leases run out.
 */
class FleetCrashTest {

    private static final int DATABASES = 20;

    @TempDir
    Path project;

    @Test
    void aFleetApplyKilledMidwayIsCompletedByTheSameCommandAgainWithNothingTwice() throws Exception {
        DrizzleDirectory.inProject(project,
                "0000_users", "CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT);",
                "0001_events", "CREATE TABLE events (id INTEGER PRIMARY KEY, note TEXT);",
                // applied twice, this one fails on the primary key: "no migration twice" made visible
                "0002_seed", "INSERT INTO events (id, note) VALUES (1, 'once');");
        Path drizzle = project.resolve("drizzle");
        try (TursoFleet fleet = TursoFleet.start(DATABASES, Duration.ofMillis(150))) {
            Path list = project.resolve("fleet.txt");
            Files.write(list, fleet.targetLines("tenant-"));

            Process first = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), FleetProcess.class.getName(), drizzle.toString(),
                    list.toString(), "4", "2")
                    .redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
            List<String> seen = new ArrayList<>();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(first.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    seen.add(line);
                    if (seen.stream().filter(l -> l.startsWith("done ")).count() == 5) {
                        first.destroyForcibly(); // SIGKILL: no shutdown hook, no lock release
                        break;
                    }
                }
            }
            assertTrue(first.waitFor(30, TimeUnit.SECONDS), "the killed fleet process did not end");
            assertTrue(seen.stream().noneMatch(l -> l.equals("finished")), "killed too late to test anything: " + seen);

            List<FleetTarget> targets = TargetList.read(list, "fleet.txt", project);
            EngineOperations operations = new EngineOperations(
                    target -> FleetProcess.settings(drizzle, target, Duration.ofSeconds(2)),
                    new MigrationEngine(FleetProcess.settings(drizzle, targets.get(0), Duration.ofSeconds(2)))
                            .loadDirectory());
            FleetResult rerun = new FleetRunner(8, 0, 0).run(targets, operations.apply(ApplyOptions.NONE),
                    FleetRunner.Listener.NONE);

            assertTrue(rerun.allOk(), rerun.toString());
            assertEquals(Map.of("0002_seed", (long) DATABASES), rerun.after());
            long untouchedBefore = rerun.databases().stream().filter(d -> d.before().isEmpty()).count();
            assertTrue(untouchedBefore < DATABASES, "the killed run applied nothing: " + seen);
            for (int i = 0; i < DATABASES; i++) {
                try (Connection c = fleet.server(i).connect(); Statement s = c.createStatement()) {
                    assertEquals(3, count(s, "SELECT count(*) FROM __writerflow_history WHERE success = 1"
                            + " AND version IS NOT NULL"), "tenant " + (i + 1));
                    assertEquals(0, count(s, "SELECT count(*) FROM __writerflow_history WHERE success = 0"));
                    assertEquals(1, count(s, "SELECT count(*) FROM events"), "tenant " + (i + 1));
                }
            }
        }
    }

    private static long count(Statement statement, String sql) throws Exception {
        try (ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
