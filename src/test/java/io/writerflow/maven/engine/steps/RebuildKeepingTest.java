package io.writerflow.maven.engine.steps;

import io.writerflow.maven.migrations.MigrationStatements;
import io.writerflow.maven.migrations.Statement;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What apply adds around a rebuild, worked out from a schema: the rules, without a database. */
class RebuildKeepingTest {

    private static SchemaObject table(String name, String sql) {
        return new SchemaObject("table", name, name, sql);
    }

    private static final Catalog SCHEMA = new Catalog(List.of(
            table("users", "CREATE TABLE users (id integer PRIMARY KEY AUTOINCREMENT, name text)"),
            new SchemaObject("index", "users_name_idx", "users", "CREATE INDEX users_name_idx ON users (name)"),
            new SchemaObject("index", "users_lower_name", "users", "CREATE INDEX users_lower_name ON users (lower(name))"),
            new SchemaObject("trigger", "users_touch", "users", "CREATE TRIGGER users_touch AFTER UPDATE ON users BEGIN"
                    + " SELECT 1; END"),
            table("posts", "CREATE TABLE posts (id integer PRIMARY KEY, user_id integer)"),
            new SchemaObject("view", "v_names", "v_names", "CREATE VIEW v_names AS SELECT name FROM \"users\""),
            new SchemaObject("view", "v_count", "v_count", "CREATE VIEW v_count AS SELECT count(*) FROM v_names"),
            new SchemaObject("trigger", "v_count_write", "v_count", "CREATE TRIGGER v_count_write INSTEAD OF INSERT ON"
                    + " v_count BEGIN SELECT 1; END"),
            new SchemaObject("trigger", "posts_owner", "posts", "CREATE TRIGGER posts_owner AFTER INSERT ON posts BEGIN"
                    + " UPDATE users SET name = name WHERE id = new.user_id; END"),
            new SchemaObject("view", "v_posts", "v_posts", "CREATE VIEW v_posts AS SELECT id FROM posts"),
            table("__new_users", "CREATE TABLE `__new_users` (`id` integer PRIMARY KEY AUTOINCREMENT, `name` text)")));

    private static MigrationStatements statements(String... sql) {
        List<Statement> list = new ArrayList<>();
        for (int i = 0; i < sql.length; i++) {
            list.add(new Statement(i + 1, i + 1, sql[i]));
        }
        return new MigrationStatements.Held(list);
    }

    private static final MigrationStatements REBUILD = statements(
            "CREATE TABLE `__new_users` (`id` integer PRIMARY KEY AUTOINCREMENT, `name` text)",
            "INSERT INTO `__new_users` SELECT * FROM `users`",
            "DROP TABLE `users`",
            "ALTER TABLE `__new_users` RENAME TO `users`",
            "CREATE INDEX `users_name_idx` ON `users` (`name`)");

    private static RebuildKeeping keeping(MigrationStatements statements, Catalog catalog, Set<String> known) {
        RebuildScan scan = RebuildScan.of(statements);
        RebuildScan.Rebuild rebuild = scan.droppingAt(2).orElseThrow();
        return RebuildKeeping.plan(rebuild, catalog, scan, known, statements.get(2), Optional.empty());
    }

    private static List<String> sql(List<Step> steps) {
        return steps.stream().map(Step::sql).toList();
    }

    @Test
    void keepsTheSequenceDropsWhatReadsTheTableAndCreatesEverythingAgainInItsOrder() {
        RebuildKeeping keeping = keeping(REBUILD, SCHEMA, Set.of());

        assertEquals(List.of(
                "UPDATE sqlite_sequence SET seq = (SELECT seq FROM sqlite_sequence WHERE name = 'users') WHERE name ="
                        + " '__new_users' AND seq < (SELECT seq FROM sqlite_sequence WHERE name = 'users')",
                "INSERT INTO sqlite_sequence (name, seq) SELECT '__new_users', seq FROM sqlite_sequence WHERE name ="
                        + " 'users' AND NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = '__new_users')",
                "DROP TRIGGER \"posts_owner\"", "DROP VIEW \"v_count\"", "DROP VIEW \"v_names\""),
                sql(keeping.before()));
        // users_name_idx: the migration creates it itself right after the rename
        assertEquals(List.of("CREATE INDEX users_lower_name ON users (lower(name))",
                        "CREATE TRIGGER users_touch AFTER UPDATE ON users BEGIN SELECT 1; END",
                        "CREATE VIEW v_names AS SELECT name FROM \"users\"",
                        "CREATE VIEW v_count AS SELECT count(*) FROM v_names",
                        "CREATE TRIGGER v_count_write INSTEAD OF INSERT ON v_count BEGIN SELECT 1; END",
                        "CREATE TRIGGER posts_owner AFTER INSERT ON posts BEGIN UPDATE users SET name = name WHERE"
                                + " id = new.user_id; END"),
                sql(keeping.after(REBUILD.get(3))));
    }

    @Test
    void anIndexThePreviousSnapshotDeclaresIsTheMigrations() {
        // the schema removed users_lower_name: drizzle's rebuild does not create it again, and neither does apply
        RebuildKeeping keeping = keeping(REBUILD, SCHEMA, Set.of("users_lower_name", "users_name_idx"));

        assertEquals(List.of("CREATE TRIGGER users_touch AFTER UPDATE ON users BEGIN SELECT 1; END"),
                sql(keeping.after(REBUILD.get(3))).subList(0, 1));
    }

    @Test
    void whatReadsAViewTheMigrationDroppedBeforeIsDroppedForTheRenameToo() {
        // drizzle's view v_names was dropped by the migration before the rebuild; v_count still reads it
        Catalog withoutNames = new Catalog(SCHEMA.objects().stream().filter(o -> !o.named("v_names")).toList());
        MigrationStatements statements = statements("DROP VIEW `v_names`",
                "CREATE TABLE `__new_users` (`id` integer PRIMARY KEY AUTOINCREMENT, `name` text)",
                "DROP TABLE `users`", "ALTER TABLE `__new_users` RENAME TO `users`",
                "CREATE VIEW `v_names` AS SELECT name FROM users");

        RebuildKeeping keeping = keeping(statements, withoutNames, Set.of());

        assertEquals(List.of("DROP TRIGGER \"posts_owner\"", "DROP VIEW \"v_count\""),
                sql(keeping.before()).subList(2, 4));
        assertEquals(List.of("CREATE VIEW v_count AS SELECT count(*) FROM v_names",
                        "CREATE TRIGGER v_count_write INSTEAD OF INSERT ON v_count BEGIN SELECT 1; END"),
                sql(keeping.after(statements.get(3))).subList(3, 5));
    }

    @Test
    void noSequenceForATableWithoutAutoincrement() {
        Catalog plain = new Catalog(List.of(table("users", "CREATE TABLE users (id integer PRIMARY KEY)"),
                table("__new_users", "CREATE TABLE __new_users (id integer PRIMARY KEY, x text)")));

        RebuildKeeping keeping = keeping(REBUILD, plain, Set.of());

        assertEquals(List.of(), keeping.before());
        assertEquals(List.of(), keeping.after(REBUILD.get(3)));
    }
}
