package io.writerflow.maven.engine;

import io.writerflow.maven.WriterflowException;
import io.writerflow.maven.testing.Rows;
import io.writerflow.maven.testing.TestSettings;
import io.writerflow.maven.testing.TursoServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** apply and status against the real Turso server over HTTP (a fresh server per test: they share one connection). */
class RemoteApplyTest {

    @TempDir
    Path project;

    private TursoServer server;
    private MigrationFixture fixture;

    @BeforeEach
    void start() throws Exception {
        server = TursoServer.start();
        fixture = new MigrationFixture(project);
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private MigrationEngine engine() {
        return fixture.engine(TestSettings.url(server.baseUrl(), project));
    }

    private ApplyResult apply() {
        MigrationEngine engine = engine();
        return engine.apply(engine.loadDirectory(), m -> { });
    }

    private List<String> query(String sql) throws SQLException {
        try (Connection c = server.connect()) {
            return Rows.of(c, sql);
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = server.connect();
             Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static void assertContains(String text, String... parts) {
        for (String part : parts) {
            assertTrue(text.contains(part), () -> "expected \"" + part + "\" in:\n" + text);
        }
    }

    @Test
    void appliesAndReportsStatus() throws Exception {
        fixture.migration("0000_users", "CREATE TABLE `users` (`id` integer PRIMARY KEY NOT NULL, `name` text);")
                .migration("0001_docs", "CREATE TABLE `docs` (`id` integer PRIMARY KEY NOT NULL);\n--> statement-breakpoint\n"
                        + "INSERT INTO `users` (`name`) VALUES ('a');");

        ApplyResult result = apply();

        assertEquals(List.of("0000_users", "0001_docs"),
                result.applied().stream().map(ApplyResult.AppliedMigration::tag).toList());
        assertEquals(List.of("a"), query("SELECT name FROM users"));
        assertEquals(List.of("0 0000_users 1", "1 0001_docs 1"), query("SELECT version, description, success FROM " + TestSettings.HISTORY
                + " ORDER BY installed_rank"));
        assertEquals(List.of("0"), query("SELECT count(*) FROM " + TestSettings.HISTORY + "_lock"));

        MigrationEngine engine = engine();
        StatusReport status = engine.status(engine.loadDirectory());
        assertEquals(List.of(MigrationState.APPLIED, MigrationState.APPLIED),
                status.migrations().stream().map(MigrationStatus::state).toList());
        assertTrue(apply().applied().isEmpty());
    }

    @Test
    void aFailingStatementIsNamedByFileAndLineAndNothingOfItsMigrationStays() throws Exception {
        fixture.migration("0000_users", "CREATE TABLE `users` (`id` integer PRIMARY KEY NOT NULL);")
                .migration("0001_bad", "CREATE TABLE `a` (`id` integer);\n--> statement-breakpoint\n"
                        + "INSERT INTO `nope` VALUES (1);");

        WriterflowException e = assertThrows(WriterflowException.class, this::apply);

        assertContains(e.getMessage(), "0001_bad failed at statement 2 of 2 (drizzle/0001_bad.sql:3)", "nope",
                "now at 0000_users");
        assertEquals(List.of("users"), query("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE '\\_\\_%' ESCAPE '\\'"
                + " ORDER BY name"));
        assertEquals(List.of("1"), query("SELECT count(*) FROM " + TestSettings.HISTORY));
    }

    @Test
    void rebuildingACascadeParentWithForeignKeysOnKeepsTheChildren() throws Exception {
        fixture.migration("0000_init", "CREATE TABLE `users` (`id` integer PRIMARY KEY NOT NULL, `name` text);\n"
                + "--> statement-breakpoint\n"
                + "CREATE TABLE `docs` (`id` integer PRIMARY KEY NOT NULL, `owner` integer REFERENCES `users`(`id`)"
                + " ON DELETE CASCADE);");
        apply();
        execute("INSERT INTO users VALUES (1, 'a'), (2, 'b')");
        execute("INSERT INTO docs VALUES (10, 1), (11, 2)");
        execute("PRAGMA foreign_keys=ON");
        fixture.migration("0001_rebuild", "CREATE TABLE `__new_users` (`id` integer PRIMARY KEY NOT NULL,"
                + " `name` text NOT NULL DEFAULT 'x');\n--> statement-breakpoint\n"
                + "INSERT INTO `__new_users` (`id`, `name`) SELECT `id`, IFNULL(`name`, 'x') FROM `users`;\n"
                + "--> statement-breakpoint\nDROP TABLE `users`;\n--> statement-breakpoint\n"
                + "ALTER TABLE `__new_users` RENAME TO `users`;");

        apply();

        assertEquals(List.of("2"), query("SELECT count(*) FROM docs"));
        assertEquals(List.of("1"), query("PRAGMA foreign_keys"));
    }

    @Test
    void aMigrationLeavingOrphansIsRolledBack() throws Exception {
        fixture.migration("0000_init", "CREATE TABLE `users` (`id` integer PRIMARY KEY NOT NULL);\n"
                + "--> statement-breakpoint\n"
                + "CREATE TABLE `docs` (`id` integer PRIMARY KEY NOT NULL, `owner` integer REFERENCES `users`(`id`));");
        apply();
        execute("PRAGMA foreign_keys=ON");
        fixture.migration("0001_orphans", "INSERT INTO `docs` VALUES (1, 42);");

        WriterflowException e = assertThrows(WriterflowException.class, this::apply);

        assertContains(e.getMessage(), "0001_orphans", "docs -> users (1 row)", "still at 0000_init");
        assertEquals(List.of("0"), query("SELECT count(*) FROM docs"));
    }
}
