package io.writerflow.maven.lint;

import io.writerflow.maven.lint.data.DataReader;
import io.writerflow.maven.lint.data.DatabaseReader;
import io.writerflow.maven.testing.FaultProxy;
import io.writerflow.maven.testing.TestSettings;
import io.writerflow.maven.testing.TursoServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The data-dependent findings answered by a real database: a file, and a Turso server in one request. */
class DataChecksTest {

    private static final String INIT = "CREATE TABLE `users` (\n\t`id` integer PRIMARY KEY NOT NULL,\n"
            + "\t`email` text,\n\t`name` text,\n\t`age` integer\n);\n--> statement-breakpoint\n"
            + "CREATE TABLE `posts` (\n\t`id` integer PRIMARY KEY NOT NULL,\n\t`user_id` integer,\n\t`body` text\n);\n";

    /** UNIQUE on email, NOT NULL name and CHECK on age by a rebuild of users, a foreign key by a rebuild of posts. */
    private static final String CHANGE = "PRAGMA foreign_keys=OFF;\n--> statement-breakpoint\n"
            + "CREATE TABLE `__new_users` (\n\t`id` integer PRIMARY KEY NOT NULL,\n\t`email` text,\n"
            + "\t`name` text NOT NULL,\n\t`age` integer,\n\tCONSTRAINT \"adult\" CHECK(\"__new_users\".\"age\" >= 18)\n);\n"
            + "--> statement-breakpoint\nINSERT INTO `__new_users`(\"id\", \"email\", \"name\", \"age\") SELECT \"id\","
            + " \"email\", \"name\", \"age\" FROM `users`;\n--> statement-breakpoint\nDROP TABLE `users`;\n"
            + "--> statement-breakpoint\nALTER TABLE `__new_users` RENAME TO `users`;\n--> statement-breakpoint\n"
            + "CREATE UNIQUE INDEX `users_email_unique` ON `users` (`email`);\n--> statement-breakpoint\n"
            + "CREATE TABLE `__new_posts` (\n\t`id` integer PRIMARY KEY NOT NULL,\n\t`user_id` integer,\n"
            + "\t`body` text,\n\tFOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action\n);\n"
            + "--> statement-breakpoint\nINSERT INTO `__new_posts`(\"id\", \"user_id\", \"body\") SELECT \"id\","
            + " \"user_id\", \"body\" FROM `posts`;\n--> statement-breakpoint\nDROP TABLE `posts`;\n"
            + "--> statement-breakpoint\nALTER TABLE `__new_posts` RENAME TO `posts`;\n--> statement-breakpoint\n"
            + "PRAGMA foreign_keys=ON;";

    private static final String BAD_ROWS = "INSERT INTO users VALUES (1, 'a@x', 'Ann', 30), (2, 'a@x', NULL, 12),"
            + " (3, 'b@y', 'Bob', 40), (4, 'b@y', NULL, 50), (5, NULL, 'Cy', 20), (6, NULL, 'Di', 21);\n"
            + "INSERT INTO posts VALUES (1, 1, 'ok'), (2, 7, 'orphan'), (3, 9, 'orphan'), (4, NULL, 'none')";

    private static final String GOOD_ROWS = "INSERT INTO users VALUES (1, 'a@x', 'Ann', 30), (2, NULL, 'Bo', NULL);\n"
            + "INSERT INTO posts VALUES (1, 1, 'ok'), (2, NULL, 'none')";

    @TempDir
    Path project;

    private LintFixture fixture() throws Exception {
        return new LintFixture(project).migration("0000_init", INIT).unsnapshotted("0001_change", CHANGE);
    }

    private LintResult lint(Optional<DataReader> data) throws Exception {
        return Lint.run(fixture().directory(), new LintSettings(Optional.empty(), () -> LintTarget.SQLITE,
                LintFailOn.ERROR, () -> data, r -> { }), Optional::empty);
    }

    private Path database(String rows) throws Exception {
        Path file = project.resolve("prod.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            for (String sql : (INIT.replace("--> statement-breakpoint", "") + rows).split(";\\s*\\n")) {
                s.execute(sql);
            }
        }
        return file;
    }

    private Optional<DataReader> embedded(Path file) {
        return DatabaseReader.open(TestSettings.of(project.resolve("drizzle"), TestSettings.file(file)));
    }

    private static String lines(List<Finding> findings) {
        return findings.stream().map(f -> f.code().code() + " " + f.severity().label() + " " + f.message())
                .collect(Collectors.joining("\n"));
    }

    @Test
    void withoutADatabaseTheFindingsSayWillFailIf() throws Exception {
        LintResult result = lint(Optional.empty());
        String found = lines(result.findings());
        assertTrue(found.contains("WF301 warning adds UNIQUE index users_email_unique on users (email): will fail if"),
                found);
        assertTrue(found.contains("WF304 warning"), found);
        assertTrue(found.contains("WF303 warning"), found);
        assertTrue(found.contains("WF302 warning"), found);
    }

    @Test
    void offendingRowsAreCountedNamedAndErrors() throws Exception {
        Path file = database(BAD_ROWS);
        byte[] before = Files.readAllBytes(file);
        LintResult result = lint(embedded(file));
        String found = lines(result.findings());
        assertTrue(found.contains("WF301 error adds UNIQUE index users_email_unique on users (email): will fail:"
                + " 2 duplicate values of users (email) on file:prod.db (e.g. 'a@x', 'b@y')"), found);
        assertTrue(found.contains("WF302 error makes column users.name NOT NULL: will fail: 2 rows of users where"
                + " name is NULL on file:prod.db"), found);
        assertTrue(found.contains(": will fail: 1 row of users the CHECK rejects on file:prod.db"), found);
        assertTrue(found.contains("WF304 error adds a foreign key from posts (user_id) to users: will fail: 2 rows"
                + " of posts whose user_id match no row of users on file:prod.db (e.g. 7, 9)"), found);
        assertTrue(found.contains("WF401 warning rebuilds table users") && found.contains("(users has 6 rows on"
                + " file:prod.db)"), found);
        assertFalse(result.passed());
        assertTrue(result.migrations().get(0).cleared().isEmpty(), lines(result.migrations().get(0).cleared()));
        org.junit.jupiter.api.Assertions.assertArrayEquals(before, Files.readAllBytes(file), "read only");
    }

    @Test
    void noOffendingRowsClearTheFindings() throws Exception {
        LintResult result = lint(embedded(database(GOOD_ROWS)));
        String found = lines(result.findings());
        assertFalse(found.contains("WF301") || found.contains("WF302") || found.contains("WF303")
                || found.contains("WF304"), found);
        String cleared = lines(result.migrations().get(0).cleared());
        assertTrue(cleared.contains("WF301 warning adds UNIQUE index users_email_unique on users (email): checked on"
                + " file:prod.db: no offending rows"), cleared);
        assertTrue(cleared.contains("WF304"), cleared);
        assertTrue(found.contains("(users has 2 rows on file:prod.db)"), found);
        assertTrue(io.writerflow.maven.lint.report.LintLog.lines(result).stream().anyMatch(l -> l.text().startsWith(
                "  0001_change.sql:") && l.text().contains("  WF301 cleared  adds UNIQUE index users_email_unique")
                && l.level() == io.writerflow.maven.lint.report.LintLog.Level.INFO), "the log lists what it cleared");
    }

    @Test
    void tablesTheDatabaseLacksHaveNoRows() throws Exception {
        Path file = project.resolve("empty.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE other (id integer)");
        }
        LintResult result = lint(embedded(file));
        String cleared = lines(result.migrations().get(0).cleared());
        assertTrue(cleared.contains("checked on file:prod.db".replace("prod", "empty") + ": it has no table users"
                + " yet, so no rows"), cleared);
        assertFalse(lines(result.findings()).contains("WF30"), lines(result.findings()));
    }

    @Test
    void aQueryThatFailsKeepsTheWarningAndSaysWhy() throws Exception {
        Path file = project.resolve("odd.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            // a users without email: the duplicates query fails, the others answer
            s.execute("CREATE TABLE users (id integer PRIMARY KEY, name text, age integer)");
            s.execute("CREATE TABLE posts (id integer PRIMARY KEY, user_id integer, body text)");
        }
        String found = lines(lint(embedded(file)).findings());
        assertTrue(found.contains("WF301 warning adds UNIQUE index users_email_unique on users (email): will fail if"
                + " users has rows with duplicate values in them (the data check on file:odd.db could not run:"),
                found);
        assertTrue(found.contains("no such column"), found);
    }

    @Test
    void aDatabaseThatCannotListItsTablesClearsNothing() throws Exception {
        DataReader refusing = new DataReader() {
            @Override
            public String described() {
                return "the test's";
            }

            @Override
            public List<Answer> read(List<String> queries) {
                return queries.stream().map(q -> Answer.failed("not authorized")).toList();
            }

            @Override
            public void close() {
            }
        };
        LintResult result = lint(Optional.of(refusing));
        assertTrue(result.migrations().get(0).cleared().isEmpty());
        String found = lines(result.findings());
        assertTrue(found.contains("WF301 warning adds UNIQUE index users_email_unique on users (email): will fail if"
                + " users has rows with duplicate values in them (the data check could not read the tables of the"
                + " test's: not authorized)"), found);
    }

    @Test
    void aFileThatDoesNotExistIsNotCreated() {
        Path missing = project.resolve("missing.db");
        assertTrue(embedded(missing).isEmpty());
        assertFalse(Files.exists(missing));
    }

    @Test
    void aRemoteDatabaseIsAskedEverythingInOneRequest() throws Exception {
        try (TursoServer server = TursoServer.start(); FaultProxy proxy = FaultProxy.to(server.baseUrl())) {
            try (Connection c = server.connect(); Statement s = c.createStatement()) {
                for (String sql : (INIT.replace("--> statement-breakpoint", "") + BAD_ROWS).split(";\\s*\\n")) {
                    s.execute(sql);
                }
            }
            Optional<DataReader> remote = DatabaseReader.open(TestSettings.of(project.resolve("drizzle"),
                    TestSettings.url(proxy.baseUrl(), project)));
            int before = proxy.requestCount();
            LintResult result = lint(remote);
            assertEquals(1, proxy.requestCount() - before, "all the data checks in one request");
            String found = lines(result.findings());
            assertTrue(found.contains("will fail: 2 duplicate values of users (email) on ") && found.contains(
                    "(e.g. 'a@x', 'b@y')"), found);
            assertTrue(found.contains("will fail: 2 rows of posts whose user_id match no row of users on "), found);
            assertTrue(found.contains("will fail: 1 row of users the CHECK rejects"), found);
            assertTrue(proxy.seen().get(proxy.seen().size() - 1).body().contains("count(*) OVER ()"));
        }
    }
}
