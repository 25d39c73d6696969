package io.writerflow.maven.engine;

import io.writerflow.maven.WriterflowException;
import io.writerflow.maven.engine.drift.Drift;
import io.writerflow.maven.engine.drift.DriftReport;
import io.writerflow.maven.testing.TestSettings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** apply, status, drift and adoption on a directory in drizzle-kit 1.0's layout, on an embedded file. */
class FolderLayoutEngineTest {

    private static final String INIT = "20261202140057_init";
    private static final String TAGS = "20261202140100_add_tags";

    @TempDir
    Path project;

    MigrationFixture fixture;

    @BeforeEach
    void twoMigrations() throws Exception {
        fixture = MigrationFixture.inFolders(project)
                .migration(INIT, "CREATE TABLE `users` (\n\t`id` integer PRIMARY KEY,\n\t`email` text NOT NULL UNIQUE\n);")
                .migration(TAGS, "CREATE TABLE `tags` (`id` integer PRIMARY KEY, `name` text NOT NULL);\n"
                        + "--> statement-breakpoint\nCREATE INDEX `tags_name_idx` ON `tags` (`name`);");
    }

    private static String resource(String name) throws Exception {
        try (InputStream in = FolderLayoutEngineTest.class.getResourceAsStream("/schema/snapshots/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void appliesTheFoldersInOrderWithTheirTimestampsAsVersions() throws Exception {
        ApplyResult result = fixture.apply();

        assertEquals(List.of(INIT, TAGS), result.applied().stream().map(ApplyResult.AppliedMigration::tag).toList());
        assertEquals(List.of("20261202140057 " + INIT + " 1", "20261202140100 " + TAGS + " 1"), fixture.history());
        try (Connection c = fixture.connect(); ResultSet rs = c.createStatement().executeQuery(
                "SELECT script FROM " + TestSettings.HISTORY + " WHERE version = '20261202140100'")) {
            assertEquals("drizzle/" + TAGS + "/migration.sql", rs.getString(1));
        }
        StatusReport status = fixture.status();
        assertEquals(List.of(MigrationState.APPLIED, MigrationState.APPLIED),
                status.migrations().stream().map(MigrationStatus::state).toList());
        assertEquals(TAGS, status.current().orElseThrow());
        assertTrue(fixture.apply().applied().isEmpty());
    }

    @Test
    void aNewFolderIsPendingThenApplied() throws Exception {
        fixture.apply();
        fixture.migration("20261203090000_add_score", "ALTER TABLE `users` ADD `score` real;");

        assertEquals(MigrationState.PENDING, fixture.status().migrations().get(2).state());
        assertEquals(List.of("20261203090000_add_score"), fixture.apply().applied().stream()
                .map(ApplyResult.AppliedMigration::tag).toList());
    }

    /** A branch merged with an older folder: drizzle-orm 1.0 would run it late; the plugin stops and says why. */
    @Test
    void aFolderOlderThanTheLastAppliedOneIsRefused() throws Exception {
        fixture.apply();
        fixture.migration("20261202140058_from_a_branch", "CREATE TABLE `late` (`id` integer);");

        WriterflowException e = assertThrows(WriterflowException.class, fixture::apply);

        assertTrue(e.getMessage().contains("drizzle/20261202140058_from_a_branch/migration.sql is not applied, but a"
                + " later migration is"), e.getMessage());
    }

    @Test
    void anEditedAppliedMigrationIsRefusedNamingItsFile() throws Exception {
        fixture.apply();
        Files.writeString(project.resolve("drizzle/" + INIT + "/migration.sql"), "SELECT 'edited';");

        WriterflowException e = assertThrows(WriterflowException.class, fixture::apply);

        assertTrue(e.getMessage().startsWith("drizzle/" + INIT + "/migration.sql was changed after it was applied"),
                e.getMessage());
    }

    /** drizzle-kit 1.0's own SQL for every part of the model, and its snapshot: no drift between the two. */
    @Test
    void driftComparesTheDatabaseWithTheLastAppliedFoldersSnapshot() throws Exception {
        MigrationFixture rich = MigrationFixture.inFolders(project.resolve("rich"))
                .migration("20261202160641_rich", resource("v7/rich.sql"));
        Files.writeString(rich.drizzle.resolve("20261202160641_rich/snapshot.json"), resource("v7/rich.json"));
        rich.apply();

        DriftReport clean = rich.status().drift();
        assertTrue(clean.compared(), clean.note());
        assertEquals("compared with drizzle/20261202160641_rich/snapshot.json", clean.note());
        assertEquals(List.of(), clean.differences());

        try (Connection c = rich.connect(); Statement s = c.createStatement()) {
            s.execute("DROP INDEX `users_lower_idx`");
        }
        assertEquals(List.of("index users_lower_idx missing"),
                rich.status().drift().differences().stream().map(Drift::message).toList());
    }

    /** What drizzle-orm 1.0's migrator leaves behind: rows named after the folders. */
    @Test
    void adoptsWhatDrizzleOrm1AppliedByTheFoldersNames() throws Exception {
        try (Connection c = fixture.connect(); Statement s = c.createStatement()) {
            s.execute(Files.readString(project.resolve("drizzle/" + INIT + "/migration.sql")));
            s.execute("CREATE TABLE __drizzle_migrations (id INTEGER PRIMARY KEY, hash text NOT NULL, created_at numeric,"
                    + " name text, applied_at TEXT)");
            s.execute("INSERT INTO __drizzle_migrations (hash, created_at, name, applied_at) VALUES ('"
                    + sha256(project.resolve("drizzle/" + INIT + "/migration.sql")) + "', "
                    + Instant.parse("2026-12-02T14:00:57Z").toEpochMilli() + ", '" + INIT + "', '2026-12-02T15:00:00Z')");
        }
        List<String> notices = new ArrayList<>();
        MigrationEngine engine = fixture.engine();

        ApplyResult result = new MigrationEngine(TestSettings.of(fixture.drizzle, TestSettings.file(fixture.database)),
                notices::add)
                .apply(engine.loadDirectory(), m -> { });

        assertEquals(List.of(TAGS), result.applied().stream().map(ApplyResult.AppliedMigration::tag).toList());
        assertEquals(1, notices.size(), notices.toString());
        assertTrue(notices.get(0).startsWith("Adopted " + INIT + " as applied"), notices.get(0));
        assertEquals(List.of("20261202140057 " + INIT + " 1", "20261202140100 " + TAGS + " 1"), fixture.history());
    }

    /**
     * A database drizzle-orm 0.x migrated from the journal, whose directory drizzle-kit 1.0's {@code up} then
     * turned into folders: its rows have the journal's {@code when} to the millisecond and no name; matched to
     * the folder of that second, as drizzle-orm 1.0 matches them.
     */
    @Test
    void adoptsRowsFromBeforeTheFoldersByTheSecondOfTheirTime() throws Exception {
        try (Connection c = fixture.connect(); Statement s = c.createStatement()) {
            s.execute(Files.readString(project.resolve("drizzle/" + INIT + "/migration.sql")));
            s.execute("CREATE TABLE __drizzle_migrations (id SERIAL PRIMARY KEY, hash text NOT NULL, created_at numeric)");
            s.execute("INSERT INTO __drizzle_migrations (hash, created_at) VALUES ('"
                    + sha256(project.resolve("drizzle/" + INIT + "/migration.sql")) + "', "
                    + Instant.parse("2026-12-02T14:00:57.345Z").toEpochMilli() + ")");
        }

        ApplyResult result = fixture.apply();

        assertEquals(List.of(TAGS), result.applied().stream().map(ApplyResult.AppliedMigration::tag).toList());
        assertEquals(List.of("20261202140057 " + INIT + " 1", "20261202140100 " + TAGS + " 1"), fixture.history());
    }

    private static String sha256(Path file) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(file)));
    }
}
