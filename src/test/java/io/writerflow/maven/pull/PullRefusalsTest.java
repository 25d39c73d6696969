package io.writerflow.maven.pull;

import io.writerflow.maven.WriterflowException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each refusal says what and which setting, and writes nothing; force pulls over both. */
class PullRefusalsTest {

    @TempDir
    Path project;

    @Test
    void aDirectoryWithMigrationsIsRefusedUnlessForced() throws Exception {
        PullFixture fixture = new PullFixture(project);
        fixture.execute("CREATE TABLE a (id integer PRIMARY KEY, name text)");
        fixture.pullAndCheck("schema.ts", PullLanguage.TS);
        Files.delete(project.resolve("schema.ts"));
        List<Path> before = files();

        WriterflowException refused = assertThrows(WriterflowException.class, () -> new SchemaPull(PullFixture.LOADER)
                .pull(fixture.request(fixture.read(), "schema.ts", PullLanguage.TS, false)));
        assertTrue(refused.getMessage().contains("drizzle (writerflow.out) already has migrations, the latest"
                + " 0000_baseline"), refused.getMessage());
        assertTrue(refused.getMessage().contains("Nothing was written") && refused.getMessage()
                .contains("-Dwriterflow.force=true"), refused.getMessage());
        assertEquals(before, files());

        // forced, with drift in the database: the code is the database's, the drift the next migration
        fixture.execute("ALTER TABLE a ADD COLUMN extra integer DEFAULT 7");
        PullResult forced = new SchemaPull(PullFixture.LOADER).pull(fixture.request(fixture.read(), "schema.ts",
                PullLanguage.TS, true));
        assertTrue(forced.hadMigrations());
        assertEquals("0001_baseline", forced.migration().orElseThrow().entry().tag());
        assertTrue(Files.readString(forced.migration().get().sql()).contains("ADD `extra` integer DEFAULT 7"),
                Files.readString(forced.migration().get().sql()));
    }

    @Test
    void anExistingSchemaFileIsRefusedUnlessForced() throws Exception {
        PullFixture fixture = new PullFixture(project);
        fixture.execute("CREATE TABLE a (id integer PRIMARY KEY)");
        Files.writeString(project.resolve("schema.ts"), "// mine\n");
        List<Path> before = files();
        WriterflowException refused = assertThrows(WriterflowException.class, () -> new SchemaPull(PullFixture.LOADER)
                .pull(fixture.request(fixture.read(), "schema.ts", PullLanguage.TS, false)));
        assertTrue(refused.getMessage().contains("schema.ts (writerflow.schema) already exists; pull does not"
                + " overwrite it. Nothing was written."), refused.getMessage());
        assertEquals(before, files());
        assertEquals("// mine\n", Files.readString(project.resolve("schema.ts")));

        new SchemaPull(PullFixture.LOADER).pull(fixture.request(fixture.read(), "schema.ts", PullLanguage.TS, true));
        assertTrue(Files.readString(project.resolve("schema.ts")).contains("sqliteTable(\"a\""));
    }

    @Test
    void anEmptyDatabaseIsRefused() throws Exception {
        PullFixture fixture = new PullFixture(project);
        fixture.execute("CREATE TABLE __writerflow_history (id integer)");
        List<Path> before = files();
        WriterflowException refused = assertThrows(WriterflowException.class, () -> new SchemaPull(PullFixture.LOADER)
                .pull(fixture.request(fixture.read(), "schema.ts", PullLanguage.TS, false)));
        assertTrue(refused.getMessage().contains("Database file:local.db has no tables or views to pull"),
                refused.getMessage());
        assertEquals(before, files());
    }

    @Test
    void aLanguageThatIsNeitherIsRefused() {
        WriterflowException refused = assertThrows(WriterflowException.class, () -> PullLanguage.parse("python"));
        assertTrue(refused.getMessage().contains("writerflow.pullLanguage 'python' is neither ts nor js."));
    }

    private List<Path> files() throws Exception {
        try (Stream<Path> files = Files.walk(project)) {
            return files.sorted().toList();
        }
    }
}
