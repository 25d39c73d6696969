package io.writerflow.maven.plan;

import io.writerflow.maven.diff.RenameMeta;
import io.writerflow.maven.diff.Renames;
import io.writerflow.maven.diff.SchemaChange;
import io.writerflow.maven.diff.SchemaDiff;
import io.writerflow.maven.schema.Loss;
import io.writerflow.maven.schema.Schema;
import io.writerflow.maven.schema.Snapshot;
import io.writerflow.maven.schema.Table;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.writerflow.maven.diff.SchemaBuilder.col;
import static io.writerflow.maven.diff.SchemaBuilder.schema;
import static io.writerflow.maven.diff.SchemaBuilder.table;
import static io.writerflow.maven.diff.SchemaBuilder.view;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The down plan of each kind of change: the up migration's changes undone, planned as the up direction plans. */
class DownPlannerTest {

    /** The down plan of the migration from {@code from} to {@code to}, its renames recorded as generate does. */
    private static Plan down(Schema from, Schema to, String renames) {
        return down(from, to, Renames.parse(renames));
    }

    private static Plan down(Schema from, Schema to, Renames renames) {
        List<SchemaChange> up = SchemaDiff.diff(from, to, renames, true);
        return DownPlanner.plan(from, new Snapshot("id", Snapshot.ORIGIN, to, RenameMeta.of(up)));
    }

    private static Plan down(Schema from, Schema to) {
        return down(from, to, (String) null);
    }

    private static List<Loss> losses(Plan plan) {
        return plan.statements().stream().flatMap(s -> s.losses().stream()).toList();
    }

    private static Table posts(String name) {
        return table(name).columns(col("id", "integer").pk(), col("title", "text")).build();
    }

    private static Table postsWithBody() {
        return table("posts").columns(col("id", "integer").pk(), col("title", "text"), col("body", "text")).build();
    }

    @Test
    void aCreatedTableIsDroppedLosingItsRows() {
        Plan plan = down(schema(), schema(posts("posts")));

        assertEquals("-- Drops table posts and all its rows\nDROP TABLE `posts`;", MigrationSql.render(plan));
        assertEquals(List.of(Loss.table("posts")), losses(plan));
    }

    @Test
    void aDroppedTableIsCreatedAgainLosingNothing() {
        Plan plan = down(schema(posts("posts")), schema());

        assertTrue(MigrationSql.render(plan).startsWith("CREATE TABLE `posts` (\n\t`id` integer PRIMARY KEY NOT NULL,"),
                MigrationSql.render(plan));
        assertEquals(List.of(), losses(plan));
    }

    @Test
    void anAddedColumnIsDroppedLosingItsValuesAndADroppedOneAddedBack() {
        Plan added = down(schema(posts("posts")), schema(postsWithBody()));
        Plan dropped = down(schema(postsWithBody()), schema(posts("posts")));

        assertEquals("-- Drops column posts.body and its data\nALTER TABLE `posts` DROP COLUMN `body`;",
                MigrationSql.render(added));
        assertEquals(List.of(Loss.column("posts", "body")), losses(added));
        assertEquals("ALTER TABLE `posts` ADD `body` text;", MigrationSql.render(dropped));
        assertEquals(List.of(), losses(dropped));
    }

    @Test
    void indexesAreDroppedAndCreatedBack() {
        Table indexed = table("posts").columns(col("id", "integer").pk(), col("title", "text"))
                .index("posts_title_idx", "title").build();

        assertEquals("DROP INDEX `posts_title_idx`;", MigrationSql.render(down(schema(posts("posts")),
                schema(indexed))));
        assertEquals("CREATE INDEX `posts_title_idx` ON `posts` (`title`);",
                MigrationSql.render(down(schema(indexed), schema(posts("posts")))));
    }

    @Test
    void renamesAreRenamedBackKeepingTheData() {
        Table renamedColumn = table("articles").columns(col("id", "integer").pk(), col("headline", "text")).build();

        Plan plan = down(schema(posts("posts")), schema(renamedColumn), "posts:articles,posts.title:headline");

        assertEquals("ALTER TABLE `articles` RENAME TO `posts`;--> statement-breakpoint\n"
                + "ALTER TABLE `posts` RENAME COLUMN \"headline\" TO \"title\";", MigrationSql.render(plan));
        assertEquals(List.of(), losses(plan));
    }

    @Test
    void namesHoldingDotsAndQuotesAreRenamedBack() {
        Table before = table("a.b").columns(col("id", "integer").pk(), col("x.\"y", "text")).build();
        Table after = table("a.b").columns(col("id", "integer").pk(), col("z.w", "text")).build();

        // not declarable as writerflow.renames, but drizzle-kit's prompt records such renames in its snapshots
        Plan plan = down(schema(before), schema(after), new Renames(List.of(),
                List.of(new Renames.ColumnRename("a.b", "x.\"y", "z.w"))));

        assertEquals(List.of(), losses(plan));
        assertEquals("ALTER TABLE `a.b` RENAME COLUMN \"z.w\" TO \"x.\"\"y\";", MigrationSql.render(plan));
    }

    @Test
    void anAddedForeignKeyIsTakenOutByARebuildThatKeepsTheRows() {
        Table users = table("users").columns(col("id", "integer").pk()).build();
        Table plain = table("posts").columns(col("id", "integer").pk(), col("user_id", "integer")).build();
        Table referencing = table("posts").columns(col("id", "integer").pk(), col("user_id", "integer"))
                .fk("user_id", "users", "id", "cascade").build();

        Plan plan = down(schema(users, plain), schema(users, referencing));

        String sql = MigrationSql.render(plan);
        assertTrue(sql.contains("INSERT INTO `__new_posts`(\"id\", \"user_id\") SELECT \"id\", \"user_id\" FROM `posts`;"),
                sql);
        assertTrue(!sql.contains("FOREIGN KEY"), sql);
        assertEquals(List.of(), losses(plan));
        assertEquals(List.of("posts"), plan.rebuilds().stream().map(Plan.Rebuild::table).toList());
    }

    @Test
    void viewsAreDroppedAndTheirOldDefinitionCreatedBack() {
        Schema without = schema(List.of(posts("posts")));
        Schema with = schema(List.of(posts("posts")), view("titles", "select \"title\" from \"posts\""));
        Schema changed = schema(List.of(posts("posts")), view("titles", "select \"id\", \"title\" from \"posts\""));

        assertEquals("DROP VIEW `titles`;", MigrationSql.render(down(without, with)));
        assertEquals("DROP VIEW `titles`;--> statement-breakpoint\n"
                + "CREATE VIEW `titles` AS select \"title\" from \"posts\";", MigrationSql.render(down(with, changed)));
    }

    @Test
    void aTypeChangeIsRebuiltBackAndANarrowingOneLosesTheColumnsValues() {
        Table text = table("posts").columns(col("id", "integer").pk(), col("n", "text")).build();
        Table integer = table("posts").columns(col("id", "integer").pk(), col("n", "integer")).build();

        Plan widened = down(schema(text), schema(integer)); // back to text: nothing lost
        Plan narrowed = down(schema(integer), schema(text)); // back to integer: '007' becomes 7

        assertTrue(MigrationSql.render(widened).contains("CREATE TABLE `__new_posts`"), MigrationSql.render(widened));
        assertEquals(List.of(), losses(widened));
        assertEquals(List.of(Loss.column("posts", "n")), losses(narrowed));
    }
}
