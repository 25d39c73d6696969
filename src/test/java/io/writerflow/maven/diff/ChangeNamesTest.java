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
        assertTrue(tag.startsWith("create_very_long_table_name0_very_long"), tag);
        assertEquals(tag, tag(Schema.EMPTY, to, null));
    }
}
