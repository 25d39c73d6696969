package io.writerflow.maven.backup;

import io.writerflow.maven.WriterflowException;
import io.writerflow.maven.engine.ApplyListener;
import io.writerflow.maven.engine.ApplyOptions;
import io.writerflow.maven.engine.ApplyResult;
import io.writerflow.maven.engine.ApplyResult.AppliedMigration;
import io.writerflow.maven.engine.EngineSettings;
import io.writerflow.maven.engine.MigrationEngine;
import io.writerflow.maven.engine.MigrationState;
import io.writerflow.maven.engine.database.DatabaseConnections;
import io.writerflow.maven.engine.backup.Backup;
import io.writerflow.maven.engine.backup.BackupTarget;
import io.writerflow.maven.engine.backup.Backups;
import io.writerflow.maven.settings.DatabaseUrl;
import io.writerflow.maven.testing.DrizzleDirectory;
import io.writerflow.maven.testing.TestSettings;
import io.writerflow.maven.testing.TursoServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Dumps of the real Turso server, restored into embedded files and into another server; dry runs against it. */
class RemoteBackupTest {

    @TempDir
    Path project;

    private TursoServer server;
    private EngineSettings settings;

    @BeforeEach
    void start() throws Exception {
        server = TursoServer.start();
        Path drizzle = DrizzleDirectory.inProject(project, Migrations.INIT.toArray(String[]::new)).root();
        settings = TestSettings.of(drizzle, TestSettings.url(server.baseUrl(), project));
        MigrationEngine engine = new MigrationEngine(settings);
        engine.apply(engine.loadDirectory(), m -> { });
        try (Connection c = connect(server)) {
            Databases.execute(c, Databases.SAMPLE);
        }
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private static Connection connect(TursoServer server) throws Exception {
        return server.connect();
    }

    private Backup backup() {
        try (Connection c = DatabaseConnections.open(settings, true)) {
            return new Backups(project.resolve("backups"), Clock.fixed(Instant.parse("2026-11-24T19:15:00Z"),
                    ZoneOffset.UTC), Set.of(settings.lockTable())).write(c, settings.url());
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
    }

    private List<String> remotePicture(TursoServer server) throws Exception {
        try (Connection c = connect(server)) {
            return Databases.picture(c);
        }
    }

    @Test
    void dumpRestoresIntoAFreshFileWithItsHistory() throws Exception {
        Backup backup = backup();
        assertEquals(project.resolve("backups/127.0.0.1-20261124T191500Z.sql"), backup.file());
        assertEquals(3 + 1 + 2 + 5, backup.rows(), "notes, the history row, authors, posts");
        String dump = Files.readString(backup.file());
        assertFalse(dump.contains(settings.lockTable()), "the lock the apply holds stays out of the dump");

        Path fresh = project.resolve("restored.db");
        new Restore(TestSettings.of(project, TestSettings.file(fresh))).from(backup.file(), "the dump");
        List<String> expected = new ArrayList<>(remotePicture(server).stream()
                // the Turso server keeps IF NOT EXISTS in sqlite_master; SQLite drops it
                .map(line -> line.replace("CREATE INDEX IF NOT EXISTS", "CREATE INDEX")).toList());
        expected.removeIf(line -> line.contains(settings.lockTable()));
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + fresh)) {
            assertEquals(expected, Databases.picture(c));
        }
        // the restored file knows its history: nothing is pending there
        EngineSettings restored = TestSettings.of(settings.migrationsDir(), TestSettings.file(fresh));
        MigrationEngine engine = new MigrationEngine(restored);
        assertEquals(0, engine.status(engine.loadDirectory()).count(MigrationState.PENDING));
    }

    @Test
    void aFailingDumpStatementIsNamedByLineOnTheServerAndItsTransactionLeavesNothing() throws Exception {
        Path file = project.resolve("bad.sql");
        Files.writeString(file, "CREATE TABLE a (x);\nINSERT INTO a VALUES(1);\nINSERT INTO b VALUES(2);\n");
        try (TursoServer other = TursoServer.start()) {
            EngineSettings target = TestSettings.of(project, DatabaseUrl.parse(other.baseUrl(), project, "the test"));
            WriterflowException e = assertThrows(WriterflowException.class,
                    () -> new Restore(target).from(file, "bad.sql"));
            assertTrue(e.getMessage().contains("failed at bad.sql:3: ") && e.getMessage().contains("no such table"),
                    e.getMessage());
            assertTrue(e.getMessage().contains("0 statements were restored before it"), e.getMessage());
            assertEquals(List.of(), remotePicture(other));
        }
    }

    @Test
    void dumpRestoresIntoAFreshServerAndRefusesAFullOne() throws Exception {
        Backup backup = backup();
        try (TursoServer other = TursoServer.start()) {
            EngineSettings target = TestSettings.of(project, DatabaseUrl.parse(other.baseUrl(), project,
                    "the test"));
            Restore.Result result = new Restore(target).from(backup.file(), "the dump");
            assertEquals(11, result.rows());
            List<String> expected = remotePicture(server);
            expected.removeIf(line -> line.contains(settings.lockTable()));
            assertEquals(expected, remotePicture(other));

            WriterflowException e = assertThrows(WriterflowException.class,
                    () -> new Restore(target).from(backup.file(), "the dump"));
            assertTrue(e.getMessage().startsWith("Refusing to restore into " + target.url().display()), e.getMessage());
        }
    }

    @Test
    void dryRunsAgainstTheServerChangeNothingThere() throws Exception {
        String init = Files.readString(settings.migrationsDir().resolve("0000_init.sql"));
        String fill = "UPDATE `notes` SET `body` = 'x' WHERE `body` IS NULL;";
        DrizzleDirectory.inProject(project, "0000_init", init, "0001_fill", fill);
        List<String> before = remotePicture(server);
        List<AppliedMigration> told = new ArrayList<>();

        DryRun.Result clean = new DryRun(settings).run(new MigrationEngine(settings).loadDirectory(), told::add);

        assertNull(clean.failure());
        assertEquals(List.of("0001_fill"), told.stream().map(AppliedMigration::tag).toList());
        assertEquals(1, told.get(0).rowsChanged());
        assertEquals(before, remotePicture(server), "rows and history on the server unchanged");
        String limits = clean.limits().orElseThrow();
        assertTrue(limits.startsWith("This dry run ran on a local SQLite copy of the schema and data of "
                + settings.url().display() + ", not on the server. It cannot prove what only the server decides:"),
                limits);
        assertTrue(limits.contains("foreign-key enforcement") && limits.contains("limits on request size")
                && limits.contains("writes by others"), limits);

        DrizzleDirectory.inProject(project, "0000_init", init, "0001_fill", fill,
                "0002_strict", "CREATE TABLE `notes_new` (`id` integer PRIMARY KEY, `body` text NOT NULL);\n"
                        + "--> statement-breakpoint\nINSERT INTO `notes_new` SELECT * FROM `notes`;"
                        + "\n--> statement-breakpoint\nINSERT INTO `notes_new` SELECT `id` + 10, `bio` FROM `authors`;");
        DryRun.Result failed = new DryRun(settings).run(new MigrationEngine(settings).loadDirectory(), m -> { });
        assertEquals(List.of("0001_fill"), failed.applied().stream().map(AppliedMigration::tag).toList());
        String message = failed.failure().getMessage();
        assertTrue(message.contains("drizzle/0002_strict.sql:5") && message.contains("NOT NULL"), message);
        assertEquals(before, remotePicture(server));
    }

    @Test
    void backupBeforeARemoteApplyHoldsTheStateBeforeTheMigration() throws Exception {
        String init = Files.readString(settings.migrationsDir().resolve("0000_init.sql"));
        DrizzleDirectory.inProject(project, "0000_init", init, "0001_more",
                "INSERT INTO `notes` (`body`) VALUES ('new');");
        List<Backup> written = new ArrayList<>();
        MigrationEngine engine = new MigrationEngine(settings);
        ApplyResult result = engine.apply(engine.loadDirectory(),
                ApplyOptions.backingUpInto(new BackupTarget(project.resolve("backups"), Clock.systemUTC())),
                new ApplyListener() {
                    @Override
                    public void applied(AppliedMigration migration) {
                    }

                    @Override
                    public void backedUp(Backup backup) {
                        written.add(backup);
                    }
                });

        assertEquals(1, written.size());
        assertEquals(result.backup(), Optional.of(written.get(0)));
        String dump = Files.readString(written.get(0).file());
        assertFalse(dump.contains("'new'"), "taken before the migration ran");
        assertFalse(dump.contains(settings.lockTable()), "the held lock is not in the dump");
        assertTrue(dump.contains("'0000_init'") && !dump.contains("'0001_more'"), dump);
        try (Connection c = connect(server)) {
            assertEquals(4, Databases.count(c, "notes"), "the apply went on after the backup");
        }
    }

    @Test
    void fileCopyRestoresIntoAFreshServer() throws Exception {
        Path db = project.resolve("local.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            Databases.execute(c, Databases.SAMPLE);
        }
        Backup backup;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            backup = new Backups(project.resolve("backups"), Clock.systemUTC(), Set.of())
                    .write(c, TestSettings.file(db));
        }
        try (TursoServer other = TursoServer.start()) {
            Restore.Result result = new Restore(TestSettings.of(project, DatabaseUrl.parse(other.baseUrl(), project,
                    "the test"))).from(backup.file(), "the copy");
            assertEquals(7, result.rows());
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
                // the Turso server stores a CREATE as it re-prints it: "authors(id)" becomes "authors (id)"
                assertEquals(Databases.picture(c).stream().map(l -> l.replace("authors(id)", "authors (id)")).toList(),
                        remotePicture(other));
            }
        }
    }
}
