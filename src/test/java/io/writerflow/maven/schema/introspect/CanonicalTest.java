package io.writerflow.maven.schema.introspect;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CanonicalTest {

    @Test
    void spellingsTheTursoServerRewritesCompareEqual() {
        assertEquals(Canonical.sql("\"users\".\"email\" like '%@%'"), Canonical.sql("\"users\".\"email\" LIKE '%@%'"));
        assertEquals(Canonical.sql("lower(\"slug\")"), Canonical.sql("lower ( \"slug\" )"));
        assertEquals(Canonical.sql("\"t\".\"deleted_at\" is null"), Canonical.sql("\"t\" . \"deleted_at\"  IS\nNULL"));
        assertEquals("true", Canonical.sql("TRUE"));
        assertEquals("text", Canonical.type("TEXT(256)"));
        assertEquals("integer", Canonical.type("integer"));
    }

    @Test
    void stringLiteralsKeepTheirCaseAndSpaces() {
        assertEquals("'Untitled  Doc'", Canonical.sql("'Untitled  Doc'"));
        assertFalse(Canonical.sql("'A'").equals(Canonical.sql("'a'")));
    }

    @Test
    void aQuoteOfAnotherKindInsideAQuotedNameOpensNothing() {
        assertEquals(Canonical.sql("select \"it's\".\"a\" as \"x\" from `b'c`"),
                Canonical.sql("SELECT \"it's\" . \"a\"  AS \"x\" FROM `b'c`"));
        assertEquals("select [it's]as\"a\"\"'b\"", Canonical.sql("SELECT [it's]AS\"A\"\"'B\""));
        assertEquals("'it''s \"X\"'", Canonical.sql("'it''s \"X\"'"));
    }

    @Test
    void ddlTextIsSplitOnlyAtTopLevel() {
        assertEquals(List.of("`a` text DEFAULT 'x,y'", "`b` integer CHECK(b IN (1, 2))", "CONSTRAINT u UNIQUE(`a`,`b`)"),
                SqlText.splitTopLevel("`a` text DEFAULT 'x,y', `b` integer CHECK(b IN (1, 2)), CONSTRAINT u UNIQUE(`a`,`b`)"));
        assertEquals(-1, SqlText.keyword("\"where\" = 'WHERE'", "WHERE", 0));
        assertTrue(SqlText.isName("`owner id`"));
        assertFalse(SqlText.isName("lower(\"slug\")"));
        assertEquals("owner id", SqlText.unquote("`owner id`"));
    }
}
