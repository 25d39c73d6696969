package io.writerflow.maven.migrations;

import io.writerflow.maven.WriterflowException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A large file's statements are read again from the file, and answer as a small file's held ones do. */
class MigrationStatementsTest {

    private static final String CONTENT = "\uFEFFCREATE TABLE a(x);\r\n--> statement-breakpoint\r\n"
            + "INSERT INTO a VALUES ('x;y');\nINSERT INTO a VALUES (2);\n--> statement-breakpoint\nDROP TABLE b;";

    @TempDir
    Path dir;

    private Path file(String content) throws Exception {
        return Files.writeString(dir.resolve("0000_x.sql"), content, StandardCharsets.UTF_8);
    }

    private static List<Statement> all(MigrationStatements statements) {
        List<Statement> out = new ArrayList<>();
        statements.forEach(out::add);
        return out;
    }

    @Test
    void heldAndInFileAnswerAlike() throws Exception {
        Path file = file(CONTENT);
        MigrationStatements.Read held = MigrationStatements.read(file, "drizzle/0000_x.sql", MigrationStatements.HELD_CHARS);
        MigrationStatements.Read inFile = MigrationStatements.read(file, "drizzle/0000_x.sql", 10);
        assertInstanceOf(MigrationStatements.Held.class, held.statements());
        assertInstanceOf(MigrationStatements.InFile.class, inFile.statements());
        assertEquals(StatementSplitter.split(CONTENT), all(held.statements()));
        assertEquals(all(held.statements()), all(inFile.statements()));
        assertEquals(Migration.checksum(CONTENT), held.checksum());
        assertEquals(Migration.checksum(CONTENT), inFile.checksum());
        for (MigrationStatements statements : List.of(held.statements(), inFile.statements())) {
            assertEquals(4, statements.size());
            assertEquals(held.statements().sqlChars(), statements.sqlChars());
            assertEquals(new Statement(3, 4, "INSERT INTO a VALUES (2);"), statements.get(2));
            assertEquals(6, statements.find(s -> s.sql().startsWith("DROP")).orElseThrow().line());
        }
    }

    @Test
    void aFileThatChangedAfterLoadingIsNotRunUnderItsOldChecksum() throws Exception {
        Path file = file(CONTENT);
        MigrationStatements statements = MigrationStatements.read(file, "drizzle/0000_x.sql", 0).statements();
        Files.writeString(file, CONTENT.replace("(2)", "(3)"));
        WriterflowException e = assertThrows(WriterflowException.class, () -> all(statements));
        assertTrue(e.getMessage().startsWith("drizzle/0000_x.sql changed while writerflow was using it"), e.getMessage());

        Files.writeString(file, CONTENT + ";\nSELECT 1;");
        assertThrows(WriterflowException.class, () -> all(statements));

        Files.delete(file);
        e = assertThrows(WriterflowException.class, () -> all(statements));
        assertTrue(e.getMessage().startsWith("Cannot read drizzle/0000_x.sql"), e.getMessage());
    }
}
