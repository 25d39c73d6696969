package io.writerflow.maven.backup;

import io.writerflow.maven.WriterflowException;
import io.writerflow.maven.engine.ApplyResult.AppliedMigration;
import io.writerflow.maven.engine.EngineSettings;
import io.writerflow.maven.engine.MigrationEngine;
import io.writerflow.maven.testing.DrizzleDirectory;
import io.writerflow.maven.testing.TestSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Dry runs on embedded files: the same engine on a throwaway copy, the file itself untouched. */
class DryRunTest {

    @TempDir
    Path project;

    private EngineSettings applied(String... more) throws Exception {
        List<String> all = new ArrayList<>(Migrations.INIT);
        Path drizzle = DrizzleDirectory.inProject(project, all.toArray(String[]::new)).root();
        EngineSettings settings = TestSettings.of(drizzle, TestSettings.file(project.resolve("local.db")));
        MigrationEngine engine = new MigrationEngine(settings);
        engine.apply(engine.loadDirectory(), m -> { });
        all.addAll(List.of(more));
        DrizzleDirectory.inProject(project, all.toArray(String[]::new));
        return settings;
    }

    @Test
    void aCleanDryRunReportsEachMigrationAndChangesNothing() throws Exception {
        EngineSettings settings = applied(
                "0001_fill", "UPDATE `notes` SET `body` = 'x' WHERE `body` IS NULL;\n--> statement-breakpoint\n"
                        + "DELETE FROM `notes` WHERE `id` = 1;",
                "0002_tags", "CREATE TABLE `tags` (`id` integer PRIMARY KEY);");
        byte[] before = Files.readAllBytes(project.resolve("local.db"));
        List<AppliedMigration> told = new ArrayList<>();

        DryRun.Result result = new DryRun(settings).run(new MigrationEngine(settings).loadDirectory(), told::add);

        assertNull(result.failure());
        assertEquals(told, result.applied());
        assertEquals(List.of("0001_fill", "0002_tags"), told.stream().map(AppliedMigration::tag).toList());
        assertEquals(2, told.get(0).statements());
        assertEquals(2, told.get(0).rowsChanged(), "one row updated, one deleted");
        assertEquals(0, told.get(1).rowsChanged());
        assertArrayEquals(before, Files.readAllBytes(project.resolve("local.db")));
        assertEquals(2, pending(settings), "the history is untouched");
        assertEquals(java.util.Optional.empty(), result.limits(), "the copy ran on the file's own engine");
    }

    @Test
    void aDryRunCountsTheRowsOfTheTablesItDropsButNotOfThoseItRebuilds() throws Exception {
        String tags = "CREATE TABLE `tags` (`id` integer PRIMARY KEY);\n--> statement-breakpoint\n"
                + "INSERT INTO `tags` VALUES (1), (2), (3);";
        EngineSettings settings = applied("0001_tags", tags);
        MigrationEngine engine = new MigrationEngine(settings);
        engine.apply(engine.loadDirectory(), m -> { });
        DrizzleDirectory.inProject(project, Stream.concat(Migrations.INIT.stream(), Stream.of("0001_tags", tags,
                "0002_rebuild_notes", "CREATE TABLE `__new_notes` (`id` integer PRIMARY KEY, `body` text);\n"
                        + "--> statement-breakpoint\nINSERT INTO `__new_notes` SELECT `id`, `body` FROM `notes`;\n"
                        + "--> statement-breakpoint\nDROP TABLE `notes`;\n--> statement-breakpoint\n"
                        + "ALTER TABLE `__new_notes` RENAME TO `notes`;",
                "0003_drop_tags", "DROP TABLE IF EXISTS \"tags\";",
                "0004_scratch", "CREATE TABLE `scratch` (`id` integer);\n--> statement-breakpoint\nDROP TABLE `scratch`;"))
                .toArray(String[]::new));

        DryRun.Result result = new DryRun(settings).run(engine.loadDirectory(), m -> { });

        assertNull(result.failure());
        assertEquals(List.of(new DryRun.DroppedTable("tags", 3, java.util.Optional.of("0003_drop_tags"))),
                result.dropped(), "notes was rebuilt, scratch never held rows of the database");
    }

    @Test
    void tablesWithQuotesAndSpacesInTheirNamesAreFoundDroppedOrRenamed() throws Exception {
        String tables = "CREATE TABLE `my ``tags\"` (`id` integer PRIMARY KEY);\n--> statement-breakpoint\n"
                + "INSERT INTO `my ``tags\"` VALUES (1), (2);\n--> statement-breakpoint\n"
                + "CREATE TABLE \"old \"\"x\"\"\" (`id` integer);\n--> statement-breakpoint\n"
                + "INSERT INTO \"old \"\"x\"\"\" VALUES (1);";
        EngineSettings settings = applied("0001_tables", tables);
        MigrationEngine engine = new MigrationEngine(settings);
        engine.apply(engine.loadDirectory(), m -> { });
        DrizzleDirectory.inProject(project, Stream.concat(Migrations.INIT.stream(), Stream.of("0001_tables", tables,
                "0002_rename", "ALTER TABLE main.\"old \"\"x\"\"\" RENAME TO `new x`;",
                "0003_drop", "DROP TABLE [my `tags\"];")).toArray(String[]::new));

        DryRun.Result result = new DryRun(settings).run(engine.loadDirectory(), m -> { });

        assertNull(result.failure());
        assertEquals(List.of(new DryRun.DroppedTable("my `tags\"", 2, java.util.Optional.of("0003_drop"))),
                result.dropped(), "old \"x\" was renamed, not dropped");
    }

    @Test
    void aFailingDryRunNamesTheStatementAndChangesNothing() throws Exception {
        EngineSettings settings = applied(
                "0001_ok", "CREATE TABLE `tags` (`id` integer PRIMARY KEY);",
                "0002_strict", "CREATE TABLE `notes_new` (`id` integer PRIMARY KEY, `body` text NOT NULL);\n"
                        + "--> statement-breakpoint\n"
                        + "INSERT INTO `notes_new` SELECT * FROM `notes`;");
        byte[] before = Files.readAllBytes(project.resolve("local.db"));

        DryRun.Result result = new DryRun(settings).run(new MigrationEngine(settings).loadDirectory(), m -> { });

        assertEquals(List.of("0001_ok"), result.applied().stream().map(AppliedMigration::tag).toList());
        assertNotNull(result.failure());
        String message = result.failure().getMessage();
        assertTrue(message.contains("drizzle/0002_strict.sql:3") && message.contains("NOT NULL"), message);
        assertArrayEquals(before, Files.readAllBytes(project.resolve("local.db")));
        assertEquals(2, pending(settings));
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + project.resolve("local.db"))) {
            assertEquals(1, Databases.count(c, TestSettings.HISTORY));
            assertFalse(Databases.picture(c).stream().anyMatch(l -> l.contains("tags")));
        }
    }

    @Test
    void aDatabaseThatDoesNotExistYetStaysAbsent() throws Exception {
        Path drizzle = DrizzleDirectory.inProject(project, Migrations.INIT.toArray(String[]::new)).root();
        EngineSettings settings = TestSettings.of(drizzle, TestSettings.file(project.resolve("new.db")));
        DryRun.Result result = new DryRun(settings).run(new MigrationEngine(settings).loadDirectory(), m -> { });
        assertNull(result.failure());
        assertEquals(3, result.applied().get(0).rowsChanged());
        assertFalse(Files.exists(project.resolve("new.db")));
    }

    @Test
    void anInMemoryDatabaseHasNoLockToTakeAndRunsOnAFreshCopy() throws Exception {
        Path drizzle = DrizzleDirectory.inProject(project, Migrations.INIT.toArray(String[]::new)).root();
        EngineSettings settings = TestSettings.of(drizzle,
                io.writerflow.maven.settings.DatabaseUrl.parse(":memory:", project, "the test"));
        DryRun.Result result = new DryRun(settings).run(new MigrationEngine(settings).loadDirectory(), m -> { });
        assertNull(result.failure());
        assertEquals(List.of("0000_init"), result.applied().stream().map(AppliedMigration::tag).toList());
        assertEquals(java.util.Optional.empty(), result.limits());
    }

    private static long pending(EngineSettings settings) {
        MigrationEngine engine = new MigrationEngine(settings);
        return engine.status(engine.loadDirectory()).count(io.writerflow.maven.engine.MigrationState.PENDING);
    }

    @Test
    void aFailedDryRunSaysHowFarItGotThenTheFailingMigrationsOwnProblemAndNextStep() {
        WriterflowException cause = new WriterflowException(
                "drizzle/0002_c.sql:3: no such table: gone", "Fix the statement.");
        DryRun.Result result = new DryRun.Result(List.of(new AppliedMigration("0000_a", 1, Duration.ZERO),
                new AppliedMigration("0001_b", 2, Duration.ZERO)), cause, List.of(), Optional.empty());
        WriterflowException failure = result.failedOn("file:local.db");
        assertEquals("Dry run: 2 migrations would apply, then the next would fail on file:local.db; nothing was"
                + " changed.\ndrizzle/0002_c.sql:3: no such table: gone\n  Next step: Fix the statement.",
                failure.getMessage());
        assertEquals(cause, failure.getCause());
    }
}
