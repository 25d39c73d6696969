package io.writerflow.maven.backup;

import io.writerflow.maven.engine.backup.BackupFailed;
import io.writerflow.maven.WriterflowException;
import io.writerflow.maven.engine.ApplyOptions;
import io.writerflow.maven.engine.backup.Backup;
import io.writerflow.maven.engine.backup.BackupTarget;
import io.writerflow.maven.engine.backup.Backups;
import io.writerflow.maven.engine.backup.SqlDump;
import io.writerflow.maven.settings.DatabaseUrl;
import io.writerflow.maven.testing.DrizzleDirectory;
import io.writerflow.maven.testing.TestSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Backups of embedded files, restored into fresh files, compared schema and row by row. */
class BackupRestoreTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T19:15:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private Path sample() throws Exception {
        Path db = dir.resolve("local.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            List<String> all = new ArrayList<>(Databases.SAMPLE);
            all.addAll(Databases.EMBEDDED_EXTRAS);
            Databases.execute(c, all);
            Databases.execute(c, List.of("CREATE TABLE " + TestSettings.HISTORY + " (installed_rank INT PRIMARY KEY,"
                    + " description text)", "INSERT INTO " + TestSettings.HISTORY + " VALUES (1, '0000_init')"));
        }
        return db;
    }

    private static List<String> picture(Path db) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            return Databases.picture(c);
        }
    }

    private static long sequence(Path db) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT seq FROM sqlite_sequence WHERE name = 'posts'")) {
            return rs.next() ? rs.getLong(1) : -1;
        }
    }

    @Test
    void fileBackupIsAConsistentCopyThatRestoresIntoAFreshFile() throws Exception {
        Path db = sample();
        Backup backup;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            backup = new Backups(dir.resolve("backups"), CLOCK, Set.of()).write(c, TestSettings.file(db));
        }
        assertEquals(dir.resolve("backups/local.db-20261124T191500Z.sqlite"), backup.file());
        assertEquals(2 + 5 + 3 + 2 + 1, backup.rows());
        assertEquals(Files.size(backup.file()), backup.bytes());

        Path fresh = dir.resolve("restored.db");
        Restore.Result result = new Restore(TestSettings.of(dir, TestSettings.file(fresh)))
                .from(backup.file(), "the backup");
        assertEquals(13, result.rows());
        assertEquals(picture(db), picture(fresh));
        assertEquals(5, sequence(fresh));
    }

    @Test
    void sqlDumpRestoresEveryTypeAndTheHistory() throws Exception {
        Path db = sample();
        StringWriter dump = new StringWriter();
        long rows;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            rows = new SqlDump(Set.of(), 2).write(c, dump);     // pages of 2 rows: every table spans pages
        }
        assertEquals(13, rows);
        String text = dump.toString();
        assertTrue(text.contains("INSERT INTO \"posts\" VALUES(1,2,'a',0.1,X'00FF10',9223372036854775807);"), text);
        assertTrue(text.contains("'O''Brien; \"quoted\"'"), text);
        assertTrue(text.contains("INSERT INTO \"sizes\"(\"w\",\"h\") VALUES(2,3);"), "generated columns left out");
        assertTrue(text.indexOf("CREATE TRIGGER") > text.lastIndexOf("INSERT INTO"), "triggers after the rows");
        Path file = dir.resolve("dump.sql");
        Files.writeString(file, text);

        Path fresh = dir.resolve("from-dump.db");
        Restore.Result result = new Restore(TestSettings.of(dir, TestSettings.file(fresh))).from(file, "dump.sql");
        assertEquals(13, result.rows());
        assertEquals(picture(db), picture(fresh));
        assertEquals(5, sequence(fresh), "AUTOINCREMENT counters come back");
    }

    @Test
    void restoreRefusesANonEmptyTarget() throws Exception {
        Path db = sample();
        Path backup = dir.resolve("b.sqlite");
        Files.copy(db, backup);
        byte[] before = Files.readAllBytes(db);
        WriterflowException e = assertThrows(WriterflowException.class,
                () -> new Restore(TestSettings.of(dir, TestSettings.file(db))).from(backup, "b.sqlite"));
        assertTrue(e.getMessage().startsWith("Refusing to restore into file:local.db (from the test): it is not empty"
                + " (5 tables: " + TestSettings.HISTORY + ", authors, posts, sizes, tags"), e.getMessage());
        assertTrue(e.getMessage().contains("Next step: Restore into a new database"), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(db));

        e = assertThrows(WriterflowException.class, () -> new Restore(TestSettings.of(dir,
                TestSettings.file(dir.resolve("new.db")))).from(dir.resolve("nope.sql"), "nope.sql"));
        assertTrue(e.getMessage().contains("nope.sql (writerflow.from) does not exist"), e.getMessage());

        e = assertThrows(WriterflowException.class, () -> new Restore(TestSettings.of(dir, new DatabaseUrl.Memory()))
                .from(backup, "b.sqlite"));
        assertTrue(e.getMessage().startsWith("Refusing to restore into :memory:"), e.getMessage());
    }

    @Test
    void aFailingDumpStatementIsNamedByLine() throws Exception {
        Path file = dir.resolve("bad.sql");
        Files.writeString(file, "CREATE TABLE a (x);\nINSERT INTO a VALUES(1);\nINSERT INTO b VALUES(2);\n");
        WriterflowException e = assertThrows(WriterflowException.class, () -> new Restore(TestSettings.of(dir,
                TestSettings.file(dir.resolve("new.db")))).from(file, "bad.sql"));
        assertTrue(e.getMessage().contains("failed at bad.sql:3: ") && e.getMessage().contains("no such table: b"),
                e.getMessage());
    }

    @Test
    void scriptSplitsOnlyOnStatementEnds() throws Exception {
        SqlScript script = new SqlScript(new StringReader("-- header\nCREATE TABLE \"a;b\" (x);\n"
                + "INSERT INTO \"a;b\" VALUES('it''s; -- not /* a comment\n');\n"
                + "CREATE TRIGGER t AFTER INSERT ON \"a;b\" BEGIN SELECT 1; SELECT 2; END;\n/* c */ SELECT [x;y];"));
        List<String> statements = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        for (SqlScript.Next next = script.next(); next != null; next = script.next()) {
            statements.add(next.sql());
            lines.add(next.line());
        }
        assertEquals(List.of("CREATE TABLE \"a;b\" (x)", "INSERT INTO \"a;b\" VALUES('it''s; -- not /* a comment\n')",
                "CREATE TRIGGER t AFTER INSERT ON \"a;b\" BEGIN SELECT 1; SELECT 2; END", "SELECT [x;y]"), statements);
        assertEquals(List.of(2, 3, 5, 6), lines);
    }

    @Test
    void memoryDatabaseCannotBeBackedUp() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:")) {
            WriterflowException e = assertThrows(WriterflowException.class,
                    () -> new Backups(dir, CLOCK, Set.of()).write(c, new DatabaseUrl.Memory()));
            assertTrue(e.getMessage().contains("an in-memory database has nothing to keep"), e.getMessage());
        }
    }

    @Test
    void aFailedBackupStopsTheApplyBeforeAnyMigration() throws Exception {
        Path drizzle = DrizzleDirectory.inProject(dir, Migrations.INIT.toArray(String[]::new)).root();
        io.writerflow.maven.engine.EngineSettings settings = TestSettings.of(drizzle,
                TestSettings.file(dir.resolve("local.db")));
        Files.writeString(dir.resolve("not-a-directory"), "");
        io.writerflow.maven.engine.MigrationEngine engine = new io.writerflow.maven.engine.MigrationEngine(settings);
        WriterflowException e = assertThrows(WriterflowException.class, () -> engine.apply(engine.loadDirectory(),
                ApplyOptions.backingUpInto(new BackupTarget(dir.resolve("not-a-directory/backups"), CLOCK)),
                m -> { }));
        assertTrue(e.getMessage().startsWith("Backup of file:local.db into " + dir.resolve("not-a-directory/backups")
                + " failed: ") && e.getMessage().contains("No migration was applied.")
                && e instanceof BackupFailed failed && !failed.inMemory(), e.getMessage());
        assertEquals(1, engine.status(engine.loadDirectory()).count(io.writerflow.maven.engine.MigrationState.PENDING));
    }
}
