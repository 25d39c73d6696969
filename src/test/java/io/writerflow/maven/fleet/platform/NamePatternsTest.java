package io.writerflow.maven.fleet.platform;

import io.writerflow.maven.WriterflowException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NamePatternsTest {

    private static List<String> taken(String patterns, String... names) {
        NamePatterns parsed = NamePatterns.parse(patterns);
        return List.of(names).stream().filter(parsed::matches).toList();
    }

    @Test
    void wildcardsIncludeAndExclamationMarksExclude() {
        assertEquals(List.of("tenant-1", "tenant-2"), taken("tenant-*,!tenant-test-*",
                "tenant-1", "tenant-test-1", "tenant-2", "staging"));
        assertEquals(List.of("tenant-1", "staging"), taken(" !tenant-test-* ", "tenant-1", "tenant-test-1", "staging"));
        assertEquals(List.of("a.b"), taken("a.b", "a.b", "axb"), "a dot is a dot, not any character");
        assertEquals(List.of("tenant-1", "x"), taken("tenant-*, x", "tenant-1", "x", "xy"));
        assertTrue(NamePatterns.parse(null).matches("anything"));
        assertTrue(NamePatterns.parse("  ").all());
        assertFalse(NamePatterns.parse("*").all());
        assertEquals(List.of("Tenant"), taken("Tenant", "Tenant", "tenant"), "case-sensitive, as Turso names are");
    }

    @Test
    void aMalformedPatternIsRefusedNamingTheSetting() {
        WriterflowException e = assertThrows(WriterflowException.class, () -> NamePatterns.parse("tenant-*,,x"));
        assertEquals("writerflow.databases is 'tenant-*,,x', which has an empty pattern (a comma too many);"
                + " nothing was run.", e.problem());
        assertTrue(e.nextStep().contains("tenant-*,!tenant-test-*"), e.nextStep());
        assertTrue(assertThrows(WriterflowException.class, () -> NamePatterns.parse("tenant-?")).problem()
                .contains("has 'tenant-?', no name pattern"));
        assertTrue(assertThrows(WriterflowException.class, () -> NamePatterns.parse("a,!")).problem()
                .contains("has '!', no name pattern"));
    }
}
