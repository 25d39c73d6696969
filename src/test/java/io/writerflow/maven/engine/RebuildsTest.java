package io.writerflow.maven.engine;

import io.writerflow.maven.WriterflowException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Table rebuilds (create {@code __new_t}, copy, drop, rename) on the embedded file and on the Turso server with
 * foreign keys on and off: several in one migration all run with enforcement off, and each keeps what the
 * migration does not know about (triggers, hand-written indexes, views reading the table, the AUTOINCREMENT
 * sequence).
 */
class RebuildsTest {

    @TempDir
    Path project;

    private ApplyTarget target;

    @AfterEach
    void stop() throws Exception {
        if (target != null) {
            target.close();
        }
    }

    private MigrationFixture start(ApplyTarget.Kind kind) throws Exception {
        MigrationFixture fixture = new MigrationFixture(project);
        target = ApplyTarget.start(kind, fixture);
        return fixture;
    }

    private static String sql(String... statements) {
        return String.join("\n--> statement-breakpoint\n", statements);
    }

    private static void assertContains(String text, String... parts) {
        for (String part : parts) {
            assertTrue(text.contains(part), () -> "expected \"" + part + "\" in:\n" + text);
        }
    }

    private static final String USERS_POSTS_COMMENTS = sql(
            "CREATE TABLE `users` (`id` integer PRIMARY KEY NOT NULL, `name` text);",
            "CREATE TABLE `posts` (`id` integer PRIMARY KEY NOT NULL, `user_id` integer NOT NULL, `title` text,"
                    + " FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade);",
            "CREATE TABLE `comments` (`id` integer PRIMARY KEY NOT NULL, `post_id` integer NOT NULL,"
                    + " FOREIGN KEY (`post_id`) REFERENCES `posts`(`id`) ON UPDATE no action ON DELETE cascade);",
            "CREATE INDEX `posts_user_idx` ON `posts` (`user_id`);");

    /** drizzle-kit 0.31's file for two rebuilds: it closes the foreign-key bracket after the first one. */
    private static final String TWO_REBUILDS_AS_DRIZZLE_KIT_WRITES_THEM = sql(
            "PRAGMA foreign_keys=OFF;",
            "CREATE TABLE `__new_users` (`id` integer PRIMARY KEY NOT NULL, `name` text DEFAULT 'anon' NOT NULL);",
            "INSERT INTO `__new_users`(\"id\", \"name\") SELECT \"id\", IFNULL(\"name\", 'anon') FROM `users`;",
            "DROP TABLE `users`;",
            "ALTER TABLE `__new_users` RENAME TO `users`;",
            "PRAGMA foreign_keys=ON;",
            "CREATE TABLE `__new_posts` (`id` integer PRIMARY KEY NOT NULL, `user_id` integer NOT NULL,"
                    + " `title` text DEFAULT '' NOT NULL,"
                    + " FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade);",
            "INSERT INTO `__new_posts`(\"id\", \"user_id\", \"title\") SELECT \"id\", \"user_id\","
                    + " IFNULL(\"title\", '') FROM `posts`;",
            "DROP TABLE `posts`;",
            "ALTER TABLE `__new_posts` RENAME TO `posts`;",
            "CREATE INDEX `posts_user_idx` ON `posts` (`user_id`);");

    @ParameterizedTest
    @EnumSource(ApplyTarget.Kind.class)
    void twoRebuildsInOneMigrationBothRunWithForeignKeysOffAndKeepEveryRow(ApplyTarget.Kind kind) throws Exception {
        MigrationFixture fixture = start(kind);
        fixture.migration("0000_init", USERS_POSTS_COMMENTS);
        target.apply();
        target.execute("INSERT INTO users VALUES (1, 'ada'), (2, NULL)",
                "INSERT INTO posts VALUES (10, 1, 'a'), (11, 2, NULL)",
                "INSERT INTO comments VALUES (100, 10), (101, 11), (102, 11)");
        fixture.migration("0001_rebuild_two", TWO_REBUILDS_AS_DRIZZLE_KIT_WRITES_THEM);

        target.apply();

        assertEquals(List.of("1 ada", "2 anon"), target.query("SELECT id, name FROM users ORDER BY id"));
        assertEquals(List.of("10 1 a", "11 2 "), target.query("SELECT id, user_id, title FROM posts ORDER BY id"));
        assertEquals(List.of("3"), target.query("SELECT count(*) FROM comments"));
        assertEquals(List.of("posts_user_idx"), target.query("SELECT name FROM sqlite_master WHERE type = 'index'"
                + " AND tbl_name = 'posts'"));
        if (kind != ApplyTarget.Kind.FILE) {
            // the server's one connection: enforcement as it was before the apply
            assertEquals(List.of(target.enforcesForeignKeys() ? "1" : "0"), target.query("PRAGMA foreign_keys"));
        }
    }

    @ParameterizedTest
    @EnumSource(ApplyTarget.Kind.class)
    void aMigrationThatWouldOrphanRowsAfterTwoRebuildsIsRolledBackWhole(ApplyTarget.Kind kind) throws Exception {
        MigrationFixture fixture = start(kind);
        fixture.migration("0000_init", USERS_POSTS_COMMENTS);
        target.apply();
        target.execute("INSERT INTO users VALUES (1, 'ada'), (2, 'bob')", "INSERT INTO posts VALUES (10, 1, 'a')");
        fixture.migration("0001_rebuild_two", sql(TWO_REBUILDS_AS_DRIZZLE_KIT_WRITES_THEM,
                "DELETE FROM `users` WHERE `id` = 1;"));

        if (target.enforcesForeignKeys()) {
            WriterflowException e = assertThrows(WriterflowException.class, target::apply);
            assertContains(e.getMessage(), "0001_rebuild_two", "posts -> users (1 row)");
            assertEquals(List.of("1 ada", "2 bob"), target.query("SELECT id, name FROM users ORDER BY id"));
            assertEquals(List.of("10 1 a"), target.query("SELECT id, user_id, title FROM posts"));
        } else {
            // a database that does not enforce foreign keys runs a migration as it runs any statement
            target.apply();
            assertEquals(List.of("2 bob"), target.query("SELECT id, name FROM users ORDER BY id"));
        }
    }

    private static final String USERS_AND_POSTS = sql(
            "CREATE TABLE `users` (`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL, `name` text, `email` text);",
            "CREATE TABLE `posts` (`id` integer PRIMARY KEY NOT NULL, `user_id` integer,"
                    + " `title` text, FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action"
                    + " ON DELETE cascade);");

    /** What the schema does not declare, made by hand: as a team adds it to the database outside drizzle. */
    private static final String[] HAND_WRITTEN = {
            "CREATE TABLE audit (what text)",
            "CREATE INDEX users_lower_email ON users (lower(email))",
            "CREATE TRIGGER users_audit AFTER UPDATE OF name ON users BEGIN INSERT INTO audit VALUES ('renamed '"
                    + " || new.name); END",
            "CREATE VIEW v_posts AS SELECT p.id, p.title, u.name FROM posts p JOIN users u ON u.id = p.user_id",
            "CREATE VIEW v_post_count AS SELECT count(*) AS n FROM v_posts",
            "CREATE TRIGGER posts_owner AFTER INSERT ON posts BEGIN UPDATE users SET email = lower(email)"
                    + " WHERE id = new.user_id; END"};

    /** Makes users.name NOT NULL: a rebuild, as drizzle-kit and the plugin write it. */
    private static final String NAME_REQUIRED = sql(
            "PRAGMA foreign_keys=OFF;",
            "CREATE TABLE `__new_users` (`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,"
                    + " `name` text DEFAULT 'anon' NOT NULL, `email` text);",
            "INSERT INTO `__new_users`(\"id\", \"name\", \"email\") SELECT \"id\", IFNULL(\"name\", 'anon'), \"email\""
                    + " FROM `users`;",
            "DROP TABLE `users`;",
            "ALTER TABLE `__new_users` RENAME TO `users`;",
            "PRAGMA foreign_keys=ON;");

    private static final String OBJECTS = "SELECT type || ' ' || name || ': ' || sql FROM sqlite_master"
            + " WHERE type IN ('index', 'trigger', 'view') AND sql IS NOT NULL AND name NOT LIKE '\\_\\_%' ESCAPE '\\'"
            + " ORDER BY type, name";

    private MigrationFixture usersWithHandWrittenObjects(ApplyTarget.Kind kind) throws Exception {
        MigrationFixture fixture = start(kind);
        fixture.migration("0000_init", USERS_AND_POSTS);
        target.apply();
        target.execute(HAND_WRITTEN);
        target.execute("INSERT INTO users (name, email) VALUES ('ada', 'ADA@X'), (NULL, 'BOB@X'), ('cy', 'CY@X')",
                "DELETE FROM users WHERE id = 3", "INSERT INTO posts VALUES (10, 1, 'hello')");
        return fixture;
    }

    @ParameterizedTest
    @EnumSource(ApplyTarget.Kind.class)
    void aRebuildKeepsTriggersHandWrittenIndexesViewsAndTheSequence(ApplyTarget.Kind kind) throws Exception {
        MigrationFixture fixture = usersWithHandWrittenObjects(kind);
        List<String> objects = target.query(OBJECTS);
        assertEquals(5, objects.size(), objects.toString());
        fixture.migration("0001_name_required", NAME_REQUIRED);

        target.apply();

        assertEquals(objects, target.query(OBJECTS));
        assertEquals(List.of("1 ada ada@x", "2 anon BOB@X"),
                target.query("SELECT id, name, email FROM users ORDER BY id"));
        assertEquals(List.of("1"), target.query("SELECT n FROM v_post_count"));
        assertEquals(List.of("10 hello ada"), target.query("SELECT * FROM v_posts"));
        // the sequence: id 3 was handed out (and deleted) before the rebuild, so the next user is 4
        target.execute("INSERT INTO users (name, email) VALUES ('dee', 'DEE@X')",
                "UPDATE users SET name = 'ada lovelace' WHERE id = 1", "INSERT INTO posts VALUES (11, 4, 'hi')");
        assertEquals(List.of("4 dee dee@x"), target.query("SELECT id, name, email FROM users WHERE name = 'dee'"));
        assertEquals(List.of("renamed ada lovelace"), target.query("SELECT what FROM audit"));
        assertEquals(List.of("2"), target.query("SELECT n FROM v_post_count"));
        assertTrue(target.status().migrations().stream().allMatch(m -> m.state() == MigrationState.APPLIED));
    }

    @ParameterizedTest
    @EnumSource(ApplyTarget.Kind.class)
    void aHandWrittenIndexOnAColumnTheRebuildDropsFailsNamingIt(ApplyTarget.Kind kind) throws Exception {
        MigrationFixture fixture = usersWithHandWrittenObjects(kind);
        List<String> objects = target.query(OBJECTS);
        fixture.migration("0001_drop_email", sql(
                "PRAGMA foreign_keys=OFF;",
                "CREATE TABLE `__new_users` (`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL, `name` text);",
                "INSERT INTO `__new_users`(\"id\", \"name\") SELECT \"id\", \"name\" FROM `users`;",
                "DROP TABLE `users`;",
                "ALTER TABLE `__new_users` RENAME TO `users`;",
                "PRAGMA foreign_keys=ON;"));

        WriterflowException e = assertThrows(WriterflowException.class, target::apply);

        assertContains(e.getMessage(),
                "Migration 0001_drop_email failed at statement 5 of 6 (drizzle/0001_drop_email.sql:9)",
                "while apply was re-creating index users_lower_email of users, which dropping the old table dropped",
                "email", "still at 0000_init", "DROP INDEX \"users_lower_email\";");
        assertEquals(objects, target.query(OBJECTS));
        assertEquals(List.of("2"), target.query("SELECT count(*) FROM users"));
    }

    @ParameterizedTest
    @EnumSource(ApplyTarget.Kind.class)
    void aHandWrittenViewOnADrizzleViewOfTheRebuiltTableIsKept(ApplyTarget.Kind kind) throws Exception {
        MigrationFixture fixture = start(kind);
        fixture.migration("0000_init", sql("CREATE TABLE `users` (`id` integer PRIMARY KEY NOT NULL, `name` text);",
                "CREATE VIEW `v_names` AS select \"name\" from \"users\";"));
        target.apply();
        target.execute("CREATE VIEW v_name_count AS SELECT count(*) AS n FROM v_names",
                "INSERT INTO users VALUES (1, 'ada'), (2, NULL)");
        // the plugin's rebuild: drizzle's view is dropped first and created again at the end
        fixture.migration("0001_name_required", sql("PRAGMA foreign_keys=OFF;", "DROP VIEW `v_names`;",
                "CREATE TABLE `__new_users` (`id` integer PRIMARY KEY NOT NULL, `name` text DEFAULT 'x' NOT NULL);",
                "INSERT INTO `__new_users`(\"id\", \"name\") SELECT \"id\", IFNULL(\"name\", 'x') FROM `users`;",
                "DROP TABLE `users`;", "ALTER TABLE `__new_users` RENAME TO `users`;", "PRAGMA foreign_keys=ON;",
                "CREATE VIEW `v_names` AS select \"name\" from \"users\";"));

        target.apply();

        assertEquals(List.of("2"), target.query("SELECT n FROM v_name_count"));
        assertEquals(List.of("ada", "x"), target.query("SELECT name FROM v_names ORDER BY name"));
    }

    @ParameterizedTest
    @EnumSource(ApplyTarget.Kind.class)
    void whatTheMigrationCreatesAgainItselfIsLeftToIt(ApplyTarget.Kind kind) throws Exception {
        MigrationFixture fixture = usersWithHandWrittenObjects(kind);
        // as teams wrote it while rebuilds lost triggers: the migration re-creates its trigger itself
        fixture.migration("0001_name_required", sql(NAME_REQUIRED,
                "CREATE TRIGGER users_audit AFTER UPDATE OF name ON users BEGIN INSERT INTO audit VALUES ('now '"
                        + " || new.name); END;"));

        target.apply();

        target.execute("UPDATE users SET name = 'x' WHERE id = 1");
        assertEquals(List.of("now x"), target.query("SELECT what FROM audit"));
    }
}
