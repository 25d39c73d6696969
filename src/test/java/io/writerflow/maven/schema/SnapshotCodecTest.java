package io.writerflow.maven.schema;

import io.writerflow.maven.WriterflowException;
import io.writerflow.maven.schema.Index.IndexColumn;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SnapshotCodecTest {

    static String resource(String name) throws IOException {
        try (InputStream in = SnapshotCodecTest.class.getResourceAsStream("/schema/snapshots/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Snapshots written by drizzle-kit 0.31.11 come back byte for byte. */
    @ParameterizedTest
    @ValueSource(strings = {"rich.json", "example-0001.json"})
    void roundTripsDrizzleKitSnapshotsByteForByte(String name) throws IOException {
        String json = resource(name);
        assertEquals(json, SnapshotCodec.write(SnapshotCodec.read(json)));
    }

    @Test
    void readsEveryPartOfTheModel() throws IOException {
        Snapshot snapshot = SnapshotCodec.read(resource("rich.json"));
        assertEquals(Snapshot.ORIGIN, snapshot.prevId());
        Schema schema = snapshot.schema();
        assertEquals(List.of("memberships", "users"), schema.tables().stream().map(Table::name).toList());

        Table users = schema.table("users").orElseThrow();
        Column id = users.column("id").orElseThrow();
        assertTrue(id.primaryKey() && id.notNull() && id.autoincrement());
        assertEquals("text(256)", users.column("email").orElseThrow().type());
        assertEquals(Optional.of(new Column.DefaultValue("true", true)), users.column("flag").orElseThrow().defaultValue());
        assertEquals(Optional.of(new Column.DefaultValue("1.5", true)), users.column("score").orElseThrow().defaultValue());
        assertEquals(Optional.of(Column.DefaultValue.sql("(unixepoch())")),
                users.column("created_at").orElseThrow().defaultValue());
        assertEquals(Optional.of(new Column.Generated("(upper(email))", "stored")),
                users.column("upper").orElseThrow().generated());

        Index lower = users.indexes().stream().filter(i -> i.name().equals("users_lower_idx")).findFirst().orElseThrow();
        assertEquals(List.of(new IndexColumn("lower(\"email\")", true), IndexColumn.column("score")), lower.columns());
        assertEquals(Optional.of("\"users\".\"flag\" = 1"), lower.where());
        assertEquals(List.of(new Check("score_check", "\"users\".\"score\" > 0")), users.checks());

        Table memberships = schema.table("memberships").orElseThrow();
        assertEquals(List.of(new PrimaryKey(Optional.of("memberships_user_id_group_id_pk"), List.of("user_id", "group_id"))),
                memberships.compositePrimaryKeys());
        ForeignKey fk = memberships.foreignKeys().get(0);
        assertEquals(new ForeignKey("m_user_fk", "memberships", List.of("user_id"), "users", List.of("id"),
                "no action", "cascade"), fk);

        assertEquals("active_users", schema.views().get(0).name());
    }

    @Test
    void anIdFilledInIsWhatWritingWithTheIdGives() throws IOException {
        Snapshot rich = SnapshotCodec.read(resource("rich.json"));
        Snapshot unnamed = new Snapshot("", rich.prevId(), rich.schema(), rich.renames());
        Snapshot named = new Snapshot("5b1e7c1a-0000-4000-8000-00000000abcd", rich.prevId(), rich.schema(),
                rich.renames());

        assertEquals(SnapshotCodec.write(named), SnapshotCodec.withId(SnapshotCodec.write(unnamed), named.id()));
        assertThrows(IllegalArgumentException.class, () -> SnapshotCodec.withId(SnapshotCodec.write(named), "x"));
    }

    @Test
    void malformedSnapshotNamesFileAndPosition() {
        WriterflowException e = assertThrows(WriterflowException.class,
                () -> SnapshotCodec.read("{\n  \"tables\": {,}\n}", "drizzle/meta/0003_snapshot.json"));
        assertTrue(e.getMessage().startsWith("drizzle/meta/0003_snapshot.json:2:"), e.getMessage());
    }

    @Test
    void otherDialectsAndVersionsAreRefused() {
        assertThrows(WriterflowException.class, () -> SnapshotCodec.read(
                "{\"version\":\"7\",\"dialect\":\"postgresql\",\"tables\":{}}", "s.json"));
        WriterflowException e = assertThrows(WriterflowException.class, () -> SnapshotCodec.read(
                "{\"version\":\"5\",\"dialect\":\"sqlite\",\"tables\":{}}", "s.json"));
        assertTrue(e.getMessage().contains("drizzle-kit up"), e.getMessage());
    }

    @Test
    void jsStyleEscaping() {
        StringBuilder out = new StringBuilder();
        JsStyleJson.string("a\"b\\c\nd\u0001é😀/", out);
        assertEquals("\"a\\\"b\\\\c\\nd\\u0001é😀/\"", out.toString());
    }
}
