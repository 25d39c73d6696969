package io.writerflow.maven.engine;

import io.writerflow.maven.engine.drift.DriftCache;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Status's drift check of an embedded database is kept while nothing it follows from changed: the database's
 * schema, the snapshot, the plugin build.
 */
class DriftCacheTest {

    @TempDir
    Path project;

    private MigrationFixture fixture;

    private StatusReport status(String build) {
        MigrationEngine engine = fixture.engine().keepingDrift(new DriftCache(project.resolve("drift"), build));
        return engine.status(engine.loadDirectory());
    }

    private void plant() throws Exception {
        try (Stream<Path> files = Files.list(project.resolve("drift"))) {
            Path entry = files.filter(f -> f.toString().endsWith(".txt")).findFirst().orElseThrow();
            Files.writeString(entry, Files.readString(entry).replace("compared with", "planted"));
        }
    }

    private static List<String> messages(StatusReport report) {
        return report.drift().differences().stream().map(d -> d.object() + " " + d.kind() + ": " + d.message())
                .toList();
    }

    @Test
    void keptWhileTheSchemaTheSnapshotAndThePluginAreUnchanged() throws Exception {
        fixture = DriftTest.generated(project);
        fixture.apply();
        assertEquals("compared with drizzle/meta/0001_snapshot.json", status("build 1").drift().note());

        // the entry stands in for the comparison: planted, it is what the next status reports
        plant();
        assertEquals("planted drizzle/meta/0001_snapshot.json", status("build 1").drift().note());
        // another build of the plugin compares again
        assertEquals("compared with drizzle/meta/0001_snapshot.json", status("build 2").drift().note());

        // the database's schema changed: compared again, and the differences kept as they are
        try (Connection c = fixture.connect(); Statement s = c.createStatement()) {
            s.execute("ALTER TABLE `tags` ADD `extra\tcolumn` text DEFAULT 'a\nb'");
        }
        StatusReport drifted = status("build 2");
        assertTrue(drifted.drift().compared());
        assertEquals(1, drifted.drift().differences().size(), messages(drifted).toString());
        StatusReport again = status("build 2");
        assertEquals(drifted.drift(), again.drift());

        // the snapshot changed: compared again
        plant();
        Path snapshot = fixture.drizzle.resolve("meta/0001_snapshot.json");
        Files.writeString(snapshot, Files.readString(snapshot) + "\n");
        assertEquals("compared with drizzle/meta/0001_snapshot.json", status("build 2").drift().note());
    }
}
