package io.writerflow.maven.lint;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The lint's analysis of hand-written migrations, one finding kind per test, on a shadow from the snapshot. */
class LintAnalysisTest {

    private static final String USERS = "CREATE TABLE `users` (\n\t`id` integer PRIMARY KEY NOT NULL,\n"
            + "\t`email` text,\n\t`name` text\n);\n--> statement-breakpoint\n"
            + "CREATE TABLE `posts` (\n\t`id` integer PRIMARY KEY NOT NULL,\n\t`user_id` integer,\n\t`body` text\n);\n";

    @TempDir
    Path project;

    private LintResult lint(String migration) throws Exception {
        return new LintFixture(project).migration("0000_init", USERS).unsnapshotted("0001_change", migration)
                .lintLatest();
    }

    /** {@code line code severity} of each finding, in order. */
    private static String codes(LintResult result) {
        return result.findings().stream().map(f -> f.line() + " " + f.code().code() + " "
                + (f.isSuppressed() ? "suppressed" : f.severity().label())).collect(Collectors.joining("\n"));
    }

    private static String messages(LintResult result) {
        return result.findings().stream().map(Finding::message).collect(Collectors.joining("\n"));
    }

    @Test
    void createsOnNewTablesAreNoFindings() throws Exception {
        LintResult result = lint("CREATE TABLE `tags` (`id` integer PRIMARY KEY, `name` text NOT NULL);\n"
                + "--> statement-breakpoint\nCREATE UNIQUE INDEX `tags_name_unique` ON `tags` (`name`);");
        assertEquals("", codes(result));
        assertTrue(result.passed());
        assertEquals("drizzle/0001_change.sql", result.migrations().get(0).file());
    }

    @Test
    void dropTable() throws Exception {
        LintResult result = lint("CREATE TABLE `tags` (`id` integer);\n--> statement-breakpoint\nDROP TABLE `posts`;");
        assertEquals("3 WF101 error", codes(result));
        assertTrue(messages(result).startsWith("drops table posts: its rows are lost"), messages(result));
        assertFalse(result.passed());
        Finding finding = result.findings().get(0);
        assertEquals("0001_change", finding.migration());
        assertEquals("drizzle/0001_change.sql", finding.file());
    }

    @Test
    void dropColumn() throws Exception {
        LintResult result = lint("ALTER TABLE `users` DROP COLUMN `name`;");
        assertEquals("1 WF102 error", codes(result));
        assertTrue(messages(result).contains("drops column users.name"), messages(result));
    }

    @Test
    void renamesBreakTheRunningApplication() throws Exception {
        LintResult result = lint("ALTER TABLE `users` RENAME COLUMN `name` TO `full_name`;\n"
                + "--> statement-breakpoint\nALTER TABLE `posts` RENAME TO `articles`;");
        assertEquals("1 WF203 error\n3 WF202 error", codes(result));
        assertTrue(messages(result).contains("renames column users.name to full_name"), messages(result));
        assertTrue(messages(result).contains("renames table posts to articles"), messages(result));
    }

    @Test
    void dropAndCreateWithTheSameColumnsIsARenameThatLosesRows() throws Exception {
        LintResult result = lint("DROP TABLE `posts`;\n--> statement-breakpoint\n"
                + "CREATE TABLE `articles` (`id` integer PRIMARY KEY NOT NULL, `user_id` integer, `body` text);");
        assertEquals("1 WF104 error", codes(result));
        assertTrue(messages(result).contains("ALTER TABLE posts RENAME TO articles keeps them"), messages(result));
    }

    /** drizzle-kit's rebuild: create, copy, drop, rename; what changed is compared as one change. */
    private static String rebuild(String newTable, String copy) {
        return "PRAGMA foreign_keys=OFF;--> statement-breakpoint\n"
                + newTable + "\n--> statement-breakpoint\n"
                + copy + "--> statement-breakpoint\n"
                + "DROP TABLE `users`;--> statement-breakpoint\n"
                + "ALTER TABLE `__new_users` RENAME TO `users`;--> statement-breakpoint\n"
                + "PRAGMA foreign_keys=ON;";
    }

    @Test
    void rebuildIsALongLock() throws Exception {
        LintResult result = lint(rebuild("CREATE TABLE `__new_users` (`id` integer PRIMARY KEY NOT NULL,"
                + " `email` text, `name` text DEFAULT 'x');",
                "INSERT INTO `__new_users`(\"id\", \"email\", \"name\") SELECT \"id\", \"email\", \"name\" FROM `users`;"));
        assertEquals("2 WF401 warning", codes(result));
        assertTrue(messages(result).contains("rebuilds table users (creates __new_users"), messages(result));
        assertTrue(result.passed(), "a warning passes at the default threshold");
        assertFalse(new LintResult(result.scope(), result.migrations(), LintFailOn.WARNING).passed());
        assertTrue(new LintResult(result.scope(), result.migrations(), LintFailOn.NONE).passed());
    }

    @Test
    void rebuildThatNarrowsATypeAndAddsNotNull() throws Exception {
        LintResult result = lint(rebuild("CREATE TABLE `__new_users` (`id` integer PRIMARY KEY NOT NULL,"
                + " `email` text NOT NULL, `name` integer);",
                "INSERT INTO `__new_users`(\"id\", \"email\", \"name\") SELECT \"id\", \"email\", \"name\" FROM `users`;"));
        assertEquals("2 WF401 warning\n2 WF201 error\n2 WF302 warning\n2 WF103 warning", codes(result));
        assertTrue(messages(result).contains("changes column users.name from text to integer: text that looks like"
                + " a number becomes one"), messages(result));
        assertTrue(messages(result).contains("makes column users.email NOT NULL without a default"), messages(result));
        assertTrue(messages(result).contains("will fail if users has rows where email is NULL"), messages(result));
        assertEquals(java.util.Optional.of(new DataCondition.Nulls("users", "email")),
                result.findings().get(2).condition());
    }

    @Test
    void rebuildAddingANotNullColumnWithoutDefault() throws Exception {
        LintResult result = lint(rebuild("CREATE TABLE `__new_users` (`id` integer PRIMARY KEY NOT NULL,"
                + " `email` text, `name` text, `role` text NOT NULL);",
                "INSERT INTO `__new_users`(\"id\", \"email\", \"name\", \"role\") SELECT \"id\", \"email\", \"name\","
                        + " 'member' FROM `users`;"));
        assertEquals("2 WF401 warning\n2 WF201 error\n2 WF302 warning", codes(result));
        assertTrue(messages(result).contains("adds NOT NULL column users.role without a default: the old code's"
                + " inserts fail"), messages(result));
    }

    @Test
    void renameViaRebuildAndRebuildWithoutCopy() throws Exception {
        LintResult renamed = lint(rebuild("CREATE TABLE `__new_users` (`id` integer PRIMARY KEY NOT NULL,"
                + " `email` text, `full_name` text);",
                "INSERT INTO `__new_users`(\"id\", \"email\", \"full_name\") SELECT \"id\", \"email\", \"name\" FROM `users`;"));
        assertEquals("2 WF401 warning\n2 WF203 error", codes(renamed));
        assertTrue(messages(renamed).contains("renames column users.name to full_name by rebuilding the table"),
                messages(renamed));
    }

    @Test
    void rebuildWithoutCopyLosesRows() throws Exception {
        LintResult result = new LintFixture(project).migration("0000_init", USERS).unsnapshotted("0001_change",
                "CREATE TABLE `__new_users` (`id` integer PRIMARY KEY NOT NULL, `email` text, `name` text);\n"
                        + "--> statement-breakpoint\nDROP TABLE `users`;--> statement-breakpoint\n"
                        + "ALTER TABLE `__new_users` RENAME TO `users`;").lintLatest();
        assertEquals("1 WF401 warning\n3 WF105 error", codes(result));
    }

    @Test
    void constraintsAddedToATableThatHasRows() throws Exception {
        LintResult result = lint("CREATE UNIQUE INDEX `users_email_unique` ON `users` (`email`);\n"
                + "--> statement-breakpoint\n"
                + rebuild("CREATE TABLE `__new_users` (`id` integer PRIMARY KEY NOT NULL, `email` text, `name` text,"
                        + " CONSTRAINT `name_check` CHECK(length(`name`) > 0));",
                        "INSERT INTO `__new_users`(\"id\", \"email\", \"name\") SELECT \"id\", \"email\", \"name\" FROM `users`;")
                        .replace("users", "posts").replace("`email` text, `name` text", "`user_id` integer"
                                + " REFERENCES `users`(`id`), `body` text").replace("\"email\", \"name\"",
                                "\"user_id\", \"body\"").replace("length(`name`) > 0", "length(`body`) > 0"));
        assertEquals("1 WF301 warning\n4 WF401 warning\n4 WF303 warning\n4 WF304 warning", codes(result));
        assertTrue(messages(result).contains("adds UNIQUE index users_email_unique on users (email): will fail if"
                + " users has rows with duplicate values"), messages(result));
        assertTrue(messages(result).contains("will fail if posts has rows that match no row of users"),
                messages(result));
        // what a database will be asked, by the names the tables have before the migration
        assertEquals(List.of(java.util.Optional.of(new DataCondition.Duplicates("users", List.of("email"))),
                java.util.Optional.of(new DataCondition.Rows("posts")),
                java.util.Optional.of(new DataCondition.Rejected("posts", "length(`body`) > 0")),
                java.util.Optional.of(new DataCondition.Orphans("posts", List.of("user_id"), "users", List.of("id")))),
                result.findings().stream().map(Finding::condition).toList());
    }

    @Test
    void notTransactionalAndEngineSpecificStatements() throws Exception {
        LintResult result = lint("VACUUM;--> statement-breakpoint\nPRAGMA journal_mode=WAL;--> statement-breakpoint\n"
                + "ALTER TABLE `users` ALTER COLUMN `name` TO `name` text NOT NULL DEFAULT '';--> statement-breakpoint\n"
                + "CREATE TABLE `tags` (`id` integer);");
        assertEquals("1 WF501 error\n2 WF501 error\n3 WF502 error", codes(result));
        LintResult remote = Lint.run(new LintFixture(project).directory(), new LintSettings(java.util.Optional.empty(),
                () -> LintTarget.LIBSQL, LintFailOn.ERROR), java.util.Optional::empty);
        assertEquals("1 WF501 error\n2 WF501 error\n3 WF502 warning", codes(remote));
    }

    @Test
    void aStatementTheShadowRefusesIsReportedAndEndsTheReplay() throws Exception {
        LintResult result = lint("CREATE VIRTUAL TABLE `docs` USING vector0(`embedding`);--> statement-breakpoint\n"
                + "DROP TABLE `posts`;");
        assertEquals("1 WF901 error", codes(result));
        assertTrue(messages(result).contains("refuses statement 1: ") && messages(result).contains("the statement"
                + " after it was not analysed"), messages(result));
    }

    @Test
    void suppressionWithAReasonSilencesItsFinding() throws Exception {
        LintResult result = lint("-- writerflow:lint-ignore WF101 posts moved to the archive service in 0042\n"
                + "DROP TABLE `posts`;--> statement-breakpoint\n"
                + "-- writerflow:lint-ignore WF102\n"
                + "ALTER TABLE `users` DROP COLUMN `name`;--> statement-breakpoint\n"
                + "-- writerflow:lint-ignore WF999 no such code\n"
                + "CREATE TABLE `tags` (`id` integer);");
        assertEquals("2 WF101 suppressed\n3 WF902 error\n4 WF102 error\n5 WF903 warning", codes(result));
        assertEquals(java.util.Optional.of("posts moved to the archive service in 0042"),
                result.findings().get(0).suppressed());
        assertEquals(List.of("3 WF902", "4 WF102"), result.failing().stream().map(f -> f.line() + " "
                + f.code().code()).toList());
    }

    @Test
    void suppressionMustBeDirectlyAbove() throws Exception {
        LintResult result = lint("-- writerflow:lint-ignore WF101 a reason\n\nDROP TABLE `posts`;");
        assertEquals("3 WF101 error", codes(result));
    }

    @Test
    void laterMigrationsSeeEarlierOnesWhenSeveralAreLinted() throws Exception {
        LintFixture fixture = new LintFixture(project).migration("0000_init", USERS)
                .unsnapshotted("0001_tags", "CREATE TABLE `tags` (`id` integer, `name` text);")
                .unsnapshotted("0002_drop_tags", "DROP TABLE `tags`;");
        var directory = fixture.directory();
        List<LintedMigration> linted = new io.writerflow.maven.lint.analysis.MigrationLinter(directory,
                LintTarget.SQLITE).lint(directory.migrations().subList(1, 3));
        assertEquals(List.of("0001_tags", "0002_drop_tags"), linted.stream().map(LintedMigration::tag).toList());
        assertEquals(List.of(), linted.get(0).findings());
        assertEquals(FindingCode.DROP_TABLE, linted.get(1).findings().get(0).code());
    }

    /** A rebuild as writerflow:generate plans it is recognised as one, its PRAGMA bracket raising nothing. */
    @Test
    void theRebuildGeneratePlansIsRecognised() throws Exception {
        io.writerflow.maven.schema.Schema before = LintFixture.schemaOf(USERS.replace("--> statement-breakpoint", "")
                .replace(");\n", ");\n"));
        io.writerflow.maven.schema.Schema after = LintFixture.schemaOf(USERS.replace("--> statement-breakpoint", "")
                .replace("`email` text,", "`email` text NOT NULL,"));
        String sql = io.writerflow.maven.plan.MigrationSql.render(io.writerflow.maven.plan.SqlitePlanner.plan(before,
                after, io.writerflow.maven.diff.SchemaDiff.diff(before, after,
                        io.writerflow.maven.diff.Renames.NONE, true)));
        LintResult result = lint(sql);
        List<String> found = result.findings().stream().map(f -> f.code().code()).toList();
        assertEquals(List.of("WF401", "WF201", "WF302"), found, sql + "\n" + messages(result));
    }

    /** Reading only the tables a statement changed gives the schema a whole read gives. */
    @Test
    void theIncrementalReadMatchesAWholeRead() throws Exception {
        LintFixture fixture = new LintFixture(project).migration("0000_init", USERS).unsnapshotted("0001_change",
                rebuild("CREATE TABLE `__new_users` (`id` integer PRIMARY KEY NOT NULL, `email` text NOT NULL,"
                        + " `name` text);", "INSERT INTO `__new_users` SELECT * FROM `users`;")
                        + "--> statement-breakpoint\nCREATE UNIQUE INDEX `u_email` ON `users` (`email`);"
                        + "--> statement-breakpoint\nALTER TABLE `posts` RENAME COLUMN `body` TO `text`;"
                        + "--> statement-breakpoint\nCREATE VIEW `v` AS SELECT `id` FROM `posts`;"
                        + "--> statement-breakpoint\nCREATE TABLE `tags` (`id` integer, `post_id` integer"
                        + " REFERENCES `posts`(`id`));--> statement-breakpoint\nALTER TABLE `posts` RENAME TO `articles`;");
        var directory = fixture.directory();
        try (var shadow = io.writerflow.maven.lint.analysis.ShadowDatabase.open()) {
            shadow.create(LintFixture.schemaOf(USERS.replace("--> statement-breakpoint", "")), "the test");
            var replayed = io.writerflow.maven.lint.analysis.MigrationReplay.replay(shadow,
                    directory.migrations().get(1), LintTarget.SQLITE);
            assertTrue(replayed.complete(), replayed.findings().toString());
            assertEquals(shadow.schema(), replayed.finalSchema());
        }
    }
}
