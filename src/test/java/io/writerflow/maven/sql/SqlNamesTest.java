package io.writerflow.maven.sql;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SqlNamesTest {

    @Test
    void anyNameQuotingCanCarryIsAccepted() {
        for (String name : SqlQuotingTest.HOSTILE) {
            assertEquals(Optional.empty(), SqlNames.objectProblem(name), name);
        }
        assertEquals(Optional.empty(), SqlNames.problem("\uD83D\uDE00 emoji"));
    }

    @Test
    void namesNoMigrationCanCarryAreRefusedSayingWhy() {
        assertEquals(Optional.of("the name is empty"), SqlNames.problem(""));
        assertTrue(SqlNames.problem("a\0b").orElseThrow().contains("NUL"));
        assertTrue(SqlNames.problem("a\uD83D").orElseThrow().contains("surrogate"));
        assertTrue(SqlNames.problem("\uDE00a").orElseThrow().contains("surrogate"));
        assertTrue(SqlNames.problem("x\n--> statement-breakpoint\nDROP TABLE t").orElseThrow()
                .contains("drizzle's migrator would cut the statement in two"));
        assertEquals(Optional.empty(), SqlNames.problem("sqlite_thing"), "a column may be called so");
        assertTrue(SqlNames.objectProblem("SQLite_thing").orElseThrow().contains("reserved"));
    }

    @Test
    void namesAreShownWithTheirControlCharactersSpelledOut() {
        assertEquals("\"a\\u0000b\\u000a\uD83D\uDE00\\ud83d\"", SqlNames.shown("a\0b\n\uD83D\uDE00\uD83D"));
    }
}
