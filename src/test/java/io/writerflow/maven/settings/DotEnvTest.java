package io.writerflow.maven.settings;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DotEnvTest {

    private static final Path FILE = Path.of(".env");

    @Test
    void readsAssignmentsCommentsAndBlankLines() {
        DotEnv env = DotEnv.parse(FILE, """
                # a comment

                TURSO_DATABASE_URL=file:dev.db
                  SPACED = value with spaces  \s
                EMPTY=
                """);
        assertEquals(Map.of("TURSO_DATABASE_URL", "file:dev.db", "SPACED", "value with spaces", "EMPTY", ""),
                env.values());
        assertTrue(env.problems().isEmpty());
    }

    @Test
    void stripsExportPrefixAndInlineComments() {
        DotEnv env = DotEnv.parse(FILE, "export TURSO_AUTH_TOKEN=abc # the token\nexport  B=x#not-a-comment\n");
        assertEquals("abc", env.get("TURSO_AUTH_TOKEN").orElseThrow());
        assertEquals("x#not-a-comment", env.get("B").orElseThrow());
    }

    @Test
    void singleQuotesAreLiteral() {
        DotEnv env = DotEnv.parse(FILE, "A='file:my db.db # kept'\nB='a\\nb'\n");
        assertEquals("file:my db.db # kept", env.get("A").orElseThrow());
        assertEquals("a\\nb", env.get("B").orElseThrow());
    }

    @Test
    void doubleQuotesUnescapeAndMaySpanLines() {
        DotEnv env = DotEnv.parse(FILE, "A=\"line1\\nline2 \\\"q\\\"\" # comment\nB=\"first\nsecond\"\nC=after\n");
        assertEquals("line1\nline2 \"q\"", env.get("A").orElseThrow());
        assertEquals("first\nsecond", env.get("B").orElseThrow());
        assertEquals("after", env.get("C").orElseThrow());
    }

    @Test
    void backticksAreLiteral() {
        assertEquals("a 'b' \"c\"", DotEnv.parse(FILE, "A=`a 'b' \"c\"`").get("A").orElseThrow());
    }

    @Test
    void windowsLineEndings() {
        DotEnv env = DotEnv.parse(FILE, "A=1\r\nB=\"2\"\r\n");
        assertEquals(Map.of("A", "1", "B", "2"), env.values());
    }

    @Test
    void reportsMalformedLinesWithFileAndLineAndKeepsTheRest() {
        DotEnv env = DotEnv.parse(FILE, "A=1\nthis is not an assignment\nB=\"unterminated\n");
        assertEquals(Map.of("A", "1"), env.values());
        assertEquals(2, env.problems().size());
        assertTrue(env.problems().get(0).startsWith(".env:2:"), env.problems().get(0));
        assertTrue(env.problems().get(1).startsWith(".env:3:") && env.problems().get(1).contains("B"),
                env.problems().get(1));
    }

    @Test
    void laterAssignmentWins() {
        assertEquals("2", DotEnv.parse(FILE, "A=1\nA=2\n").get("A").orElseThrow());
    }

    @Test
    void missingFileIsEmpty(@TempDir Path dir) throws Exception {
        assertTrue(DotEnv.read(dir.resolve(".env")).isEmpty());
        Files.writeString(dir.resolve(".env"), "A=1\n");
        assertEquals("1", DotEnv.read(dir.resolve(".env")).orElseThrow().get("A").orElseThrow());
    }
}
