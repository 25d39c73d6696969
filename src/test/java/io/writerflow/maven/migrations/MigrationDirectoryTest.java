package io.writerflow.maven.migrations;

import io.writerflow.maven.WriterflowException;
import io.writerflow.maven.testing.DrizzleDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MigrationDirectoryTest {

    @TempDir
    Path dir;

    @Test
    void loadsMigrationsInJournalOrderAndReportsUnlistedFiles() throws Exception {
        DrizzleDirectory.journal(dir).migration("0000_b", "CREATE TABLE b(x);")
                .migration("0001_a", "CREATE TABLE a(x);\n--> statement-breakpoint\nDROP TABLE b;");
        Files.writeString(dir.resolve("0002_stray.sql"), "SELECT 1;");

        MigrationDirectory directory = MigrationDirectory.load(dir, "drizzle");
        assertEquals(List.of("0000_b", "0001_a"), directory.migrations().stream().map(Migration::tag).toList());
        assertEquals("drizzle/0001_a.sql", directory.migrations().get(1).file());
        assertEquals(2, directory.migrations().get(1).statements().size());
        assertEquals(List.of("drizzle/0002_stray.sql"), directory.unlisted());
    }

    @Test
    void missingDirectoryOrAFileNamesTheSetting() throws Exception {
        WriterflowException e = assertThrows(WriterflowException.class,
                () -> MigrationDirectory.load(dir.resolve("nope"), "nope"));
        assertTrue(e.getMessage().contains("nope does not exist"), e.getMessage());

        Files.writeString(dir.resolve("pom.xml"), "<project/>");
        e = assertThrows(WriterflowException.class, () -> MigrationDirectory.load(dir.resolve("pom.xml"), "pom.xml"));
        assertTrue(e.getMessage().startsWith("Migrations directory pom.xml is a file, not a directory"), e.getMessage());
        assertTrue(e.getMessage().contains("writerflow.out"), e.getMessage());
    }

    @Test
    void missingJournal() {
        WriterflowException e = assertThrows(WriterflowException.class, () -> MigrationDirectory.load(dir, "drizzle"));
        assertTrue(e.getMessage().contains("drizzle/meta/_journal.json is missing"), e.getMessage());
    }

    @Test
    void journalEntryWithoutItsFile() throws Exception {
        DrizzleDirectory.journal(dir).migration("0000_init", "SELECT 1;").entry(1, "0001_gone");
        WriterflowException e = assertThrows(WriterflowException.class, () -> MigrationDirectory.load(dir, "drizzle"));
        assertTrue(e.getMessage().contains("0001_gone") && e.getMessage().contains("drizzle/0001_gone.sql does not exist"),
                e.getMessage());
    }

    @Test
    void checksumIgnoresLineEndingsButNotContent() {
        assertEquals(Migration.checksum("A;\nB;\n"), Migration.checksum("A;\r\nB;\r\n"));
        assertEquals(Migration.checksum("A;\n"), Migration.checksum("\uFEFFA;\n"));
        assertNotEquals(Migration.checksum("A;\n"), Migration.checksum("A; \n"));
    }
}
