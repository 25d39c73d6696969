package io.writerflow.maven.migrations;

import io.writerflow.maven.WriterflowException;
import io.writerflow.maven.testing.DrizzleDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** drizzle-kit 1.0's layout: one {@code <yyyyMMddHHmmss>_<name>/} folder per migration, read and written. */
class FolderLayoutTest {

    @TempDir
    Path dir;

    private void folder(String name, String sql) throws Exception {
        DrizzleDirectory.folders(dir).migration(name, sql).snapshot(name, "{}");
    }

    private WriterflowException loadFails() {
        return assertThrows(WriterflowException.class, () -> MigrationDirectory.load(dir, "drizzle"));
    }

    @Test
    void foldersAreMigrationsInNameOrderDatedByTheirTimestamp() throws Exception {
        folder("20261202140100_add_tags", "CREATE TABLE tags(x);\n--> statement-breakpoint\nCREATE INDEX t ON tags(x);");
        folder("20261202140057_init", "CREATE TABLE users(x);");
        Files.createDirectories(dir.resolve("seeds"));           // no migration.sql: not a migration, as for drizzle
        Files.createDirectories(dir.resolve(".20261202140200_x.writerflow-tmp"));
        Files.writeString(dir.resolve("notes.sql"), "SELECT 1;");

        MigrationDirectory directory = MigrationDirectory.load(dir, "drizzle");

        assertEquals(MigrationLayout.FOLDERS, directory.layout());
        assertEquals(List.of("20261202140057_init", "20261202140100_add_tags"),
                directory.migrations().stream().map(Migration::tag).toList());
        Migration first = directory.migrations().get(0);
        assertEquals("20261202140057", first.version());
        assertEquals(Instant.parse("2026-12-02T14:00:57Z").toEpochMilli(), first.entry().when());
        assertEquals("drizzle/20261202140057_init/migration.sql", first.file());
        assertEquals("20261202140057_init/snapshot.json", first.entry().snapshot());
        assertEquals(2, directory.migrations().get(1).statements().size());
        assertEquals(List.of("drizzle/notes.sql"), directory.unlisted());
        assertEquals("drizzle (its migration folders)", directory.listing());
    }

    @Test
    void aMigrationFolderWithoutItsSqlNamesTheFolderAndWhatToDo() throws Exception {
        folder("20261202140057_init", "SELECT 1;");
        Files.createDirectories(dir.resolve("20261202140100_add_tags"));
        Files.writeString(dir.resolve("20261202140100_add_tags/snapshot.json"), "{}");

        WriterflowException e = loadFails();

        assertEquals("drizzle/20261202140100_add_tags has no migration.sql, so it is not a migration drizzle or the"
                + " plugin can apply.", e.problem());
        assertEquals("Restore drizzle/20261202140100_add_tags/migration.sql from version control, or delete"
                + " drizzle/20261202140100_add_tags if the migration was never applied anywhere.", e.nextStep());
    }

    @Test
    void aMigrationWhoseFolderHasNoTimestampIsRefused() throws Exception {
        folder("20261202140057_init", "SELECT 1;");
        folder("add_tags", "SELECT 2;");

        WriterflowException e = loadFails();

        assertTrue(e.problem().startsWith("drizzle/add_tags has a migration.sql but its name does not start with a"
                + " timestamp (yyyyMMddHHmmss_name)"), e.problem());
        assertTrue(e.nextStep().matches("Rename it as drizzle-kit 1\\.0 names its folders, e\\.g\\. \\d{14}_add_tags,"
                + " choosing a time after the migration before it\\."), e.nextStep());
    }

    @Test
    void aTimestampThatIsNoDateIsRefused() throws Exception {
        folder("20261302140057_init", "SELECT 1;");
        WriterflowException e = loadFails();
        assertEquals("drizzle/20261302140057_init: 20261302140057 is not a date and time (yyyyMMddHHmmss, UTC).",
                e.problem());
    }

    /** drizzle-kit 1.0 writes two folders in one second when it generates twice within it. */
    @Test
    void foldersOfOneSecondGetVersionsInNameOrder() throws Exception {
        folder("20261202140057_init", "SELECT 1;");
        folder("20261202140057_add_tags", "SELECT 2;");
        folder("20261202140057_add_slugs", "SELECT 3;");
        folder("20261202140058_next", "SELECT 4;");

        List<String> versions = MigrationDirectory.load(dir, "drizzle").migrations().stream()
                .map(m -> m.version() + " " + m.tag()).toList();

        assertEquals(List.of("20261202140057 20261202140057_add_slugs", "20261202140057.1 20261202140057_add_tags",
                "20261202140057.2 20261202140057_init", "20261202140058 20261202140058_next"), versions);
    }

    @Test
    void writesBothFilesIntoAFolderNamedByTheTime() throws Exception {
        long when = Instant.parse("2026-12-02T14:00:57.345Z").toEpochMilli();

        WrittenMigration written = MigrationLayout.FOLDERS.write(dir, "init", "CREATE TABLE a(x);", "{\"v\":7}", when);

        assertEquals(new MigrationEntry("20261202140057", "20261202140057_init",
                Instant.parse("2026-12-02T14:00:57Z").toEpochMilli(), "20261202140057_init/migration.sql",
                "20261202140057_init/snapshot.json"), written.entry());
        assertEquals("CREATE TABLE a(x);", Files.readString(dir.resolve("20261202140057_init/migration.sql")));
        assertEquals("{\"v\":7}", Files.readString(dir.resolve("20261202140057_init/snapshot.json")));
        try (var files = Files.list(dir)) {
            assertEquals(List.of("20261202140057_init"), files.map(p -> p.getFileName().toString()).toList());
        }
    }

    /** As drizzle-kit: a second after the last folder at least, so that a clock behind never reorders them. */
    @Test
    void theNextFolderIsLaterThanTheLastOneWhateverTheClockSays() throws Exception {
        long when = Instant.parse("2026-12-02T14:00:57Z").toEpochMilli();
        MigrationLayout.FOLDERS.write(dir, "init", "SELECT 1;", "{}", when);

        WrittenMigration second = MigrationLayout.FOLDERS.write(dir, "add_tags", "SELECT 2;", "{}", when - 60_000);

        assertEquals("20261202140058_add_tags", second.entry().tag());
        assertEquals(List.of("20261202140057_init", "20261202140058_add_tags"),
                MigrationDirectory.load(dir, "drizzle").migrations().stream().map(Migration::tag).toList());
    }

    @Test
    void anExistingFolderIsNeverOverwritten() throws Exception {
        long when = Instant.parse("2026-12-02T14:00:57Z").toEpochMilli();
        Files.writeString(dir.resolve("20261202140057_init"), "in the way");

        assertThrows(WriterflowException.class,
                () -> MigrationLayout.FOLDERS.write(dir, "init", "SELECT 1;", "{}", when));

        assertEquals("in the way", Files.readString(dir.resolve("20261202140057_init")));
        assertFalse(Files.exists(dir.resolve(".20261202140057_init.writerflow-tmp")));
    }

    @Test
    void aFolderThatCannotBeWrittenLeavesNoDirectoryItCreated() throws Exception {
        Path drizzle = dir.resolve("drizzle");
        assertThrows(WriterflowException.class, () -> MigrationLayout.FOLDERS.write(drizzle, "n".repeat(300),
                "SELECT 1;", "{}", 1700000000000L));
        assertFalse(Files.exists(drizzle));
    }
}
