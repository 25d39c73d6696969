package io.writerflow.maven.backup;

import io.writerflow.maven.engine.EngineSettings;
import io.writerflow.maven.engine.database.DatabaseConnections;
import io.writerflow.maven.engine.backup.Backup;
import io.writerflow.maven.engine.backup.Backups;
import io.writerflow.maven.engine.backup.SqlDump;
import io.writerflow.maven.settings.DatabaseUrl;
import io.writerflow.maven.testing.EventsTable;
import io.writerflow.maven.testing.TestSettings;
import io.writerflow.maven.testing.TursoServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Clock;
import java.util.Locale;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Dump speed on a 100,000-row table, from a file and from the real Turso server, printed for the README (no timing
 * assertion: this machine is shared).
 */
class DumpSpeedTest {

    private static final int ROWS = EventsTable.ROWS;

    @TempDir
    Path dir;

    private static void print(String what, Backup backup) {
        System.out.printf(Locale.ROOT, "DUMP SPEED %s: %d rows in %d ms = %.0f rows/s (%s)%n", what, backup.rows(),
                backup.duration().toMillis(), backup.rows() * 1000.0 / Math.max(1, backup.duration().toMillis()),
                backup.size());
    }

    @Test
    void file() throws Exception {
        Path db = dir.resolve("big.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            c.setAutoCommit(false);
            EventsTable.fill(c);
            c.commit();
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            Backup copy = new Backups(dir.resolve("copies"), Clock.systemUTC(), Set.of())
                    .write(c, TestSettings.file(db));
            print("file, VACUUM INTO copy", copy);
            for (String run : new String[] {"first run", "second run"}) {
                long start = System.nanoTime();
                long rows;
                Path dump = dir.resolve("big.sql");
                try (var out = java.nio.file.Files.newBufferedWriter(dump)) {
                    rows = new SqlDump(Set.of(), SqlDump.DEFAULT_PAGE_ROWS).write(c, out);
                }
                print("file, SQL dump, " + run, new Backup(dump, java.nio.file.Files.size(dump), rows,
                        java.time.Duration.ofNanos(System.nanoTime() - start)));
                assertEquals(ROWS, rows);
            }
        }
    }

    @Test
    void tursoServer() throws Exception {
        try (TursoServer server = TursoServer.start()) {
            try (Connection c = server.connect()) {
                EventsTable.fill(c);
            }
            EngineSettings settings = TestSettings.of(dir, TestSettings.url(server.baseUrl(), dir));
            Backup backup;
            try (Connection c = DatabaseConnections.open(settings, true)) {
                backup = new Backups(dir.resolve("dumps"), Clock.systemUTC(), Set.of()).write(c, settings.url());
            }
            print("Turso server over HTTP, SQL dump", backup);
            assertEquals(ROWS, backup.rows());

            Restore.Result restored = new Restore(TestSettings.of(dir, TestSettings.file(dir.resolve("r.db"))))
                    .from(backup.file(), "the dump");
            System.out.printf(Locale.ROOT, "RESTORE SPEED into a file: %d rows in %d ms%n", restored.rows(),
                    restored.duration().toMillis());
            try (TursoServer other = TursoServer.start()) {
                Restore.Result remote = new Restore(TestSettings.of(dir, DatabaseUrl.parse(other.baseUrl(), dir,
                        "the test"))).from(backup.file(), "the dump");
                System.out.printf(Locale.ROOT, "RESTORE SPEED into the Turso server: %d rows in %d ms%n",
                        remote.rows(), remote.duration().toMillis());
                try (Connection c = other.connect()) {
                    assertEquals(ROWS, Databases.count(c, "events"));
                }
            }
        }
    }
}
