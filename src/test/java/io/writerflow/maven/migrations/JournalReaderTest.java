package io.writerflow.maven.migrations;

import io.writerflow.maven.WriterflowException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JournalReaderTest {

    private static final String NAME = "drizzle/meta/_journal.json";

    @Test
    void readsDrizzleKitJournal() {
        Journal journal = JournalReader.parse("""
                {
                  "version": "7",
                  "dialect": "sqlite",
                  "entries": [
                    { "idx": 0, "version": "6", "when": 1795530179971, "tag": "0000_init", "breakpoints": true },
                    { "idx": 1, "version": "6", "when": 1795530181042, "tag": "0001_add_tags", "breakpoints": true }
                  ]
                }""", NAME);
        assertEquals("7", journal.version());
        assertEquals("sqlite", journal.dialect());
        assertEquals(List.of(new JournalEntry(0, "6", 1795530179971L, "0000_init", true),
                new JournalEntry(1, "6", 1795530181042L, "0001_add_tags", true)), journal.entries());
    }

    @Test
    void malformedJsonNamesFileLineAndColumn() {
        WriterflowException e = assertThrows(WriterflowException.class, () -> JournalReader.parse("""
                {
                  "version": "7",
                  "entries": [
                    { "idx": 0 "tag": "0000_init" }
                  ]
                }""", NAME));
        assertTrue(e.getMessage().startsWith(NAME + ":4:"), e.getMessage());
        assertTrue(e.getMessage().contains("malformed JSON"), e.getMessage());
        assertTrue(e.getMessage().contains("git checkout"), e.getMessage());
    }

    @Test
    void emptyFileIsRejected() {
        WriterflowException e = assertThrows(WriterflowException.class, () -> JournalReader.parse("", NAME));
        assertTrue(e.getMessage().contains(NAME), e.getMessage());
    }

    @Test
    void missingEntries() {
        WriterflowException e = assertThrows(WriterflowException.class,
                () -> JournalReader.parse("{\"version\":\"7\"}", NAME));
        assertTrue(e.getMessage().contains("\"entries\""), e.getMessage());
    }

    @Test
    void entryWithoutTagOrWithPathTag() {
        WriterflowException noTag = assertThrows(WriterflowException.class,
                () -> JournalReader.parse("{\"entries\":[{\"idx\":0}]}", NAME));
        assertTrue(noTag.getMessage().contains("entries[0]") && noTag.getMessage().contains("\"tag\""),
                noTag.getMessage());
        assertThrows(WriterflowException.class,
                () -> JournalReader.parse("{\"entries\":[{\"idx\":0,\"tag\":\"../etc/passwd\"}]}", NAME));
    }

    @Test
    void duplicateIdxNamesBothTags() {
        WriterflowException e = assertThrows(WriterflowException.class, () -> JournalReader.parse(
                "{\"entries\":[{\"idx\":0,\"tag\":\"0000_a\"},{\"idx\":1,\"tag\":\"0001_b\"},"
                        + "{\"idx\":1,\"tag\":\"0001_c\"}]}", NAME));
        assertTrue(e.getMessage().contains("0001_b") && e.getMessage().contains("0001_c"), e.getMessage());
    }

    @Test
    void aJournalOfAnotherDialectIsRefusedNamingTheFileAndTheField() {
        WriterflowException e = assertThrows(WriterflowException.class, () -> JournalReader.parse(
                "{\"version\":\"7\",\"dialect\":\"postgresql\",\"entries\":[]}", NAME));
        assertEquals("drizzle/meta/_journal.json: \"dialect\" is \"postgresql\", not \"sqlite\" or \"turso\": these are"
                + " the migrations of another kind of database, which writerflow does not apply to SQLite.", e.problem());
        assertTrue(e.nextStep().startsWith("Point writerflow.out"), e.nextStep());
        assertThrows(WriterflowException.class, () -> JournalReader.parse("{\"dialect\":1,\"entries\":[]}", NAME));

        assertEquals("turso", JournalReader.parse("{\"dialect\":\"turso\",\"entries\":[]}", NAME).dialect());
        assertEquals("", JournalReader.parse("{\"entries\":[]}", NAME).dialect(), "no dialect: read as SQLite's");
    }
}
