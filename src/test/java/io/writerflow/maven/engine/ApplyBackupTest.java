package io.writerflow.maven.engine;

import io.writerflow.maven.WriterflowException;
import io.writerflow.maven.engine.ApplyResult.AppliedMigration;
import io.writerflow.maven.engine.backup.Backup;
import io.writerflow.maven.engine.backup.BackupTarget;
import io.writerflow.maven.testing.TestSettings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The backup an apply writes when its options ask for one. */
class ApplyBackupTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-03T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path project;

    MigrationFixture fixture;

    @BeforeEach
    void oneAppliedOnePending() throws Exception {
        fixture = new MigrationFixture(project)
                .migration("0000_init", "CREATE TABLE `notes` (`id` integer PRIMARY KEY, `body` text);\n"
                        + "--> statement-breakpoint\nINSERT INTO `notes` (`body`) VALUES ('kept');");
        MigrationEngine engine = fixture.engine();
        engine.apply(engine.loadDirectory(), m -> { });
        fixture.migration("0001_empty", "DELETE FROM `notes`;");
    }

    /** What the listener was told, in order. */
    private static final class Told implements ApplyListener {
        final List<String> events = new ArrayList<>();

        @Override
        public void applied(AppliedMigration migration) {
            events.add("applied " + migration.tag());
        }

        @Override
        public void backedUp(Backup backup) {
            events.add("backup " + backup.file().getFileName());
        }
    }

    private ApplyResult applyBackingUpInto(Path directory, ApplyListener listener) {
        MigrationEngine engine = fixture.engine();
        return engine.apply(engine.loadDirectory(), ApplyOptions.backingUpInto(new BackupTarget(directory, CLOCK)),
                listener);
    }

    private static List<Path> files(Path directory) throws Exception {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.toList();
        }
    }

    @Test
    void writesOneBackupBeforeThePendingMigrationAndNoneWhenNothingIsPending() throws Exception {
        Path backups = project.resolve("backups");
        Told told = new Told();
        ApplyResult result = applyBackingUpInto(backups, told);

        assertEquals(List.of("backup local.db-20261203T100000Z.sqlite", "applied 0001_empty"), told.events);
        assertEquals(List.of(backups.resolve("local.db-20261203T100000Z.sqlite")), files(backups));
        Backup backup = result.backup().orElseThrow();
        assertEquals(backups.resolve("local.db-20261203T100000Z.sqlite"), backup.file());
        assertEquals(Files.size(backup.file()), backup.bytes());
        try (Connection copy = DriverManager.getConnection("jdbc:sqlite:" + backup.file());
             ResultSet rs = copy.createStatement().executeQuery("SELECT body FROM notes")) {
            assertTrue(rs.next(), "taken before the migration emptied the table");
            assertEquals("kept", rs.getString(1));
        }

        Told again = new Told();
        ApplyResult nothing = applyBackingUpInto(backups, again);
        assertEquals(List.of(), again.events);
        assertEquals(Optional.empty(), nothing.backup());
        assertEquals(1, files(backups).size(), "no backup when nothing is pending");
    }

    @Test
    void aFailedBackupLeavesTheDatabaseAsItWasWithNoMigrationApplied() throws Exception {
        List<String> history = fixture.history();
        Files.writeString(project.resolve("not-a-directory"), "");
        Told told = new Told();

        WriterflowException e = assertThrows(WriterflowException.class,
                () -> applyBackingUpInto(project.resolve("not-a-directory/backups"), told));

        assertTrue(e.getMessage().startsWith("Backup of file:local.db into ") && e.getMessage().contains(" failed: ")
                && e.getMessage().contains("No migration was applied."), e.getMessage());
        assertEquals(List.of(), told.events);
        assertEquals(history, fixture.history());
        assertEquals(List.of(TestSettings.HISTORY, "notes"), fixture.tables());
        try (Connection c = fixture.connect(); ResultSet rs = c.createStatement().executeQuery(
                "SELECT count(*) FROM notes")) {
            assertEquals(1, rs.getInt(1), "the pending migration did not run");
        }
        assertEquals(1, fixture.engine().status(fixture.engine().loadDirectory()).count(MigrationState.PENDING));
    }
}
