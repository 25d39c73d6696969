package io.writerflow.maven.plan;

import io.writerflow.maven.WriterflowException;
import io.writerflow.maven.diff.Renames;
import io.writerflow.maven.diff.SchemaDiff;
import io.writerflow.maven.schema.Schema;
import io.writerflow.maven.schema.Table;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static io.writerflow.maven.diff.SchemaBuilder.col;
import static io.writerflow.maven.diff.SchemaBuilder.schema;
import static io.writerflow.maven.diff.SchemaBuilder.table;
import static io.writerflow.maven.diff.SchemaBuilder.view;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The cases where drizzle-kit 0.31's rebuilds lose or invent data, planned here and applied through the
 * apply engine to a database holding rows, foreign keys enforced as an application has them.
 */
class RebuildApplyTest {

    @TempDir
    Path project;

    ApplyFixture db;

    @BeforeEach
    void fixture() {
        db = new ApplyFixture(project);
    }

    private static Table users(String... extra) {
        return users(List.of(extra));
    }

    private static Table users(List<String> variant) {
        var t = table("users").columns(col("id", "integer").pk().autoincrement(), col("email", "text").notNull());
        t = variant.contains("name not null default") ? t.columns(col("name", "text").notNull().def("'anon'"))
                : variant.contains("name not null") ? t.columns(col("name", "text").notNull())
                : t.columns(col("name", "text"));
        t = t.columns(col("nickname", "text"));
        if (variant.contains("nickname default")) {
            t = table("users").columns(col("id", "integer").pk().autoincrement(), col("email", "text").notNull(),
                    col("name", "text"), col("nickname", "text").def("'none'"));
        }
        if (variant.contains("new columns")) {
            t = t.columns(col("score", "integer").def("7"), col("created_at", "integer").notNull().def("(unixepoch())"));
        }
        if (variant.contains("check")) {
            t = t.check("users_email_check", "\"users\".\"email\" like '%@%'");
        }
        return t.uniqueIndex("users_email_unique", "email")
                .expressionIndex("users_lower_name_idx", "lower(\"name\")", null).build();
    }

    private static Table documents() {
        return table("documents").columns(col("id", "integer").pk(), col("owner_id", "integer").notNull(),
                        col("title", "text").notNull())
                .fk("owner_id", "users", "id", "cascade").index("documents_owner_idx", "owner_id").build();
    }

    /** users with two rows and three cascading documents. */
    private void usersWithDocuments() throws Exception {
        db.migrateTo(schema(users(), documents()));
        db.execute("INSERT INTO users (id, email, name, nickname) VALUES (1, 'ada@x', 'Ada', NULL), (2, 'bo@x', NULL, 'bee')",
                "INSERT INTO documents VALUES (10, 1, 'one'), (11, 1, 'two'), (12, 2, 'three')");
    }

    @Test
    void aRebuildCopiesOnlyTheOldColumnsAndNewColumnsTakeTheirDefaults() throws Exception {
        usersWithDocuments();
        String sql = db.migrateTo(schema(users("new columns"), documents()));

        assertTrue(sql.contains("INSERT INTO `__new_users`(\"id\", \"email\", \"name\", \"nickname\") SELECT \"id\","
                + " \"email\", \"name\", \"nickname\" FROM `users`;"), sql);
        assertEquals(List.of("1|7|true", "2|7|true"),
                db.rows("SELECT id, score, created_at > 0 AND created_at IS NOT NULL FROM users ORDER BY id").stream()
                        .map(r -> r.replace("|1", "|true")).toList());
    }

    @Test
    void rebuildingAParentOfCascadingChildrenKeepsEveryChild() throws Exception {
        usersWithDocuments();
        String sql = db.migrateTo(schema(users("nickname default"), documents()));

        assertTrue(sql.contains("DROP TABLE `users`;"), sql);
        assertEquals(3, db.count("SELECT count(*) FROM documents"));
        assertEquals(0, db.count("SELECT count(*) FROM pragma_foreign_key_check"));
        // and the rebuilt parent still cascades
        db.execute("DELETE FROM users WHERE id = 1");
        assertEquals(List.of("12"), db.rows("SELECT id FROM documents"));
    }

    @Test
    void aColumnBecomingNotNullWithADefaultTurnsNullsIntoTheDefault() throws Exception {
        usersWithDocuments();
        String sql = db.migrateTo(schema(users("name not null default"), documents()));

        assertTrue(sql.contains("IFNULL(\"name\", 'anon')"), sql);
        assertTrue(sql.contains("-- Makes users.name NOT NULL: rows holding NULL there get its default 'anon'"), sql);
        assertEquals(List.of("1|Ada", "2|anon"), db.rows("SELECT id, name FROM users ORDER BY id"));
        assertEquals(3, db.count("SELECT count(*) FROM documents"));
    }

    @Test
    void aColumnBecomingNotNullWithoutADefaultFailsBeforeChangingAnything() throws Exception {
        usersWithDocuments();
        String sql = MigrationSql.render(ApplyFixture.plan(schema(users(), documents()),
                schema(users("name not null"), documents())));

        WriterflowException e = assertThrows(WriterflowException.class, () -> db.apply(sql));
        assertTrue(e.getMessage().contains("users.name becomes NOT NULL without a default, and 1 row of users holds"
                + " NULL there"), e.getMessage());
        assertEquals(List.of("1|Ada", "2|null"), db.rows("SELECT id, name FROM users ORDER BY id"));
        assertEquals(3, db.count("SELECT count(*) FROM documents"));
        assertEquals(0, db.count("SELECT count(*) FROM sqlite_master WHERE name = '__new_users'"));
    }

    @Test
    void generatedColumnsAreNeverWrittenByARebuild() throws Exception {
        Table before = table("items").columns(col("id", "integer").pk(), col("name", "text"),
                col("price", "real").notNull(), col("qty", "integer"),
                col("total", "real").stored("(\"price\" * \"qty\")"), col("label", "text").virtual("(upper(\"name\"))"))
                .build();
        Table after = table("items").columns(col("id", "integer").pk(), col("name", "text"),
                col("price", "real").notNull(), col("qty", "integer").notNull().def("1"),
                col("total", "real").stored("(\"price\" * \"qty\")"), col("label", "text").virtual("(upper(\"name\"))"))
                .build();
        db.migrateTo(schema(before));
        db.execute("INSERT INTO items (id, name, price, qty) VALUES (1, 'pen', 2.5, 4), (2, 'ink', 3.0, NULL)");

        String sql = db.migrateTo(schema(after));

        assertTrue(sql.contains("INSERT INTO `__new_items`(\"id\", \"name\", \"price\", \"qty\") SELECT \"id\","
                + " \"name\", \"price\", IFNULL(\"qty\", 1) FROM `items`;"), sql);
        assertEquals(List.of("1|pen|4|10.0|PEN", "2|ink|1|3.0|INK"),
                db.rows("SELECT id, name, qty, total, label FROM items ORDER BY id"));
    }

    @Test
    void otherTablesIndexesAreLeftAloneAndTheRebuiltTablesOwnAreCreatedAgain() throws Exception {
        usersWithDocuments();
        String documentsIndex = db.rows("SELECT sql FROM sqlite_master WHERE name = 'documents_owner_idx'").get(0);
        Plan plan = ApplyFixture.plan(schema(users(), documents()), schema(users("check"), documents()));

        assertFalse(plan.statements().stream().anyMatch(s -> s.sql().contains("documents")), plan.toString());
        db.apply(MigrationSql.render(plan));

        assertEquals(List.of(documentsIndex), db.rows("SELECT sql FROM sqlite_master WHERE name = 'documents_owner_idx'"));
        assertEquals(List.of("CREATE UNIQUE INDEX `users_email_unique` ON `users` (`email`)",
                        "CREATE INDEX `users_lower_name_idx` ON `users` (lower(\"name\"))"),
                db.rows("SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'users' AND sql IS NOT NULL"
                        + " ORDER BY name"));
        // the check reads "users"."email" again after the rename
        assertTrue(db.rows("SELECT sql FROM sqlite_master WHERE name = 'users'").get(0)
                .contains("CHECK(\"users\".\"email\" like '%@%')"));
        assertThrows(java.sql.SQLException.class, () -> db.execute("INSERT INTO users (email) VALUES ('nope')"));
    }

    @Test
    void addingACompositePrimaryKeyKeepsTheRows() throws Exception {
        Table before = table("memberships").columns(col("user_id", "integer").notNull(),
                col("group_id", "integer").notNull(), col("role", "text")).build();
        Table after = table("memberships").columns(col("user_id", "integer").notNull(),
                col("group_id", "integer").notNull(), col("role", "text")).pk("user_id", "group_id").build();
        db.migrateTo(schema(before));
        db.execute("INSERT INTO memberships VALUES (1, 1, 'owner'), (1, 2, NULL), (2, 1, 'guest')");

        String sql = db.migrateTo(schema(after));

        assertTrue(sql.contains("PRIMARY KEY(`user_id`, `group_id`)"), sql);
        assertEquals(List.of("1|1|owner", "1|2|null", "2|1|guest"),
                db.rows("SELECT * FROM memberships ORDER BY user_id, group_id"));
        assertThrows(java.sql.SQLException.class, () -> db.execute("INSERT INTO memberships VALUES (1, 1, 'again')"));
    }

    private static Table reviews(boolean withForeignKey) {
        var t = table("reviews").columns(col("id", "integer").pk(), col("reviewer_id", "integer"), col("text", "text"));
        return (withForeignKey ? t.fk("reviewer_id", "users", "id", "set null") : t).build();
    }

    @Test
    void addingAForeignKeyToAnExistingColumnKeepsTheRows() throws Exception {
        db.migrateTo(schema(users(), reviews(false)));
        db.execute("INSERT INTO users (id, email) VALUES (1, 'ada@x')",
                "INSERT INTO reviews VALUES (1, 1, 'fine'), (2, NULL, 'anonymous')");

        db.migrateTo(schema(users(), reviews(true)));

        assertEquals(List.of("1|1|fine", "2|null|anonymous"), db.rows("SELECT * FROM reviews ORDER BY id"));
        db.execute("DELETE FROM users WHERE id = 1");
        assertEquals(List.of("1|null"), db.rows("SELECT id, reviewer_id FROM reviews WHERE id = 1"));
    }

    @Test
    void addingAForeignKeyThatRowsViolateFailsAndChangesNothing() throws Exception {
        db.migrateTo(schema(users(), reviews(false)));
        db.execute("INSERT INTO users (id, email) VALUES (1, 'ada@x')", "INSERT INTO reviews VALUES (1, 99, 'orphan')");
        String sql = MigrationSql.render(ApplyFixture.plan(schema(users(), reviews(false)), schema(users(), reviews(true))));

        WriterflowException e = assertThrows(WriterflowException.class, () -> db.apply(sql));

        assertTrue(e.getMessage().contains("reviews -> users (1 row)"), e.getMessage());
        assertEquals(List.of("1|99|orphan"), db.rows("SELECT * FROM reviews"));
        assertFalse(db.rows("SELECT sql FROM sqlite_master WHERE name = 'reviews'").get(0).contains("REFERENCES"));
    }

    @Test
    void aGeneratedColumnBecomingPlainKeepsItsValues() throws Exception {
        Table before = table("pages").columns(col("id", "integer").pk(), col("title", "text"),
                col("slug", "text").stored("(lower(\"title\"))")).build();
        Table after = table("pages").columns(col("id", "integer").pk(), col("title", "text"), col("slug", "text"))
                .build();
        db.migrateTo(schema(before));
        db.execute("INSERT INTO pages (id, title) VALUES (1, 'Hello')");

        String sql = db.migrateTo(schema(after));

        assertFalse(sql.contains("-- "), sql);
        assertEquals(List.of("1|Hello|hello"), db.rows("SELECT * FROM pages"));
    }

    @Test
    void addingAStoredGeneratedColumnRebuildsAndComputesIt() throws Exception {
        Table before = table("pages").columns(col("id", "integer").pk(), col("title", "text")).build();
        Table after = table("pages").columns(col("id", "integer").pk(), col("title", "text"),
                col("slug", "text").stored("(lower(\"title\"))")).build();
        db.migrateTo(schema(before));
        db.execute("INSERT INTO pages (id, title) VALUES (1, 'Hello')");

        db.migrateTo(schema(after));

        assertEquals(List.of("1|Hello|hello"), db.rows("SELECT * FROM pages"));
    }

    @Test
    void viewsReadingARebuiltTableAreDroppedAndCreatedAroundIt() throws Exception {
        db.migrateTo(schema(List.of(users(), documents()), view("named", "select \"id\", \"name\" from \"users\"")));
        db.execute("INSERT INTO users (id, email, name) VALUES (1, 'ada@x', 'Ada')");

        String sql = db.migrateTo(schema(List.of(users("nickname default"), documents()),
                view("named", "select \"id\", \"name\" from \"users\"")));

        assertTrue(sql.indexOf("DROP VIEW `named`;") < sql.indexOf("DROP TABLE `users`;"), sql);
        assertEquals(List.of("1|Ada"), db.rows("SELECT * FROM named"));
    }

    @Test
    void declaredRenamesKeepTheData() throws Exception {
        usersWithDocuments();
        Schema before = schema(users(), documents());
        Table people = table("people").columns(col("id", "integer").pk().autoincrement(), col("email", "text").notNull(),
                        col("full_name", "text"), col("nickname", "text"))
                .uniqueIndex("users_email_unique", "email")
                .expressionIndex("users_lower_name_idx", "lower(\"full_name\")", null).build();
        Table documents = table("documents").columns(col("id", "integer").pk(), col("owner_id", "integer").notNull(),
                        col("title", "text").notNull())
                .fk("owner_id", "people", "id", "cascade").index("documents_owner_idx", "owner_id").build();
        Schema after = schema(people, documents);
        Plan plan = SqlitePlanner.plan(before, after, SchemaDiff.diff(before, after,
                Renames.parse("users:people,people.name:full_name"), false));

        assertEquals("ALTER TABLE `users` RENAME TO `people`;--> statement-breakpoint\n"
                + "ALTER TABLE `people` RENAME COLUMN \"name\" TO \"full_name\";", MigrationSql.render(plan));
        db.apply(MigrationSql.render(plan));

        assertEquals(List.of("1|Ada", "2|null"), db.rows("SELECT id, full_name FROM people ORDER BY id"));
        db.execute("DELETE FROM people WHERE id = 2");
        assertEquals(2, db.count("SELECT count(*) FROM documents"));
    }
}
