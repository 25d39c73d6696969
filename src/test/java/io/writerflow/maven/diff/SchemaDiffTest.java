package io.writerflow.maven.diff;

import io.writerflow.maven.WriterflowException;
import io.writerflow.maven.diff.SchemaChange.AddColumn;
import io.writerflow.maven.diff.SchemaChange.AlterColumn;
import io.writerflow.maven.diff.SchemaChange.CreateIndex;
import io.writerflow.maven.diff.SchemaChange.CreateTable;
import io.writerflow.maven.diff.SchemaChange.DropColumn;
import io.writerflow.maven.diff.SchemaChange.DropTable;
import io.writerflow.maven.diff.SchemaChange.RenameColumn;
import io.writerflow.maven.diff.SchemaChange.RenameTable;
import io.writerflow.maven.schema.Column;
import io.writerflow.maven.schema.ForeignKey;
import io.writerflow.maven.schema.Schema;
import io.writerflow.maven.schema.Snapshot;
import io.writerflow.maven.schema.Table;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static io.writerflow.maven.diff.SchemaBuilder.col;
import static io.writerflow.maven.diff.SchemaBuilder.schema;
import static io.writerflow.maven.diff.SchemaBuilder.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SchemaDiffTest {

    private static Table users(String nameColumn) {
        return table("users").columns(col("id", "integer").pk(), col(nameColumn, "text"), col("age", "integer"))
                .index("users_" + nameColumn + "_idx", nameColumn)
                .check("users_age_check", "\"users\".\"age\" > 0 and \"users\".\"" + nameColumn + "\" <> ''").build();
    }

    private static Table posts(String usersTable) {
        return table("posts").columns(col("id", "integer").pk(), col("author_id", "integer"))
                .fk("author_id", usersTable, "id", "cascade").build();
    }

    private static Table people() {
        return table("people").columns(col("id", "integer").pk(), col("name", "text"), col("age", "integer"))
                .index("users_name_idx", "name")
                .check("users_age_check", "\"people\".\"age\" > 0 and \"people\".\"name\" <> ''").build();
    }

    private static List<SchemaChange> diff(Schema from, Schema to, String renames) {
        return SchemaDiff.diff(from, to, Renames.parse(renames), false);
    }

    @Test
    void sameSchemaNoChanges() {
        assertEquals(List.of(), diff(schema(users("name"), posts("users")), schema(users("name"), posts("users")), null));
    }

    @Test
    void aDeclaredTableRenameIsTheOnlyChangeEvenWithReferencesToTheTable() {
        List<SchemaChange> changes = diff(schema(users("name"), posts("users")), schema(people(), posts("people")),
                "users:people");

        // the foreign key's name changed with the table's; SQLite's rename already rewrote the reference
        assertEquals(List.of(new RenameTable("users", "people")), changes);
        assertEquals(new Snapshot.Renames(Map.of("\"users\"", "\"people\""), Map.of()), RenameMeta.of(changes));
    }

    @Test
    void aDeclaredColumnRenameCarriesItsIndexAndChecks() {
        List<SchemaChange> changes = diff(schema(users("name")), schema(table("users")
                .columns(col("id", "integer").pk(), col("full_name", "text"), col("age", "integer"))
                .index("users_name_idx", "full_name")
                .check("users_age_check", "\"users\".\"age\" > 0 and \"users\".\"full_name\" <> ''").build()),
                "users.name:full_name");

        assertEquals(List.of(new RenameColumn("users", "name", "full_name")), changes);
        assertEquals(new Snapshot.Renames(Map.of(), Map.of("\"users\".\"name\"", "\"users\".\"full_name\"")),
                RenameMeta.of(changes));
    }

    @Test
    void aColumnRenameMayNameTheTableByItsOldOrNewName() {
        Table renamedBoth = table("people").columns(col("id", "integer").pk(), col("full_name", "text"),
                col("age", "integer")).index("users_name_idx", "full_name")
                .check("users_age_check", "\"people\".\"age\" > 0 and \"people\".\"full_name\" <> ''").build();
        List<SchemaChange> expected = List.of(new RenameTable("users", "people"),
                new RenameColumn("people", "name", "full_name"));

        assertEquals(expected, diff(schema(users("name")), schema(renamedBoth), "users:people,users.name:full_name"));
        assertEquals(expected, diff(schema(users("name")), schema(renamedBoth), "users:people,people.name:full_name"));
    }

    @Test
    void aTableThatDisappearsWhileAnotherAppearsIsNeverGuessed() {
        WriterflowException e = assertThrows(WriterflowException.class,
                () -> diff(schema(users("name"), posts("users")), schema(people(), posts("people")), null));

        assertTrue(e.problem().contains("renames are never guessed"), e.problem());
        assertTrue(e.problem().contains("table users disappeared while table people appeared"), e.problem());
        assertTrue(e.nextStep().contains("-Dwriterflow.renames=users:people"), e.nextStep());
        assertTrue(e.nextStep().contains("-Dwriterflow.acceptDrops=true"), e.nextStep());
    }

    @Test
    void aColumnThatDisappearsWhileACompatibleOneAppearsIsNeverGuessed() {
        Schema after = schema(table("users").columns(col("id", "integer").pk(), col("full_name", "text(100)"),
                col("nick", "text"), col("years", "real")).build());
        WriterflowException e = assertThrows(WriterflowException.class, () -> diff(schema(table("users")
                .columns(col("id", "integer").pk(), col("name", "text"), col("age", "integer")).build()), after, null));

        assertTrue(e.problem().contains("column users.name disappeared while columns users.full_name, users.nick"
                + " appeared"), e.problem());
        assertTrue(e.problem().contains("column users.age disappeared while column users.years appeared"), e.problem());
        assertTrue(e.nextStep().contains("-Dwriterflow.renames=users.name:full_name,users.age:years (choose the right"
                + " new names"), e.nextStep());
    }

    @Test
    void theSuggestionKeepsTheRenamesAlreadyDeclared() {
        Schema after = schema(table("people").columns(col("id", "integer").pk(), col("full_name", "text"),
                col("age", "integer")).build());
        WriterflowException e = assertThrows(WriterflowException.class, () -> diff(schema(table("users")
                .columns(col("id", "integer").pk(), col("name", "text"), col("age", "integer")).build()), after,
                "users:people"));

        assertTrue(e.nextStep().contains("-Dwriterflow.renames=users:people,people.name:full_name."), e.nextStep());
    }

    @Test
    void acceptDropsDropsAndCreates() {
        Table before = table("users").columns(col("id", "integer").pk(), col("name", "text")).build();
        Table after = table("users").columns(col("id", "integer").pk(), col("full_name", "text")).build();
        List<SchemaChange> changes = SchemaDiff.diff(schema(before, posts("users")), schema(after, people()),
                Renames.NONE, true);

        assertEquals(List.of(CreateTable.class, DropTable.class, AddColumn.class, CreateIndex.class, DropColumn.class),
                changes.stream().map(Object::getClass).toList());
    }

    @Test
    void columnsOfIncompatibleTypesOrGeneratedOnesAreNoRenameCandidates() {
        Schema before = schema(table("t").columns(col("id", "integer").pk(), col("a", "integer"),
                col("g", "text").virtual("(upper(id))")).build());
        Schema after = schema(table("t").columns(col("id", "integer").pk(), col("b", "blob"), col("h", "text")).build());

        assertEquals(List.of(AddColumn.class, AddColumn.class, DropColumn.class, DropColumn.class),
                diff(before, after, null).stream().map(Object::getClass).toList());
    }

    @Test
    void renamesMustFitTheSchemas() {
        Schema before = schema(users("name"));
        Schema after = schema(people());
        assertMismatch(before, after, "posts:people", "table posts (renamed to people) is not in the previous schema");
        assertMismatch(before, after, "users:humans", "the schema has no table humans (tables: people)");
        assertMismatch(before, schema(users("name"), people()), "users:people", "the schema still has a table users");
        assertMismatch(before, after, "users:people,people.nick:x", "table users had no column nick");
        Schema renamedName = schema(table("people").columns(col("id", "integer").pk(), col("full_name", "text"),
                col("age", "integer")).build());
        assertMismatch(before, renamedName, "users:people,people.name:nick", "table people has no column nick");
        assertMismatch(before, renamedName, "users:people,people.name:age", "table users already had a column age");
        assertMismatch(before, after, "users:people,nobody.a:b", "there is no table nobody");
        assertMismatch(schema(users("name")), schema(users("name")), "users.name:x", "table users still has a column name");
    }

    private static void assertMismatch(Schema before, Schema after, String renames, String problem) {
        WriterflowException e = assertThrows(WriterflowException.class, () -> diff(before, after, renames));
        assertTrue(e.problem().startsWith("-Dwriterflow.renames=" + renames + ": "), e.problem());
        assertTrue(e.problem().contains(problem), e.problem());
    }

    @Test
    void listsColumnChangesWithWhatChanged() {
        // drizzle-kit reads "text (20)" and "text(20)" as one type
        Schema before = schema(table("t").columns(col("id", "integer").pk(), col("a", "text(20)"),
                col("b", "integer")).build());
        Schema after = schema(table("t").columns(col("id", "integer").pk(), col("a", "text (20)"),
                col("b", "integer").notNull().def("0")).build());

        List<SchemaChange> changes = diff(before, after, null);

        assertEquals(1, changes.size(), changes.toString());
        assertEquals(Set.of(AlterColumn.Aspect.NOT_NULL, AlterColumn.Aspect.DEFAULT),
                ((AlterColumn) changes.get(0)).aspects());
    }

    @Test
    void aDefaultIsComparedByItsSqlAndAForeignKeyByWhatItDoes() {
        Table numberDefault = new Table("t", List.of(new Column("id", "integer", true, true, false,
                Optional.of(new Column.DefaultValue("0", true)), Optional.empty())), List.of(), List.of(), List.of(),
                List.of(), List.of());
        Table textDefault = new Table("t", List.of(new Column("id", "integer", true, true, false,
                Optional.of(Column.DefaultValue.sql("0")), Optional.empty())), List.of(), List.of(), List.of(),
                List.of(), List.of());
        assertEquals(List.of(), diff(schema(numberDefault), schema(textDefault), null));

        Table named = posts("t");
        Table renamedKey = new Table("posts", named.columns(), List.of(), List.of(new ForeignKey("another_name",
                "posts", List.of("author_id"), "t", List.of("id"), "no action", "cascade")), List.of(), List.of(),
                List.of());
        assertEquals(List.of(), diff(schema(named, numberDefault), schema(renamedKey, numberDefault), null));
    }

    @Test
    void listsChangesInDrizzleKitsOrder() {
        Table before = table("t").columns(col("id", "integer").pk(), col("a", "text"), col("b", "text"))
                .index("t_a_idx", "a").check("t_check", "a <> ''").build();
        Table after = table("t").columns(col("id", "integer").pk(), col("a", "integer"), col("c", "text"))
                .index("t_c_idx", "c").check("t_check2", "a > 0").fk("c", "u", "id", "no action").build();
        Table u = table("u").columns(col("id", "integer").pk()).build();

        List<String> kinds = SchemaDiff.diff(schema(before, table("old").columns(col("x", "text")).build()),
                schema(after, u), Renames.NONE, true).stream().map(c -> c.getClass().getSimpleName()).toList();

        assertEquals(List.of("CreateTable", "DropTable", "DropCheck", "DropIndex", "AlterColumn", "AddColumn",
                "CreateIndex", "AddCheck", "AddForeignKey", "DropColumn"), kinds);
    }
}
