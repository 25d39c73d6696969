package io.writerflow.maven.engine;

import io.writerflow.maven.engine.rollback.RollbackRefused;
import io.writerflow.maven.engine.rollback.RollbackRequest;
import io.writerflow.maven.migrations.MigrationDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** writerflow:rollback's engine: down migrations through the apply plan, newest first, with their history. */
class RollbackTest {

    @TempDir
    Path project;

    private ApplyTarget target;

    @AfterEach
    void stop() throws Exception {
        if (target != null) {
            target.close();
        }
    }

    /** users, then posts (a table with a column added later), then a column dropped again by its down migration. */
    private MigrationFixture migrations() throws Exception {
        MigrationFixture fixture = new MigrationFixture(project)
                .migration("0000_users", "CREATE TABLE `users` (`id` integer PRIMARY KEY NOT NULL, `name` text);")
                .migration("0001_posts", "CREATE TABLE `posts` (`id` integer PRIMARY KEY NOT NULL, `user_id` integer"
                        + " REFERENCES `users`(`id`));")
                .migration("0002_score", "ALTER TABLE `users` ADD `score` integer;");
        down(fixture, "0000_users", "-- writerflow:loses table \"users\"\nDROP TABLE `users`;");
        down(fixture, "0001_posts", "-- writerflow:loses table \"posts\"\nDROP TABLE `posts`;");
        down(fixture, "0002_score", "-- writerflow:loses column \"users\".\"score\"\n"
                + "ALTER TABLE `users` DROP COLUMN `score`;");
        return fixture;
    }

    private static void down(MigrationFixture fixture, String tag, String sql) throws Exception {
        Files.writeString(fixture.drizzle.resolve(tag + ".down.sql"), "-- Down migration of " + tag + "\n" + sql + "\n");
    }

    private ApplyResult rollback(RollbackRequest request) {
        MigrationEngine engine = target.engine();
        return engine.rollback(engine.loadDirectory(), request, m -> { });
    }

    private RollbackRequest after(String name, boolean acceptDataLoss) {
        MigrationDirectory directory = target.engine().loadDirectory();
        return RollbackRequest.after(directory.find("writerflow.target", name), acceptDataLoss);
    }

    private List<String> history() throws Exception {
        try (Connection c = target.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT description || ' ' || type FROM " + io.writerflow.maven.testing.TestSettings.HISTORY
                        + " WHERE success = 1 ORDER BY installed_rank")) {
            List<String> rows = new java.util.ArrayList<>();
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
            return rows;
        }
    }

    private long count(String sql) throws Exception {
        try (Connection c = target.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @ParameterizedTest
    @EnumSource(value = ApplyTarget.Kind.class, names = {"FILE", "TURSO_FOREIGN_KEYS_ON"})
    void rollsBackNewestFirstWithItsHistorySoThatApplyRunsThemAgain(ApplyTarget.Kind kind) throws Exception {
        MigrationFixture fixture = migrations();
        target = ApplyTarget.start(kind, fixture);
        target.apply();
        try (Connection c = target.connect(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO users (id, name) VALUES (1, 'ada')");
        }

        ApplyResult undone = rollback(after("0000_users", true));

        assertEquals(List.of("0002_score", "0001_posts"), undone.applied().stream()
                .map(ApplyResult.AppliedMigration::tag).toList());
        assertEquals(Optional.of("0000_users"), undone.current());
        assertEquals(List.of(MigrationState.APPLIED, MigrationState.PENDING, MigrationState.PENDING),
                target.status().migrations().stream().map(MigrationStatus::state).toList());
        assertEquals(1, count("SELECT count(*) FROM users WHERE name = 'ada'"), "the rows of what stays are kept");
        assertEquals(0, count("SELECT count(*) FROM sqlite_master WHERE name = 'posts'"));

        MigrationStatus rolledBack = target.status().migrations().get(1);
        assertEquals("tester", rolledBack.rolledBack().by(), "the history says who rolled it back, and when");
        assertTrue(rolledBack.rolledBack().at() != null);
        assertTrue(io.writerflow.maven.report.StatusText.lines(target.status()).stream()
                .anyMatch(l -> l.matches("\\s+0001_posts\\s+pending\\s+rolled back \\d{4}-.* UTC by tester")),
                io.writerflow.maven.report.StatusText.lines(target.status()).toString());

        assertEquals(List.of("0001_posts", "0002_score"), target.apply().applied().stream()
                .map(ApplyResult.AppliedMigration::tag).toList());
        assertEquals(1, count("SELECT count(*) FROM sqlite_master WHERE name = 'posts'"));
        MigrationStatus again = target.status().migrations().get(1);
        assertEquals(MigrationState.APPLIED, again.state());
        assertEquals("tester", again.rolledBack().by(), "applied, rolled back, applied again: the status says so");
        assertTrue(io.writerflow.maven.report.StatusJson.render(target.status()).contains("\"rolledBackBy\" : \"tester\""),
                io.writerflow.maven.report.StatusJson.render(target.status()));
        assertEquals(List.of("0000_users SQL", "0001_posts SQL", "0002_score SQL", "0002_score DELETE",
                "0001_posts DELETE", "0001_posts SQL", "0002_score SQL"), history(),
                "Flyway's format: its markers of deleted migrations between the applies");
        if (kind == ApplyTarget.Kind.FILE) {
            // Flyway's free edition reads that history: the rolled-back migrations deleted, then applied again
            org.flywaydb.core.api.MigrationInfo[] read = org.flywaydb.core.Flyway.configure()
                    .dataSource("jdbc:sqlite:" + fixture.database, null, null)
                    .table(io.writerflow.maven.testing.TestSettings.HISTORY).locations("filesystem:" + project
                            .resolve("no-such-dir")).ignoreMigrationPatterns("*:*").load().info().applied();
            assertEquals(List.of("0", "1", "2"), java.util.Arrays.stream(read).map(i -> i.getVersion().getVersion())
                    .distinct().toList());
        }
    }

    @ParameterizedTest
    @EnumSource(value = ApplyTarget.Kind.class, names = {"FILE", "TURSO_FOREIGN_KEYS_ON"})
    void aDownMigrationThatLosesDataRunsOnlyWhenAcceptedAndTheRefusalCountsTheRows(ApplyTarget.Kind kind)
            throws Exception {
        target = ApplyTarget.start(kind, migrations());
        target.apply();
        try (Connection c = target.connect(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO users (id, name, score) VALUES (1, 'ada', 3), (2, 'bob', NULL)");
        }

        RollbackRefused refused = assertThrows(RollbackRefused.class,
                () -> rollback(RollbackRequest.last(1, false)));

        assertEquals(RollbackRefused.Reason.DATA_LOSS, refused.reason());
        assertTrue(refused.getMessage().contains("column users.score (1 value, 0002_score)"), refused.getMessage());
        assertTrue(refused.getMessage().endsWith("Nothing was rolled back."), refused.getMessage());
        assertEquals(3, count("SELECT score FROM users WHERE id = 1"), "nothing ran");
        assertEquals(3, target.status().count(MigrationState.APPLIED));

        assertEquals(List.of("0002_score"), rollback(RollbackRequest.last(1, true)).applied().stream()
                .map(ApplyResult.AppliedMigration::tag).toList());
        assertEquals(2, count("SELECT count(*) FROM users"));
    }

    @ParameterizedTest
    @EnumSource(value = ApplyTarget.Kind.class, names = {"FILE"})
    void aMigrationWithoutADownMigrationRefusesAllAndAFailingOneStaysAppliedWithItsHistory(ApplyTarget.Kind kind)
            throws Exception {
        MigrationFixture fixture = migrations();
        target = ApplyTarget.start(kind, fixture);
        target.apply();
        Files.delete(fixture.drizzle.resolve("0001_posts.down.sql"));

        RollbackRefused missing = assertThrows(RollbackRefused.class, () -> rollback(RollbackRequest.last(2, true)));
        assertEquals(RollbackRefused.Reason.NO_DOWN, missing.reason());
        assertEquals("drizzle/0001_posts.down.sql", missing.file());

        down(fixture, "0001_posts", "DROP TABLE `no_such_table`;");
        Exception failed = assertThrows(Exception.class, () -> rollback(RollbackRequest.last(2, true)));
        assertTrue(failed.getMessage().contains("drizzle/0001_posts.down.sql:2"), failed.getMessage());
        assertTrue(failed.getMessage().contains("Nothing of its down migration was kept; the database is now at"
                + " 0001_posts"), failed.getMessage());
        assertTrue(failed.getMessage().contains("run rollback again"), failed.getMessage());
        // each migration's rollback is atomic with its history: the one before the failure is rolled back
        assertEquals(List.of(MigrationState.APPLIED, MigrationState.APPLIED, MigrationState.PENDING),
                target.status().migrations().stream().map(MigrationStatus::state).toList());
        assertEquals(0, count("SELECT count(*) FROM pragma_table_info('users') WHERE name = 'score'"));
    }
}
