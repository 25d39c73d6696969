package io.writerflow.maven.migrations;

import io.writerflow.maven.WriterflowException;
import io.writerflow.maven.testing.DrizzleDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MigrationLayoutTest {

    @TempDir
    Path dir;

    private void journal() throws Exception {
        DrizzleDirectory.journal(dir).writeJournal();
    }

    private void folder() throws Exception {
        DrizzleDirectory.folders(dir).migration("20261202140057_init", "SELECT 1;");
    }

    @Test
    void detectsTheLayoutFromTheFiles() throws Exception {
        assertEquals(Optional.empty(), MigrationLayout.detect(dir.resolve("missing"), "drizzle"));
        assertEquals(Optional.empty(), MigrationLayout.detect(dir, "drizzle"));
        Files.writeString(dir.resolve("0000_init.sql"), "SELECT 1;");
        assertEquals(Optional.of(MigrationLayout.JOURNAL), MigrationLayout.detect(dir, "drizzle"));
        Files.delete(dir.resolve("0000_init.sql"));
        folder();
        assertEquals(Optional.of(MigrationLayout.FOLDERS), MigrationLayout.detect(dir, "drizzle"));
    }

    @Test
    void aDirectoryWithBothLayoutsIsRefusedNamingOneOfEach() throws Exception {
        journal();
        folder();

        WriterflowException e = assertThrows(WriterflowException.class, () -> MigrationDirectory.load(dir, "drizzle"));

        assertEquals("drizzle mixes two layouts: drizzle-kit 0.31's journal (drizzle/meta/) and drizzle-kit 1.0's"
                + " migration folders (drizzle/20261202140057_init/); neither drizzle nor the plugin reads such a"
                + " directory.", e.problem());
        assertTrue(e.nextStep().startsWith("Keep one layout. To move to drizzle-kit 1.0, run 'npx drizzle-kit up'"),
                e.nextStep());
        assertEquals(e.problem(), assertThrows(WriterflowException.class,
                () -> MigrationLayout.forWriting(dir, "drizzle", Optional.empty())).problem());
    }

    @Test
    void anEmptyDirectoryHoldsNoMigrationsInEitherLayout() {
        WriterflowException e = assertThrows(WriterflowException.class, () -> MigrationDirectory.load(dir, "drizzle"));
        assertEquals("drizzle/meta/_journal.json is missing and drizzle has no migration folders, so drizzle holds no"
                + " migrations.", e.problem());
    }

    @Test
    void theSettingNamesALayoutOrAuto() {
        assertEquals(Optional.empty(), MigrationLayout.parseSetting("auto"));
        assertEquals(Optional.empty(), MigrationLayout.parseSetting(null));
        assertEquals(Optional.of(MigrationLayout.JOURNAL), MigrationLayout.parseSetting("journal"));
        assertEquals(Optional.of(MigrationLayout.FOLDERS), MigrationLayout.parseSetting(" Folders "));

        WriterflowException e = assertThrows(WriterflowException.class, () -> MigrationLayout.parseSetting("v1"));

        assertEquals("writerflow.layout=v1 is not a migration directory layout.", e.problem());
        assertEquals("Use auto (the default: the directory's own layout; journal for a new directory), journal"
                + " (drizzle-kit 0.31: meta/_journal.json, NNNN_name.sql) or folders (drizzle-kit 1.0: one"
                + " <timestamp>_name/ folder per migration).", e.nextStep());
    }

    @Test
    void generateContinuesTheDirectorysLayoutAndStartsANewOneAsAsked() throws Exception {
        assertEquals(MigrationLayout.JOURNAL, MigrationLayout.forWriting(dir, "drizzle", Optional.empty()));
        assertEquals(MigrationLayout.FOLDERS,
                MigrationLayout.forWriting(dir, "drizzle", Optional.of(MigrationLayout.FOLDERS)));
        folder();
        assertEquals(MigrationLayout.FOLDERS, MigrationLayout.forWriting(dir, "drizzle", Optional.empty()));

        WriterflowException e = assertThrows(WriterflowException.class,
                () -> MigrationLayout.forWriting(dir, "drizzle", Optional.of(MigrationLayout.JOURNAL)));

        assertEquals("writerflow.layout=journal but drizzle already keeps its migrations in the folders layout"
                + " (drizzle (its migration folders)); a directory keeps one layout.", e.problem());
        assertEquals("Leave writerflow.layout at auto to continue the directory as it is.", e.nextStep());
    }
}
