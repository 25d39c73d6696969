package io.writerflow.maven.diff;

import io.writerflow.maven.schema.Schema;
import io.writerflow.maven.schema.Table;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.writerflow.maven.diff.SchemaBuilder.col;
import static io.writerflow.maven.diff.SchemaBuilder.schema;
import static io.writerflow.maven.diff.SchemaBuilder.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChangeNamesTest {

    private static final Table USERS = table("users").columns(col("id", "integer").pk(), col("name", "text"))
            .index("users_name_idx", "name").build();
    private static final Table DOCUMENTS = table("documents").columns(col("id", "integer").pk()).build();
    private static final Table TAGS = table("tags").columns(col("id", "integer").pk()).build();

    private static String tag(Schema from, Schema to, String renames) {
        return ChangeNames.tag(SchemaDiff.diff(from, to, Renames.parse(renames), false));
    }

    private static String tagAcceptingDrops(Schema from, Schema to) {
        return ChangeNames.tag(SchemaDiff.diff(from, to, Renames.NONE, true));
    }

    @Test
    void namesTheChange() {
        assertEquals("create_users", tag(Schema.EMPTY, schema(USERS), null));
        assertEquals("create_users_documents", tag(Schema.EMPTY, schema(USERS, DOCUMENTS), null));
        assertEquals("drop_tags", tag(schema(USERS, TAGS), schema(USERS), null));
        assertEquals("add_documents_score_title", tag(schema(DOCUMENTS), schema(table("documents")
                .columns(col("id", "integer").pk(), col("score", "real"), col("title", "text")).build()), null));
        assertEquals("rename_tags_to_labels", tag(schema(TAGS),
                schema(table("labels").columns(col("id", "integer").pk()).build()), "tags:labels"));
        assertEquals("rename_users_name_to_full_name", tag(schema(USERS), schema(table("users")
                .columns(col("id", "integer").pk(), col("full_name", "text")).index("users_name_idx", "full_name")
                .build()), "users.name:full_name"));
        assertEquals("alter_users_name", tag(schema(USERS), schema(table("users")
                .columns(col("id", "integer").pk(), col("name", "text").notNull()).index("users_name_idx", "name")
                .build()), null));
        assertEquals("drop_index_users_name_idx", tag(schema(USERS), schema(table("users")
                .columns(col("id", "integer").pk(), col("name", "text")).build()), null));
        assertEquals("no_changes", ChangeNames.tag(List.of()));
    }

    @Test
    void staysShortLowercaseAndTheSameEveryTime() {
        List<Table> many = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            many.add(table("VeryLongTableName" + i).columns(col("id", "integer").pk()).build());
        }
        Schema to = new Schema(many, List.of());
        String tag = tag(Schema.EMPTY, to, null);
        assertTrue(tag.matches("[a-z0-9_]{1,40}") && !tag.endsWith("_"), tag);
        assertEquals("create_very_long_table_name0_etc", tag, "names cut whole, never mid-name");
        assertEquals(tag, tag(Schema.EMPTY, to, null));
    }

    @Test
    void aLongTagStillNamesEveryKindOfChangeShorteningTheLongestPhrasesFirst() {
        Table posts = table("posts").columns(col("id", "integer").pk(), col("title", "text")).build();
        Schema before = schema(USERS, posts, TAGS);
        Schema after = schema(table("users").columns(col("id", "integer").pk(), col("name", "text"),
                        col("bio", "text"), col("avatar", "text")).index("users_name_idx", "name").build(),
                table("posts").columns(col("id", "integer").pk(), col("title", "text").notNull()).build(),
                table("comments").columns(col("id", "integer").pk()).build(),
                table("reactions").columns(col("id", "integer").pk()).build(),
                table("bookmarks").columns(col("id", "integer").pk()).build());

        // in full: create_comments_reactions_bookmarks_drop_tags_alter_posts_title_add_users_bio_avatar
        assertEquals("create_drop_tags_alter_posts_add_users", tagAcceptingDrops(before, after));
    }

    @Test
    void betweenFullAndShortNamesAreTheFirstOnesAndEtc() {
        Schema after = schema(USERS, table("comments").columns(col("id", "integer").pk()).build(),
                table("reactions").columns(col("id", "integer").pk()).build(),
                table("bookmarks").columns(col("id", "integer").pk()).build(),
                table("notifications").columns(col("id", "integer").pk()).build());

        assertEquals("create_comments_reactions_bookmarks_etc", tag(schema(USERS), after, null));
        assertEquals("create_comments_reactions_etc_drop_tags", tagAcceptingDrops(schema(USERS, TAGS), after));
    }

    @Test
    void whenOnlyTheKindsFitTheyAreNamedOnce() {
        List<Table> before = new ArrayList<>();
        List<Table> after = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            before.add(table("AnOldAndRatherLongTableName" + i).columns(col("id", "integer").pk(),
                    col("gone", "blob")).build());
            after.add(table("AnOldAndRatherLongTableName" + i).columns(col("id", "integer").pk(),
                    col("status", "integer").notNull()).build());
            after.add(table("ANewAndRatherLongTableName" + i).columns(col("id", "integer").pk()).build());
        }
        String tag = tagAcceptingDrops(new Schema(before, List.of()), new Schema(after, List.of()));

        assertEquals("create_add_drop", tag);
    }
}
