package io.writerflow.maven.rebase;

import io.writerflow.maven.schema.Column;
import io.writerflow.maven.schema.Index;
import io.writerflow.maven.schema.Schema;
import io.writerflow.maven.schema.Table;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SchemaMergeTest {

    private static Column column(String name, String type) {
        return new Column(name, type, false, false, false, Optional.empty(), Optional.empty());
    }

    private static Table table(String name, Column... columns) {
        return new Table(name, List.of(columns), List.of(), List.of(), List.of(), List.of(), List.of());
    }

    private static Schema schema(Table... tables) {
        return new Schema(List.of(tables), List.of());
    }

    private static final Column ID = column("id", "integer");

    @Test
    void columnsBothSidesAddedToOneTableAreBothKeptMainsFirst() {
        SchemaMerge.Result r = SchemaMerge.merge(schema(table("users", ID)),
                schema(table("users", ID, column("name", "text"))),
                schema(table("users", ID, column("age", "integer"))));
        assertEquals(List.of(), r.conflicts());
        assertEquals(schema(table("users", ID, column("name", "text"), column("age", "integer"))), r.schema());
    }

    @Test
    void aTableOnlyOneSideTouchedTakesThatSide() {
        Schema base = schema(table("users", ID), table("posts", ID));
        SchemaMerge.Result r = SchemaMerge.merge(base, schema(table("users", ID)),
                schema(table("users", ID), table("posts", ID, column("title", "text")), table("tags", ID)));
        // main dropped posts, which the branch changed: a conflict; tags is the branch's own
        assertEquals(List.of("posts (dropped or renamed on one side, changed on the other)"), r.conflicts());
        SchemaMerge.Result clean = SchemaMerge.merge(base, schema(table("users", ID)),
                schema(table("users", ID), table("posts", ID), table("tags", ID)));
        assertEquals(List.of(), clean.conflicts());
        assertEquals(schema(table("users", ID), table("tags", ID)), clean.schema());
    }

    @Test
    void namesEachElementBothSidesChangedDifferently() {
        Schema base = schema(table("users", ID, column("email", "text")));
        Table theirs = new Table("users", List.of(ID, column("email", "integer")),
                List.of(new Index("users_email", List.of(), false, Optional.empty())), List.of(), List.of(), List.of(),
                List.of());
        Table ours = new Table("users", List.of(ID, column("email", "blob")),
                List.of(new Index("users_email", List.of(), true, Optional.empty())), List.of(), List.of(), List.of(),
                List.of());
        SchemaMerge.Result r = SchemaMerge.merge(base, schema(theirs), schema(ours));
        assertEquals(List.of("users.email", "users index users_email"), r.conflicts());
    }

    @Test
    void theSameChangeOnBothSidesIsNoConflict() {
        Schema changed = schema(table("users", ID, column("name", "text")));
        SchemaMerge.Result r = SchemaMerge.merge(schema(table("users", ID)), changed, changed);
        assertEquals(List.of(), r.conflicts());
        assertEquals(changed, r.schema());
    }

    @Test
    void retagsIndexPrefixesOnly() {
        assertEquals("0007_tags", RenumberedDirectory.retag("0006_tags", 6, 7));
        assertEquals("1700000000_tags", RenumberedDirectory.retag("1700000000_tags", 6, 7));
    }
}
