package io.writerflow.maven.migrations;

import io.writerflow.maven.WriterflowException;
import io.writerflow.maven.schema.Schema;
import io.writerflow.maven.schema.Snapshot;
import io.writerflow.maven.schema.SnapshotCodec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MigrationWriterTest {

    @TempDir
    Path root;

    private static String snapshot(String id, String prevId) {
        return SnapshotCodec.write(new Snapshot(id, prevId, Schema.EMPTY, Snapshot.Renames.NONE));
    }

    @Test
    void drizzleConfigsPrefixAndBreakpointsNameTheMigrationAsDrizzleKitDoes() throws Exception {
        Path drizzle = root.resolve("drizzle");
        MigrationWriter.write(drizzle, "init", "SELECT 1;\nSELECT 2;", snapshot("a", Snapshot.ORIGIN),
                1700000000000L, MigrationPrefix.TIMESTAMP, false);
        WrittenMigration second = MigrationWriter.write(drizzle, "next", "SELECT 3;", snapshot("b", "a"),
                1700000061000L, MigrationPrefix.UNIX, true);

        assertTrue(Files.isRegularFile(drizzle.resolve("20231114221320_init.sql")));
        assertTrue(Files.isRegularFile(drizzle.resolve("meta/20231114221320_snapshot.json")));
        assertTrue(Files.readString(drizzle.resolve("meta/_journal.json")).contains("\"breakpoints\": false"));
        assertEquals("1700000061_next", second.entry().tag());
        assertEquals("meta/1700000061_snapshot.json", second.entry().snapshot());
        // read back with each snapshot found by its tag's prefix
        MigrationDirectory directory = MigrationDirectory.load(drizzle, "drizzle");
        assertEquals(List.of("20231114221320_init", "1700000061_next"),
                directory.migrations().stream().map(Migration::tag).toList());
        assertEquals(List.of("meta/20231114221320_snapshot.json", "meta/1700000061_snapshot.json"),
                directory.migrations().stream().map(m -> m.entry().snapshot()).toList());
    }

    @Test
    void firstMigrationCreatesTheDirectoryInDrizzleKitsLayout() throws Exception {
        Path drizzle = root.resolve("drizzle");
        WrittenMigration written = MigrationWriter.write(drizzle, "init", "CREATE TABLE `a` (`x` integer);",
                snapshot("11111111-1111-1111-1111-111111111111", Snapshot.ORIGIN), 1700000000000L);

        assertEquals(new MigrationEntry("0", "0000_init", 1700000000000L, "0000_init.sql", "meta/0000_snapshot.json"), written.entry());
        assertEquals("CREATE TABLE `a` (`x` integer);", Files.readString(drizzle.resolve("0000_init.sql")));
        assertEquals("""
                {
                  "version": "7",
                  "dialect": "sqlite",
                  "entries": [
                    {
                      "idx": 0,
                      "version": "6",
                      "when": 1700000000000,
                      "tag": "0000_init",
                      "breakpoints": true
                    }
                  ]
                }""", Files.readString(drizzle.resolve("meta/_journal.json")));
        assertEquals("11111111-1111-1111-1111-111111111111",
                SnapshotCodec.read(Files.readString(drizzle.resolve("meta/0000_snapshot.json"))).id());
        // and the directory loads back, for apply
        assertEquals(List.of("0000_init"),
                MigrationDirectory.load(drizzle, "drizzle").migrations().stream().map(Migration::tag).toList());
        try (var files = Files.list(drizzle.resolve("meta"))) {
            assertEquals(2, files.count(), "no temporary files left");
        }
    }

    @Test
    void appendsToADrizzleKitJournalKeepingItsEntriesAndMonotonicTime() throws Exception {
        Path drizzle = root.resolve("drizzle");
        MigrationWriter.write(drizzle, "init", "SELECT 1;", snapshot("a", Snapshot.ORIGIN), 1700000000000L);
        String before = Files.readString(drizzle.resolve("meta/_journal.json"));
        // a clock behind the last entry still yields a later "when": drizzle's migrator orders by it
        WrittenMigration second = MigrationWriter.write(drizzle, "add_tags", "SELECT 2;", snapshot("b", "a"), 5L);

        assertEquals("0001_add_tags", second.entry().tag());
        assertEquals(1700000000001L, second.entry().when());
        String after = Files.readString(drizzle.resolve("meta/_journal.json"));
        assertTrue(after.startsWith(before.substring(0, before.lastIndexOf("}\n  ]") + 1) + ",\n    {\n      \"idx\": 1,"),
                after);
    }

    @Test
    void existingTargetFileLeavesTheDirectoryAsItWas() throws Exception {
        Path drizzle = root.resolve("drizzle");
        MigrationWriter.write(drizzle, "init", "SELECT 1;", snapshot("a", Snapshot.ORIGIN), 1L);
        Files.writeString(drizzle.resolve("meta/0001_snapshot.json"), "{}");
        String journal = Files.readString(drizzle.resolve("meta/_journal.json"));

        WriterflowException e = assertThrows(WriterflowException.class,
                () -> MigrationWriter.write(drizzle, "next", "SELECT 2;", snapshot("b", "a"), 2L));
        assertTrue(e.getMessage().contains("0001_snapshot.json already exists"), e.getMessage());
        assertEquals(journal, Files.readString(drizzle.resolve("meta/_journal.json")));
        assertFalse(Files.exists(drizzle.resolve("0001_next.sql")));
    }

    /** Everything under {@code dir}, with each file's content, to compare before and after. */
    static String tree(Path dir) throws Exception {
        if (!Files.exists(dir)) {
            return "(none)";
        }
        StringBuilder out = new StringBuilder();
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted().toList()) {
                out.append(dir.relativize(p)).append(Files.isRegularFile(p) ? " = " + Files.readString(p) : "/")
                        .append('\n');
            }
        }
        return out.toString();
    }

    @Test
    void aWriteThatFailsLeavesNoDirectoryItCreated() throws Exception {
        Path drizzle = root.resolve("drizzle");
        String tooLong = "n".repeat(300); // a file name of more than 255 bytes: the file system refuses it

        assertThrows(WriterflowException.class, () -> MigrationWriter.write(drizzle, tooLong, "SELECT 1;",
                snapshot("a", Snapshot.ORIGIN), 1700000000000L));
        assertFalse(Files.exists(drizzle), "neither drizzle/ nor drizzle/meta/ is left behind");

        MigrationWriter.write(drizzle, "init", "SELECT 1;", snapshot("a", Snapshot.ORIGIN), 1700000000000L);
        String before = tree(drizzle);
        assertThrows(WriterflowException.class, () -> MigrationWriter.write(drizzle, tooLong, "SELECT 2;",
                snapshot("b", "a"), 1700000001000L));
        assertEquals(before, tree(drizzle));
    }
}
