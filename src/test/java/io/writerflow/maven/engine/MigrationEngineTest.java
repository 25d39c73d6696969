package io.writerflow.maven.engine;

import io.writerflow.maven.engine.database.DatabaseUnavailable;
import io.writerflow.maven.engine.apply.HistoryConflict;
import io.writerflow.maven.WriterflowException;
import io.writerflow.maven.engine.database.DatabaseMessage;
import io.writerflow.maven.settings.DatabaseUrl;
import io.writerflow.maven.testing.TestSettings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MigrationEngineTest {

    @TempDir
    Path project;

    MigrationFixture fixture;

    @BeforeEach
    void twoMigrations() throws Exception {
        fixture = new MigrationFixture(project)
                .migration("0000_init", "CREATE TABLE `users` (\n\t`id` integer PRIMARY KEY NOT NULL,\n\t`name` text\n);\n"
                        + "--> statement-breakpoint\nCREATE INDEX `users_name_idx` ON `users` (`name`);")
                .migration("0001_add_tags", "CREATE TABLE `tags` (`id` integer PRIMARY KEY, `name` text NOT NULL);");
    }

    @Test
    void appliesPendingMigrationsInOrderAndRecordsThem() throws Exception {
        List<String> reported = new ArrayList<>();
        MigrationEngine engine = fixture.engine();
        ApplyResult result = engine.apply(engine.loadDirectory(), m -> reported.add(m.tag() + "/" + m.statements()));

        assertEquals(List.of("0000_init/2", "0001_add_tags/1"), reported);
        assertEquals("0001_add_tags", result.current().orElseThrow());
        assertEquals(List.of(TestSettings.HISTORY, "tags", "users"), fixture.tables());
        assertEquals(List.of("0 0000_init 1", "1 0001_add_tags 1"), fixture.history());
        try (Connection c = fixture.connect(); ResultSet rs = c.createStatement().executeQuery(
                "SELECT installed_by, checksum, execution_time >= 0, installed_on IS NOT NULL, script FROM "
                        + TestSettings.HISTORY + " WHERE version = '1'")) {
            assertTrue(rs.next());
            assertEquals("tester", rs.getString(1));
            assertEquals(fixture.engine().loadDirectory().migrations().get(1).checksum(), rs.getInt(2));
            assertTrue(rs.getBoolean(3));
            assertTrue(rs.getBoolean(4));
            assertEquals("drizzle/0001_add_tags.sql", rs.getString(5));
        }
    }

    @Test
    void secondApplyHasNothingToDo() throws Exception {
        fixture.apply();
        ApplyResult again = fixture.apply();
        assertTrue(again.applied().isEmpty());
        assertEquals("0001_add_tags", again.current().orElseThrow());
        assertEquals(2, fixture.history().size());
    }

    @Test
    void appliesOnlyWhatIsNew() throws Exception {
        fixture.apply();
        fixture.migration("0002_add_score", "ALTER TABLE `users` ADD `score` real DEFAULT 0 NOT NULL;");
        ApplyResult result = fixture.apply();
        assertEquals(List.of("0002_add_score"), result.applied().stream().map(ApplyResult.AppliedMigration::tag).toList());
    }

    @Test
    void failingStatementRollsBackItsMigrationAndNamesWhereItIs() throws Exception {
        fixture.apply();
        fixture.migration("0002_broken", "CREATE TABLE `documents` (`id` integer);\n--> statement-breakpoint\n"
                + "\nINSERT INTO `nope` VALUES (1);\n--> statement-breakpoint\nCREATE TABLE `never` (`id` integer);");
        fixture.migration("0003_after", "CREATE TABLE `later` (`id` integer);");

        WriterflowException e = assertThrows(WriterflowException.class, fixture::apply);
        String message = e.getMessage();
        assertTrue(message.contains("Migration 0002_broken failed at statement 2 of 3"), message);
        assertTrue(message.contains("drizzle/0002_broken.sql:4"), message);
        assertTrue(message.contains("no such table: nope"), message);
        assertTrue(message.contains("still at 0001_add_tags"), message);
        assertTrue(message.contains("Next step"), message);

        // statement 1 of the failed migration was rolled back with it, and nothing after it ran
        assertEquals(List.of(TestSettings.HISTORY, "tags", "users"), fixture.tables());
        assertEquals(List.of("0 0000_init 1", "1 0001_add_tags 1"), fixture.history());
        StatusReport status = fixture.status();
        assertEquals(2, status.count(MigrationState.PENDING));
        assertEquals(0, status.count(MigrationState.FAILED));
    }

    @Test
    void failureInTheFirstMigrationLeavesAnEmptyHistory() throws Exception {
        MigrationFixture broken = new MigrationFixture(project.resolve("p2"))
                .migration("0000_bad", "CREATE TABLE a (id integer);\nCREATE TABLEX b;");
        Files.createDirectories(broken.project);
        WriterflowException e = assertThrows(WriterflowException.class, broken::apply);
        assertTrue(e.getMessage().contains("statement 2 of 2"), e.getMessage());
        assertTrue(e.getMessage().contains("still without any migration"), e.getMessage());
        assertFalse(broken.tables().contains("a"));
    }

    @Test
    void editedAppliedMigrationIsRefusedBeforeAnythingRuns() throws Exception {
        fixture.apply();
        fixture.migration("0002_new", "CREATE TABLE `new_table` (`id` integer);");
        Files.writeString(fixture.drizzle.resolve("0000_init.sql"), "CREATE TABLE `users` (`id` integer);");

        WriterflowException e = assertThrows(WriterflowException.class, fixture::apply);
        assertTrue(e.getMessage().contains("drizzle/0000_init.sql was changed after it was applied"), e.getMessage());
        assertEquals(HistoryConflict.Kind.CHANGED, ((HistoryConflict) e).kind());
        assertEquals("drizzle/0000_init.sql", ((HistoryConflict) e).file());
        assertFalse(fixture.tables().contains("new_table"));
        assertEquals(MigrationState.CHANGED, fixture.status().migrations().get(0).state());
    }

    @Test
    void anotherMigrationAtAnAppliedIdxIsCalledARenumberingNotAnEdit() throws Exception {
        fixture.apply();
        // after a merge, another branch's migration took idx 1 and the applied one moved to idx 2
        MigrationFixture merged = new MigrationFixture(project)
                .migration("0000_init", Files.readString(fixture.drizzle.resolve("0000_init.sql")))
                .migration("0001_other_branch", "CREATE TABLE `other` (`id` integer);")
                .migration("0002_add_tags", Files.readString(fixture.drizzle.resolve("0001_add_tags.sql")));
        StatusReport status = merged.status();
        MigrationStatus row = status.migrations().get(1);
        assertEquals(MigrationState.CHANGED, row.state());
        assertEquals("0001_other_branch", row.tag());
        assertEquals("0001_add_tags", row.appliedTag());
        WriterflowException e = assertThrows(WriterflowException.class, merged::apply);
        assertTrue(e.getMessage().contains("applied 0001_add_tags as version 1")
                && e.getMessage().contains("now lists 0001_other_branch"), e.getMessage());
        assertFalse(merged.tables().contains("other"));
    }

    @Test
    void lineEndingChangesAreNotEdits() throws Exception {
        fixture.apply();
        Path file = fixture.drizzle.resolve("0000_init.sql");
        Files.writeString(file, Files.readString(file).replace("\n", "\r\n"));
        assertTrue(fixture.apply().applied().isEmpty());
    }

    @Test
    void appliedMigrationMissingFromTheJournalIsReportedAndRefused() throws Exception {
        fixture.apply();
        MigrationFixture older = new MigrationFixture(project)
                .migration("0000_init", Files.readString(fixture.drizzle.resolve("0000_init.sql")));
        Files.delete(fixture.drizzle.resolve("0001_add_tags.sql"));

        StatusReport status = older.status();
        assertEquals(MigrationState.MISSING, status.migrations().get(1).state());
        assertEquals(null, status.migrations().get(1).file());
        WriterflowException e = assertThrows(WriterflowException.class, older::apply);
        assertTrue(e.getMessage().contains("0001_add_tags") && e.getMessage().contains("does not list it"),
                e.getMessage());
    }

    @Test
    void databaseWithTablesButNoHistoryIsRefused() throws Exception {
        try (Connection c = fixture.connect()) {
            c.createStatement().execute("CREATE TABLE legacy (id integer)");
        }
        WriterflowException e = assertThrows(WriterflowException.class, fixture::apply);
        assertTrue(e.getMessage().contains("already has tables (legacy)"), e.getMessage());
        assertEquals(List.of("legacy"), fixture.tables());
    }

    @Test
    void lockedDatabaseFailsClearlyAndChangesNothing() throws Exception {
        try (Connection holder = fixture.connect()) {
            holder.createStatement().execute("PRAGMA journal_mode=DELETE");
            holder.setAutoCommit(false);
            holder.createStatement().execute("CREATE TABLE held (id integer)");
            WriterflowException e = assertThrows(WriterflowException.class, fixture::apply);
            assertTrue(e.getMessage().contains("is locked by another process"), e.getMessage());
            holder.rollback();
        }
        assertEquals(List.of(), fixture.tables());
    }

    @Test
    void fileThatIsNotADatabaseIsNamed() throws Exception {
        Files.writeString(fixture.database, "this is not a database, just some text that is long enough".repeat(20));
        WriterflowException e = assertThrows(WriterflowException.class, fixture::apply);
        assertTrue(e.getMessage().contains("file:local.db") && e.getMessage().contains("not an SQLite database"),
                e.getMessage());
    }

    @Test
    void missingParentDirectoryIsNamed() {
        MigrationEngine engine = fixture.engine(new DatabaseUrl.File(project.resolve("no/such/dir.db"), "file:no/such/dir.db"));
        WriterflowException e = assertThrows(WriterflowException.class,
                () -> engine.apply(engine.loadDirectory(), m -> { }));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    }

    @Test
    void unreachableRemoteDatabaseIsNamedAndNothingChanges() throws Exception {
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        MigrationEngine engine = fixture.engine(TestSettings.url("http://127.0.0.1:" + port, project));
        WriterflowException e = assertThrows(WriterflowException.class,
                () -> engine.apply(engine.loadDirectory(), m -> { }));
        assertTrue(e.getMessage().contains("Cannot reach database http://127.0.0.1:" + port + " (from the test)"),
                e.getMessage());
        assertTrue(e.getMessage().contains("Nothing was changed"), e.getMessage());
        assertEquals(DatabaseUnavailable.Reason.UNREACHABLE, ((DatabaseUnavailable) e).reason());
    }

    @Test
    void statusBeforeTheFirstApplyDoesNotCreateTheFile() {
        StatusReport report = fixture.status();
        assertFalse(report.databaseExists());
        assertFalse(Files.exists(fixture.database));
        assertEquals(2, report.count(MigrationState.PENDING));
        assertTrue(report.current().isEmpty());
    }

    @Test
    void statusReportsAppliedAndPending() throws Exception {
        MigrationFixture first = new MigrationFixture(project)
                .migration("0000_init", Files.readString(fixture.drizzle.resolve("0000_init.sql")));
        first.apply();
        fixture.migration("0001_add_tags", Files.readString(fixture.drizzle.resolve("0001_add_tags.sql")));

        StatusReport report = fixture.status();
        assertTrue(report.databaseExists());
        assertEquals(List.of(MigrationState.APPLIED, MigrationState.PENDING),
                report.migrations().stream().map(MigrationStatus::state).toList());
        MigrationStatus applied = report.migrations().get(0);
        assertEquals("0", applied.version());
        assertEquals("drizzle/0000_init.sql", applied.file());
        assertEquals("tester", applied.appliedBy());
        assertTrue(applied.appliedAt() != null);
        assertEquals("0000_init", report.current().orElseThrow());
    }

    @Test
    void statusNeverWritesToTheDatabase() throws Exception {
        fixture.apply();
        long modified = Files.getLastModifiedTime(fixture.database).toMillis();
        byte[] before = Files.readAllBytes(fixture.database);
        fixture.status();
        assertEquals(modified, Files.getLastModifiedTime(fixture.database).toMillis());
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(fixture.database)));
    }

    @Test
    void inMemoryDatabase() {
        MigrationEngine engine = fixture.engine(new DatabaseUrl.Memory());
        ApplyResult result = engine.apply(engine.loadDirectory(), m -> { });
        assertEquals(2, result.applied().size());
    }

    @Test
    void severalStatementsWithoutBreakpointsAllRun() throws Exception {
        fixture.migration("0002_handwritten", "CREATE TABLE x (id integer);\nCREATE TABLE y (id integer);\n"
                + "INSERT INTO x VALUES (1);");
        fixture.apply();
        assertTrue(fixture.tables().containsAll(List.of("x", "y")));
    }

    @Test
    void databaseMessageDropsTheDriverWrapping() {
        assertEquals("SQLITE_ERROR: no such table: nope", DatabaseMessage.of(
                new java.sql.SQLException("[SQLITE_ERROR] SQL error or missing database (no such table: nope)")));
    }
}
