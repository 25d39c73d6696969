package io.writerflow.maven.plan;

import io.writerflow.maven.diff.Renames;
import io.writerflow.maven.diff.SchemaChange;
import io.writerflow.maven.diff.SchemaDiff;
import io.writerflow.maven.schema.Schema;
import io.writerflow.maven.schema.Table;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.writerflow.maven.diff.SchemaBuilder.col;
import static io.writerflow.maven.diff.SchemaBuilder.schema;
import static io.writerflow.maven.diff.SchemaBuilder.table;
import static io.writerflow.maven.diff.SchemaBuilder.view;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the planner writes where drizzle-kit cannot be run to compare (renames) or is wrong. */
class SqlitePlannerTest {

    private static String sql(Schema from, Schema to) {
        return sql(from, to, null);
    }

    private static String sql(Schema from, Schema to, String renames) {
        List<SchemaChange> changes = SchemaDiff.diff(from, to, Renames.parse(renames), false);
        return MigrationSql.render(SqlitePlanner.plan(from, to, changes));
    }

    private static Table posts(String name) {
        return table(name).columns(col("id", "integer").pk(), col("title", "text")).build();
    }

    @Test
    void renamesAreDrizzleKitsStatementsAndComeFirst() {
        Table users = table("users").columns(col("id", "integer").pk(), col("name", "text")).build();
        Table usersRenamed = table("users").columns(col("id", "integer").pk(), col("full_name", "text")).build();
        Table zebras = table("zebras").columns(col("id", "integer").pk()).build();
        Table zebrasWider = table("zebras").columns(col("id", "integer").pk(), col("stripes", "integer")).build();

        // drizzle-kit's SqliteRenameTableConvertor and SQLiteAlterTableRenameColumnConvertor
        assertEquals("ALTER TABLE `posts` RENAME TO `articles`;",
                sql(schema(posts("posts")), schema(posts("articles")), "posts:articles"));
        assertEquals("ALTER TABLE `users` RENAME COLUMN \"name\" TO \"full_name\";",
                sql(schema(users), schema(usersRenamed), "users.name:full_name"));
        assertEquals("ALTER TABLE `posts` RENAME TO `articles`;--> statement-breakpoint\n"
                        + "ALTER TABLE `users` RENAME COLUMN \"name\" TO \"full_name\";--> statement-breakpoint\n"
                        + "ALTER TABLE `zebras` ADD `stripes` integer;",
                sql(schema(posts("posts"), users, zebras), schema(posts("articles"), usersRenamed, zebrasWider),
                        "users.name:full_name,posts:articles"));
    }

    @Test
    void aRebuildAfterRenamesUsesTheNewNames() {
        Table before = table("users").columns(col("id", "integer").pk(), col("name", "text")).build();
        Table after = table("people").columns(col("id", "integer").pk(), col("full_name", "text").notNull().def("''"))
                .build();

        String sql = sql(schema(before), schema(after), "users:people,people.name:full_name");

        assertTrue(sql.startsWith("ALTER TABLE `users` RENAME TO `people`;--> statement-breakpoint\n"
                + "ALTER TABLE `people` RENAME COLUMN \"name\" TO \"full_name\";--> statement-breakpoint\n"
                + "PRAGMA foreign_keys=OFF;"), sql);
        assertTrue(sql.contains("INSERT INTO `__new_people`(\"id\", \"full_name\") SELECT \"id\","
                + " IFNULL(\"full_name\", '') FROM `people`;"), sql);
    }

    @Test
    void severalRebuildsShareOneForeignKeyBracket() {
        Table a = table("a").columns(col("id", "integer").pk(), col("x", "text")).build();
        Table b = table("b").columns(col("id", "integer").pk(), col("y", "text")).build();
        Table c = table("c").columns(col("id", "integer").pk(), col("z", "text")).build();
        Table a2 = table("a").columns(col("id", "integer").pk(), col("x", "text").notNull().def("''")).build();
        Table b2 = table("b").columns(col("id", "integer").pk(), col("y", "integer")).build();
        Table c2 = table("c").columns(col("id", "integer").pk(), col("z", "text").def("'z'")).build();

        List<String> statements = List.of(sql(schema(a, b, c), schema(a2, b2, c2))
                .split("--> statement-breakpoint\n"));

        // drizzle-kit writes ON after the first rebuild only: the second and third would run with enforcement on
        assertEquals(1, statements.stream().filter(s -> s.startsWith("PRAGMA foreign_keys=OFF;")).count());
        assertEquals(1, statements.stream().filter(s -> s.startsWith("PRAGMA foreign_keys=ON;")).count());
        assertTrue(statements.get(0).startsWith("PRAGMA foreign_keys=OFF;"), statements.get(0));
        assertTrue(statements.get(statements.size() - 1).startsWith("PRAGMA foreign_keys=ON;"),
                String.join("|", statements));
        assertEquals(3, statements.stream().filter(s -> s.startsWith("DROP TABLE")).count());
    }

    @Test
    void anAddedColumnKeepsItsForeignKeysActions() {
        Table users = table("users").columns(col("id", "integer").pk()).build();
        Table after = table("posts").columns(col("id", "integer").pk(), col("title", "text"),
                col("editor_id", "integer")).fk("editor_id", "users", "id", "cascade").build();

        // drizzle-kit writes "REFERENCES users(id)" and loses ON DELETE cascade
        assertEquals("ALTER TABLE `posts` ADD `editor_id` integer REFERENCES users(id) ON UPDATE no action"
                + " ON DELETE cascade;", sql(schema(users, posts("posts")), schema(users, after)));
    }

    @Test
    void columnsAlterTableCannotAddOrDropRebuildTheTable() {
        Table before = table("t").columns(col("id", "integer").pk(), col("a", "text"), col("b", "integer"))
                .unique("t_a_b_unique", "a", "b").build();
        Table dropB = table("t").columns(col("id", "integer").pk(), col("a", "text")).build();
        Table addStamp = table("t").columns(col("id", "integer").pk(), col("a", "text"), col("b", "integer"),
                col("at", "integer").def("(CURRENT_TIMESTAMP)")).unique("t_a_b_unique", "a", "b").build();

        String drop = sql(schema(before), schema(dropB));
        assertTrue(drop.contains("INSERT INTO `__new_t`(\"id\", \"a\") SELECT \"id\", \"a\" FROM `t`;"), drop);
        assertFalse(drop.contains("DROP COLUMN"), drop);
        String add = sql(schema(before), schema(addStamp));
        assertTrue(add.contains("\t`at` integer DEFAULT (CURRENT_TIMESTAMP),\n\tCONSTRAINT t_a_b_unique UNIQUE(`a`,`b`)"),
                add);
        assertTrue(add.contains("INSERT INTO `__new_t`(\"id\", \"a\", \"b\") SELECT"), add);
    }

    @Test
    void aColumnBecomingVirtualGeneratedIsDroppedAndAddedAgainAsDrizzleKitDoes() {
        Table plain = table("t").columns(col("id", "integer").pk(), col("a", "text"), col("b", "text")).build();
        Table virtual = table("t").columns(col("id", "integer").pk(), col("a", "text"),
                col("b", "text").virtual("(upper(\"a\"))")).build();
        Table stored = table("t").columns(col("id", "integer").pk(), col("a", "text"),
                col("b", "text").stored("(upper(\"a\"))")).build();

        assertEquals("-- Replaces the values stored in t.b with its generated expression\n"
                        + "ALTER TABLE `t` DROP COLUMN `b`;--> statement-breakpoint\n"
                        + "ALTER TABLE `t` ADD `b` text GENERATED ALWAYS AS (upper(\"a\")) VIRTUAL;",
                sql(schema(plain), schema(virtual)));
        // drizzle-kit only warns that SQLite cannot ADD a STORED column, and writes nothing
        String toStored = sql(schema(virtual), schema(stored));
        assertTrue(toStored.contains("`b` text GENERATED ALWAYS AS (upper(\"a\")) STORED"), toStored);
        assertTrue(toStored.contains("INSERT INTO `__new_t`(\"id\", \"a\") SELECT \"id\", \"a\" FROM `t`;"), toStored);
    }

    @Test
    void viewsTheMigrationDropsGoFirst() {
        Table before = table("t").columns(col("id", "integer").pk(), col("a", "text")).build();
        Table after = table("t").columns(col("id", "integer").pk(), col("a", "integer")).build();

        String sql = sql(schema(List.of(before), view("v", "select \"a\" from \"t\"")),
                schema(List.of(after), view("v", "select \"a\" + 1 from \"t\"")));

        assertTrue(sql.startsWith("DROP VIEW `v`;--> statement-breakpoint\nPRAGMA foreign_keys=OFF;"), sql);
        assertTrue(sql.endsWith("PRAGMA foreign_keys=ON;--> statement-breakpoint\n"
                + "CREATE VIEW `v` AS select \"a\" + 1 from \"t\";"), sql);
    }

    @Test
    void tablesNamedLikeNumbersComeFirstAsInDrizzleKitsObjects() {
        Schema to = schema(posts("b"), posts("10"), posts("a"), posts("9"));

        List<String> order = SqlitePlanner.plan(Schema.EMPTY, to, SchemaDiff.diff(Schema.EMPTY, to, Renames.NONE, false))
                .statements().stream().map(s -> s.source().subject()).toList();

        // as a JavaScript object orders its keys: integer-like ones ascending, then the rest as given
        assertEquals(List.of("9", "10", "b", "a"), order);
    }

    @Test
    void statementsKnowTheirChangeAndReason() {
        Table before = table("t").columns(col("id", "integer").pk(), col("a", "text")).build();
        Table after = table("t").columns(col("id", "integer").pk(), col("a", "text").notNull().def("'x'")).build();
        List<SchemaChange> changes = SchemaDiff.diff(schema(before), schema(after), Renames.NONE, false);

        Plan plan = SqlitePlanner.plan(schema(before), schema(after), changes);

        assertTrue(plan.statements().stream().allMatch(s -> s.sources().equals(changes)));
        PlannedStatement create = plan.statements().get(1);
        assertEquals("Rebuild t, because ALTER TABLE cannot change column t.a (becomes NOT NULL, default 'x'):"
                + " create the new table as __new_t", create.comment());
    }
}
