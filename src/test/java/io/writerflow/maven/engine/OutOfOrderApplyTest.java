package io.writerflow.maven.engine;

import io.writerflow.maven.engine.apply.HistoryConflict;
import io.writerflow.maven.report.StatusText;
import io.writerflow.maven.testing.TestSettings;
import io.writerflow.maven.testing.TursoServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** writerflow.outOfOrder: a branch's older migration merged after a newer one was applied. */
class OutOfOrderApplyTest {

    private static final String INIT = "20261202140057_init";
    private static final String TAGS = "20261202140100_add_tags";
    private static final String BRANCH = "20261202140058_from_a_branch";

    @TempDir
    Path project;

    private MigrationFixture applied() throws Exception {
        MigrationFixture fixture = MigrationFixture.inFolders(project)
                .migration(INIT, "CREATE TABLE `users` (`id` integer PRIMARY KEY, `email` text NOT NULL);")
                .migration(TAGS, "CREATE TABLE `tags` (`id` integer PRIMARY KEY, `name` text NOT NULL);");
        fixture.apply();
        return fixture;
    }

    private static ApplyResult applyOutOfOrder(MigrationEngine engine) {
        return engine.apply(engine.loadDirectory(), ApplyOptions.NONE.outOfOrder(true), m -> { });
    }

    private static void assertContains(String text, String... parts) {
        for (String part : parts) {
            assertTrue(text.contains(part), () -> "expected \"" + part + "\" in:\n" + text);
        }
    }

    @Test
    void statusNamesTheMigrationAndTheFlag() throws Exception {
        MigrationFixture fixture = applied();
        fixture.migration(BRANCH, "CREATE TABLE `late` (`id` integer);");

        StatusReport status = fixture.status();

        assertEquals(MigrationState.SKIPPED, status.migrations().get(1).state());
        assertContains(String.join("\n", StatusText.lines(status)), BRANCH, "-Dwriterflow.outOfOrder=true");
        HistoryConflict refused = assertThrows(HistoryConflict.class, fixture::apply);
        assertContains(refused.getMessage(), BRANCH, "writerflow.outOfOrder is off", "Nothing was applied");
    }

    @Test
    void appliesAnIndependentMigrationOutOfOrderWithItsOwnVersion() throws Exception {
        MigrationFixture fixture = applied();
        fixture.migration(BRANCH, "CREATE TABLE `late` (`id` integer);\n--> statement-breakpoint\n"
                        + "ALTER TABLE `users` ADD `name` text;")
                .migration("20261203090000_next", "CREATE TABLE `next` (`id` integer);");

        ApplyResult result = applyOutOfOrder(fixture.engine());

        assertEquals(List.of(BRANCH, "20261203090000_next"),
                result.applied().stream().map(ApplyResult.AppliedMigration::tag).toList());
        assertEquals(List.of("20261202140057 " + INIT + " 1", "20261202140100 " + TAGS + " 1",
                "20261202140058 " + BRANCH + " 1", "20261203090000 20261203090000_next 1"), fixture.history());
        StatusReport status = fixture.status();
        assertTrue(status.migrations().stream().allMatch(m -> m.state() == MigrationState.APPLIED),
                status::toString);
        assertTrue(applyOutOfOrder(fixture.engine()).applied().isEmpty());
    }

    @Test
    void refusesOneThatFailsAfterALaterMigrationNamingBothAndTheTable() throws Exception {
        MigrationFixture fixture = applied();
        fixture.migration(BRANCH, "CREATE TABLE `tags` (`id` integer PRIMARY KEY);");

        HistoryConflict e = assertThrows(HistoryConflict.class, () -> applyOutOfOrder(fixture.engine()));

        assertEquals(HistoryConflict.Kind.OUT_OF_ORDER_CONFLICT, e.kind());
        assertContains(e.getMessage(), BRANCH, "conflicts with " + TAGS, "on table tags", "already exists",
                "Nothing was applied");
        assertEquals(List.of("20261202140057 " + INIT + " 1", "20261202140100 " + TAGS + " 1"), fixture.history());
        assertEquals(List.of(TestSettings.HISTORY, "tags", "users"), fixture.tables());
    }

    @Test
    void refusesOneWhoseEffectALaterMigrationWouldHaveChanged() throws Exception {
        MigrationFixture fixture = MigrationFixture.inFolders(project)
                .migration(INIT, "CREATE TABLE `users` (`id` integer PRIMARY KEY, `email` text NOT NULL);")
                .migration(TAGS, "DROP TABLE `users`;\n--> statement-breakpoint\n"
                        + "CREATE TABLE `users` (`id` integer PRIMARY KEY, `email` text NOT NULL, `age` integer);");
        fixture.apply();
        // in version order the rebuild drops this index; run after it, the index stays
        fixture.migration(BRANCH, "CREATE INDEX `users_email_idx` ON `users` (`email`);");

        HistoryConflict e = assertThrows(HistoryConflict.class, () -> applyOutOfOrder(fixture.engine()));

        assertContains(e.getMessage(), BRANCH, "conflicts with " + TAGS, "on table users", "users_email_idx");
        assertEquals(MigrationState.SKIPPED, fixture.status().migrations().get(1).state());
    }

    @Test
    void remoteOutOfOrderRunsTheReplayLocally() throws Exception {
        try (TursoServer server = TursoServer.start()) {
            MigrationFixture fixture = MigrationFixture.inFolders(project)
                    .migration(INIT, "CREATE TABLE `users` (`id` integer PRIMARY KEY, `email` text NOT NULL);")
                    .migration(TAGS, "CREATE TABLE `tags` (`id` integer PRIMARY KEY, `name` text NOT NULL);");
            MigrationEngine remote = fixture.engine(TestSettings.url(server.baseUrl(), project));
            remote.apply(remote.loadDirectory(), m -> { });
            fixture.migration(BRANCH, "CREATE TABLE `tags` (`id` integer PRIMARY KEY);");

            HistoryConflict conflict = assertThrows(HistoryConflict.class, () -> applyOutOfOrder(remote));
            assertContains(conflict.getMessage(), "conflicts with " + TAGS, "on table tags");

            fixture.migration(BRANCH, "CREATE TABLE `late` (`id` integer);");
            assertEquals(List.of(BRANCH), applyOutOfOrder(remote).applied().stream()
                    .map(ApplyResult.AppliedMigration::tag).toList());
            StatusReport status = remote.status(remote.loadDirectory());
            assertTrue(status.migrations().stream().allMatch(m -> m.state() == MigrationState.APPLIED),
                    status::toString);
        }
    }
}
