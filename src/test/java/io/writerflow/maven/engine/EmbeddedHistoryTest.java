package io.writerflow.maven.engine;

import io.writerflow.maven.engine.history.EmbeddedHistory;
import io.writerflow.maven.engine.history.HistoryStatus;
import io.writerflow.maven.testing.TestSettings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.TimeZone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Status and an apply with nothing to do read an embedded database's history directly, as Flyway would report
 * it; a history with rows only Flyway knows is left to Flyway.
 */
class EmbeddedHistoryTest {

    @TempDir
    Path project;

    MigrationFixture fixture;

    @BeforeEach
    void twoMigrations() throws Exception {
        fixture = new MigrationFixture(project)
                .migration("0000_init", "CREATE TABLE `users` (`id` integer PRIMARY KEY NOT NULL);")
                .migration("0001_add_tags", "CREATE TABLE `tags` (`id` integer PRIMARY KEY);");
    }

    @Test
    void readsTheRowsThePluginWrites() throws Exception {
        try (Connection c = fixture.connect()) {
            assertEquals(Optional.of(List.of()), EmbeddedHistory.read(c, TestSettings.HISTORY), "no table yet");
        }
        fixture.apply();
        try (Connection c = fixture.connect()) {
            List<HistoryStatus.Row> rows = EmbeddedHistory.read(c, TestSettings.HISTORY).orElseThrow();
            assertEquals(List.of("0", "1"), rows.stream().map(HistoryStatus.Row::version).toList());
            assertEquals(List.of("0000_init", "0001_add_tags"),
                    rows.stream().map(HistoryStatus.Row::description).toList());
            assertTrue(rows.stream().allMatch(HistoryStatus.Row::success));
            assertEquals(fixture.engine().loadDirectory().migrations().get(1).checksum(), rows.get(1).checksum());
        }
    }

    @Test
    void leavesAHistoryWithRowsOnlyFlywayKnowsToFlyway() throws Exception {
        fixture.apply();
        try (Connection c = fixture.connect(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO " + TestSettings.HISTORY + " (installed_rank, version, description, type,"
                    + " script, checksum, installed_by, execution_time, success) VALUES (3, '2', 'Java', 'JDBC',"
                    + " 'db.migration.V2__Java', NULL, 'tester', 0, 1)");
            assertEquals(Optional.empty(), EmbeddedHistory.read(c, TestSettings.HISTORY));
        }
        // Flyway's reading of the same history gives the status
        MigrationStatus first = fixture.status().migrations().get(0);
        assertEquals("0000_init " + MigrationState.APPLIED, first.tag() + " " + first.state());
    }

    @Test
    void readsTheMarkersOfDeletedMigrationsThatRepairAndRollbackWrite() throws Exception {
        fixture.apply();
        try (Connection c = fixture.connect(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO " + TestSettings.HISTORY + " (installed_rank, version, description, type,"
                    + " script, checksum, installed_by, execution_time, success) VALUES (3, '1', '0001_add_tags',"
                    + " 'DELETE', 'drizzle/0001_add_tags.down.sql', 7, 'ops', 4, 1)");
            List<HistoryStatus.Row> rows = EmbeddedHistory.read(c, TestSettings.HISTORY).orElseThrow();
            assertTrue(rows.get(2).deletion());
        }
        MigrationStatus rolledBack = fixture.status().migrations().get(1);
        assertEquals(MigrationState.PENDING, rolledBack.state());
        assertEquals("ops", rolledBack.rolledBack().by());
    }

    @Test
    void statusGivesTheTimeOfApplyInUtcWhateverTheJvmsTimeZone() throws Exception {
        TimeZone zone = TimeZone.getDefault();
        try {
            // Flyway's history keeps UTC text; read as local time, it would be 14 hours off here
            TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Kiritimati"));
            Instant before = Instant.now();
            fixture.apply();
            Instant appliedAt = fixture.status().migrations().get(0).appliedAt();
            assertTrue(Duration.between(before, appliedAt).abs().compareTo(Duration.ofMinutes(5)) < 0,
                    "applied at " + appliedAt + ", just after " + before);
        } finally {
            TimeZone.setDefault(zone);
        }
    }
}
