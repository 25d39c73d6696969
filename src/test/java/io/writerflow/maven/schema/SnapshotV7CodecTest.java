package io.writerflow.maven.schema;

import io.writerflow.maven.WriterflowException;
import io.writerflow.maven.schema.Index.IndexColumn;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * drizzle-kit 1.0's snapshots: {@code v7/rich.json} and {@code v7/rich-v6.json} are what drizzle-kit
 * 1.0.0-rc.5 and 0.31.11 wrote for the same {@code v7/rich.schema.js}.
 */
class SnapshotV7CodecTest {

    private static Snapshot rich() throws IOException {
        return SnapshotV7Codec.read(SnapshotCodecTest.resource("v7/rich.json"), "rich.json");
    }

    @Test
    void roundTripsDrizzleKitsSnapshotByteForByte() throws IOException {
        String json = SnapshotCodecTest.resource("v7/rich.json");
        assertEquals(json, SnapshotV7Codec.write(SnapshotV7Codec.read(json, "rich.json")));
    }

    /** One model whichever drizzle-kit wrote the snapshot, once 1.0's UNIQUE constraints and checks are applied. */
    @Test
    void readsTheModelVersion6GivesForTheSameSchema() throws IOException {
        Schema v6 = SnapshotCodec.read(SnapshotCodecTest.resource("v7/rich-v6.json")).schema();

        assertEquals(SnapshotCodec.write(new Snapshot("x", Snapshot.ORIGIN, DrizzleKit1Schema.of(v6, rich().schema()),
                        Snapshot.Renames.NONE)),
                SnapshotCodec.write(new Snapshot("x", Snapshot.ORIGIN, sortedUniques(rich().schema()),
                        Snapshot.Renames.NONE)));
    }

    /** 0.31's model lists a table's column uniques before its table-level ones; 1.0 the other way round. */
    private static Schema sortedUniques(Schema schema) {
        return new Schema(schema.tables().stream().map(t -> new Table(t.name(), t.columns(), t.indexes(),
                t.foreignKeys(), t.compositePrimaryKeys(), t.uniqueConstraints().stream()
                .sorted(java.util.Comparator.comparing(u -> u.columns().size())).toList(), t.checks())).toList(),
                schema.views());
    }

    @Test
    void readsEveryPartInTheModelsSpelling() throws IOException {
        Snapshot snapshot = rich();
        assertEquals("3f4a3c13-5b4e-4c4f-8c1d-8a8e2e8d56c7".length(), snapshot.id().length());
        assertEquals(List.of(Snapshot.ORIGIN), snapshot.prevIds());
        Schema schema = snapshot.schema();
        assertEquals(List.of("groups", "memberships", "tags", "users"), schema.tables().stream().map(Table::name).toList());

        Table users = schema.table("users").orElseThrow();
        Column id = users.column("id").orElseThrow();
        assertTrue(id.primaryKey() && id.notNull() && id.autoincrement(), "a key column is NOT NULL: " + id);
        assertEquals(new Column("email", "text(256)", false, true, false, Optional.empty(), Optional.empty()),
                users.column("email").orElseThrow());
        assertEquals(Optional.of(new Column.DefaultValue("true", true)), users.column("flag").orElseThrow().defaultValue());
        assertEquals(Optional.of(new Column.DefaultValue("'it''s'", false)),
                users.column("motto").orElseThrow().defaultValue());
        assertEquals(Optional.of(new Column.Generated("(upper(email))", "stored")),
                users.column("upper").orElseThrow().generated());
        assertEquals(new Index("users_lower_idx", List.of(new IndexColumn("lower(\"email\")", true),
                IndexColumn.column("score")), false, Optional.of("\"users\".\"flag\" = 1")), users.indexes().get(0));
        assertEquals(List.of(new Unique("users_first_last_unique", List.of("first", "last")),
                new Unique("users_email_unique", List.of("email")), new Unique("users_handle_named", List.of("handle"))),
                users.uniqueConstraints());
        assertEquals(List.of(new Check("score_check", "\"score\" > 0")), users.checks());

        Table memberships = schema.table("memberships").orElseThrow();
        assertEquals(List.of(new PrimaryKey(Optional.of("memberships_user_id_group_id_pk"), List.of("user_id", "group_id"))),
                memberships.compositePrimaryKeys());
        assertEquals(List.of(new ForeignKey("memberships_user_id_users_id_fk", "memberships", List.of("user_id"),
                        "users", List.of("id"), "no action", "cascade"),
                new ForeignKey("m_group_fk", "memberships", List.of("group_id"), "groups", List.of("id"), "cascade",
                        "no action")), memberships.foreignKeys());
        assertEquals(List.of(new PrimaryKey(Optional.of("tags_kv"), List.of("k", "v"))),
                schema.table("tags").orElseThrow().compositePrimaryKeys());

        View view = schema.views().get(0);
        assertEquals("active_users", view.name());
        assertEquals(Optional.of("select \"id\", \"email\" from \"users\" where \"flag\" = 1"), view.definition());
        assertFalse(view.existing());
    }

    @Test
    void renamesAndSeveralParentsRoundTrip() {
        Snapshot merged = new Snapshot("c", List.of("a", "b"), Schema.EMPTY,
                new Snapshot.Renames(Map.of("\"posts\"", "\"articles\""),
                        Map.of("\"users\".\"name\"", "\"users\".\"full_name\"")));
        String json = SnapshotV7Codec.write(merged);

        assertTrue(json.contains("\"renames\": [\n    \"posts->articles\",\n    \"users.name->users.full_name\"\n  ]"), json);
        assertEquals(merged, SnapshotV7Codec.read(json, "snapshot.json"));
    }

    @Test
    void anIdFilledInIsWhatWritingWithTheIdGives() throws IOException {
        Snapshot rich = rich();
        Snapshot unnamed = new Snapshot("", rich.prevIds(), rich.schema(), rich.renames());
        assertEquals(SnapshotV7Codec.write(rich), SnapshotV7Codec.withId(SnapshotV7Codec.write(unnamed), rich.id()));
    }

    @Test
    void eitherVersionIsReadByItsVersionField() throws IOException {
        assertEquals(rich(), SnapshotFormat.read(SnapshotCodecTest.resource("v7/rich.json"), "rich.json"));
        assertEquals(SnapshotCodec.read(SnapshotCodecTest.resource("rich.json")),
                SnapshotFormat.read(SnapshotCodecTest.resource("rich.json"), "rich.json"));

        WriterflowException e = assertThrows(WriterflowException.class, () -> SnapshotFormat.read(
                "{\"version\": \"8\", \"dialect\": \"sqlite\", \"tables\": {}}", "drizzle/x/snapshot.json"));
        assertTrue(e.getMessage().contains("drizzle/x/snapshot.json: snapshot version \"8\" is not supported"),
                e.getMessage());
    }

    @Test
    void malformedSnapshotNamesFileLineAndNextStep() {
        WriterflowException syntax = assertThrows(WriterflowException.class, () -> SnapshotFormat.read(
                "{\n  \"version\": \"7\",\n  \"ddl\": [\n    {\"name\": \"users\" \"entityType\": \"tables\"}\n  ]\n}",
                "drizzle/20261202140057_init/snapshot.json"));
        assertTrue(syntax.problem().startsWith("drizzle/20261202140057_init/snapshot.json:4:"), syntax.problem());
        assertTrue(syntax.nextStep().contains("git checkout -- drizzle/20261202140057_init/snapshot.json"),
                syntax.nextStep());

        WriterflowException shape = assertThrows(WriterflowException.class, () -> SnapshotFormat.read(
                "{\"version\": \"7\", \"dialect\": \"sqlite\", \"ddl\": [{\"name\": \"users\"}]}", "snapshot.json"));
        assertEquals("snapshot.json: not a drizzle-kit 1.0 snapshot (ddl[0] has no \"entityType\" and \"name\").",
                shape.problem());
        assertEquals("Restore the file from version control.", shape.nextStep());
    }
}
