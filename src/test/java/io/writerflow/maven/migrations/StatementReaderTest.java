package io.writerflow.maven.migrations;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The incremental reader yields exactly the statements, lines and checksum of the whole-text splitter. */
class StatementReaderTest {

    /** Pieces that exercise every rule, breakpoints falling inside quotes and comments included. */
    private static final String[] PIECES = {
        "CREATE TABLE `a` (`id` integer);", "\n", "\r\n", "\r", " ", "\t", ";", "--> statement-breakpoint",
        "-", "--", "---> statement-breakpoint", "-- comment; here\n", "/*", "*/", "/* block; */", "'", "''", "\"",
        "`", "[", "]", "INSERT INTO t VALUES ('a;b');", "CREATE TRIGGER tr AFTER INSERT ON t BEGIN", "END",
        "create temp trigger x before delete on t begin select 1; end;", "END;", "SELECT 1", "é", "😀", "\uFEFF",
        "CREATE", "TEMPORARY", "TRIGGER", "x$y_1", "BEGIN", "UPDATE t SET n = n + 1;",
    };

    private static String randomText(Random random) {
        StringBuilder text = new StringBuilder();
        int pieces = random.nextInt(40);
        for (int i = 0; i < pieces; i++) {
            text.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return text.toString();
    }

    /** Hands out at most a few characters per read, so that lookahead crosses the buffer's refills. */
    private static Reader trickling(String text, Random random) {
        return new Reader() {
            private int at;

            @Override
            public int read(char[] buffer, int offset, int length) {
                if (at >= text.length()) {
                    return -1;
                }
                int n = Math.min(Math.min(length, 1 + random.nextInt(5)), text.length() - at);
                text.getChars(at, at + n, buffer, offset);
                at += n;
                return n;
            }

            @Override
            public void close() {
            }
        };
    }

    private static List<Statement> readAll(StatementReader reader) throws IOException {
        List<Statement> statements = new ArrayList<>();
        for (Statement s = reader.next(); s != null; s = reader.next()) {
            statements.add(s);
        }
        return statements;
    }

    @Test
    void sameStatementsAndChecksumAsTheWholeTextSplitter() throws IOException {
        Random random = new Random(42);
        for (int i = 0; i < 10_000; i++) {
            String text = randomText(random);
            StatementReader reader = new StatementReader(random.nextBoolean() ? new StringReader(text)
                    : trickling(text, random));
            assertEquals(WholeTextSplitter.split(text), readAll(reader), () -> "text: " + text);
            assertEquals(Migration.checksum(text), reader.checksum(), () -> "text: " + text);
        }
    }

    @Test
    void statementsLongerThanTheBufferAndFilesWithoutBreakpoints() throws IOException {
        StringBuilder text = new StringBuilder("-- a hand-written migration\n");
        for (int i = 0; i < 2_000; i++) {
            text.append("INSERT INTO t VALUES ").append("(1, 'x;y'), ".repeat(i % 50)).append("(2, \"z\");\n");
        }
        text.append("INSERT INTO t VALUES ('").append("long;".repeat(10_000)).append("');");
        String content = text.toString().replace("(2,", "(2, '😀é',\r\n");
        StatementReader reader = new StatementReader(new StringReader(content));
        assertEquals(WholeTextSplitter.split(content), readAll(reader));
        assertEquals(Migration.checksum(content), reader.checksum());
    }
}
