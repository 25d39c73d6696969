package io.writerflow.maven.schema;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static io.writerflow.maven.diff.SchemaBuilder.col;
import static io.writerflow.maven.diff.SchemaBuilder.schema;
import static io.writerflow.maven.diff.SchemaBuilder.table;
import static org.junit.jupiter.api.Assertions.assertEquals;

class DrizzleKit1SchemaTest {

    private static final Table LOADED = table("users")
            .columns(col("id", "integer").pk(), col("email", "text"), col("handle", "text"), col("score", "real"))
            .uniqueIndex("users_email_unique", "email")
            .uniqueIndex("users_handle_named", "handle")
            .uniqueIndex("users_score_uq", "score")
            .expressionIndex("users_lower_idx", "lower(\"email\")", "\"users\".\"score\" > 0")
            .check("score_check", "\"users\".\"score\" > 0 and \"users\".\"score\" < 10")
            .build();

    @Test
    void withoutASnapshotOnlyTheDefaultNameMakesAUniqueIndexAConstraint() {
        Table table = DrizzleKit1Schema.of(schema(LOADED), Schema.EMPTY).tables().get(0);

        assertEquals(List.of(new Unique("users_email_unique", List.of("email"))), table.uniqueConstraints());
        assertEquals(List.of("users_handle_named", "users_score_uq", "users_lower_idx"),
                table.indexes().stream().map(Index::name).toList());
        assertEquals(List.of(new Check("score_check", "\"score\" > 0 and \"score\" < 10")), table.checks());
    }

    @Test
    void theLastSnapshotDecidesWhatANameIs() {
        Table before = table("users").columns(col("id", "integer").pk(), col("email", "text"), col("handle", "text"))
                .uniqueIndex("users_email_unique", "email")
                .unique("users_handle_named", "handle")
                .build();

        Table table = DrizzleKit1Schema.of(schema(LOADED), schema(before)).tables().get(0);

        assertEquals(List.of(new Unique("users_handle_named", List.of("handle"))), table.uniqueConstraints());
        assertEquals(List.of("users_email_unique", "users_score_uq", "users_lower_idx"),
                table.indexes().stream().map(Index::name).toList());
    }

    @Test
    void aKeyColumnIsNotNullAsVersion7SnapshotsHaveIt() {
        Column nullableKey = new Column("k", "text", true, false, false, Optional.empty(), Optional.empty());
        Table table = new Table("tags", List.of(nullableKey), List.of(), List.of(), List.of(), List.of(), List.of());

        assertEquals(List.of(col("k", "text").pk().build()),
                DrizzleKit1Schema.of(schema(table), Schema.EMPTY).tables().get(0).columns());
    }

    @Test
    void viewsLoseTheirColumns() {
        View view = new View("v", List.of(col("id", "integer").build()), Optional.of("select 1"), false);
        assertEquals(List.of(new View("v", List.of(), Optional.of("select 1"), false)),
                DrizzleKit1Schema.of(new Schema(List.of(), List.of(view)), Schema.EMPTY).views());
    }
}
