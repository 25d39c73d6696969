package io.writerflow.maven.schema;

import com.eclipsesource.json.Json;
import io.writerflow.maven.WriterflowException;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The small documents' parser reads values as the Jackson tree did, and names the place of a syntax error. */
class SmallJsonTest {

    @Test
    void malformedJsonNamesFileLineColumnAndTheWayBack() {
        WriterflowException e = assertThrows(WriterflowException.class,
                () -> SmallJson.parse("{\n  \"entries\": [\n    { \"idx\": 0 \"tag\": \"x\" }\n  ]\n}", "drizzle/meta/_journal.json"));
        assertTrue(e.problem().startsWith("drizzle/meta/_journal.json:3:16: malformed JSON: Expected ',' or '}'"),
                e.problem());
        assertFalse(e.problem().contains(" at 3:16"), e.problem());
        assertTrue(e.getMessage().contains("git checkout -- drizzle/meta/_journal.json"), e.getMessage());
    }

    @Test
    void blankContentAndAByteOrderMark() {
        assertEquals(Optional.empty(), SmallJson.parse(" \n", "x.json"));
        assertEquals(Json.parse("{\"a\":1}"), SmallJson.parse("\uFEFF{\"a\":1}", "x.json").orElseThrow());
    }

    @Test
    void integersAreNumbersWrittenWithoutFractionOrExponent() {
        assertEquals(Optional.of(7L), SmallJson.integer(Json.parse("7")));
        assertEquals(Optional.of(-1L), SmallJson.integer(Json.parse("-1")));
        assertEquals(Optional.empty(), SmallJson.integer(Json.parse("7.0")));
        assertEquals(Optional.empty(), SmallJson.integer(Json.parse("7e0")));
        assertEquals(Optional.empty(), SmallJson.integer(Json.parse("\"7\"")));
        assertEquals(Optional.empty(), SmallJson.integer(Json.parse("99999999999999999999")));
        assertEquals(Optional.empty(), SmallJson.integer(null));
        assertEquals(Optional.of(1795530181042L), SmallJson.wholeNumber(Json.parse("1795530181042")));
        assertEquals(Optional.of(1500L), SmallJson.wholeNumber(Json.parse("1.5e3")));
        assertEquals(Optional.empty(), SmallJson.wholeNumber(Json.parse("true")));
    }

    @Test
    void textAndBooleansAsJacksonsAsTextAndAsBoolean() {
        assertEquals("7", SmallJson.text(Json.parse("\"7\""), "-"));
        assertEquals("7", SmallJson.text(Json.parse("7"), "-"));
        assertEquals("true", SmallJson.text(Json.parse("true"), "-"));
        assertEquals("-", SmallJson.text(Json.parse("null"), "-"));
        assertEquals("-", SmallJson.text(Json.parse("[]"), "-"));
        assertEquals("-", SmallJson.text(null, "-"));
        assertTrue(SmallJson.bool(Json.parse("true"), false));
        assertFalse(SmallJson.bool(Json.parse("false"), true));
        assertFalse(SmallJson.bool(Json.parse("0"), true));
        assertTrue(SmallJson.bool(Json.parse("2"), false));
        assertTrue(SmallJson.bool(Json.parse("0.0"), true));
        assertFalse(SmallJson.bool(Json.parse("\"false\""), true));
        assertTrue(SmallJson.bool(Json.parse("\"yes\""), true));
        assertTrue(SmallJson.bool(Json.parse("null"), true));
        assertTrue(SmallJson.bool(null, true));
    }

    @Test
    void membersAndPaths() {
        var root = Json.parse("{\"migrations\":{\"table\":\"t\"},\"list\":[1]}");
        assertEquals("t", SmallJson.path(SmallJson.path(root, "migrations"), "table").asString());
        assertTrue(SmallJson.path(root, "absent").isObject());
        assertTrue(SmallJson.path(Json.parse("[1]"), "a").isObject());
        assertEquals(Optional.empty(), SmallJson.member(root, "absent"));
        assertEquals(Optional.empty(), SmallJson.member(null, "absent"));
        assertEquals("array", SmallJson.kind(root.asObject().get("list")));
        assertEquals("null", SmallJson.kind(Json.NULL));
    }
}
