package io.writerflow.maven.engine;

import io.writerflow.maven.WriterflowException;
import io.writerflow.maven.generate.GenerateRequest;
import io.writerflow.maven.generate.GenerateResult;
import io.writerflow.maven.generate.MigrationGenerator;
import io.writerflow.maven.schema.drizzle.DrizzleSchemaLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** generate with writerflow.from=database: the schema code against the live database, not the latest snapshot. */
class GenerateFromDatabaseTest {

    @TempDir
    Path project;

    private GenerateResult generate(MigrationEngine engine, long now) {
        GenerateRequest request = new GenerateRequest(project.resolve("schema.js"), "schema.js",
                project.resolve("drizzle"), "drizzle", Optional.empty(), false, "", true, now);
        return new MigrationGenerator(new DrizzleSchemaLoader()).generate(engine == null ? request
                : request.from(engine.liveSchema("writerflow.from=database")));
    }

    private static void execute(MigrationFixture fixture, String... statements) throws Exception {
        try (Connection c = fixture.connect(); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    @Test
    void aDatabaseThatMatchesTheSchemaNeedsNothing() throws Exception {
        MigrationFixture fixture = DriftTest.generated(project);
        fixture.apply();

        assertTrue(generate(fixture.engine(), 1800000000000L).written().isEmpty());
    }

    @Test
    void writesWhatBringsTheDatabaseToTheSchemaAndKeepsTheSnapshotChain() throws Exception {
        MigrationFixture fixture = DriftTest.generated(project);
        fixture.apply();
        execute(fixture, "ALTER TABLE tags ADD extra text", "CREATE INDEX tags_extra_idx ON tags (extra)",
                "DROP INDEX documents_owner_idx");

        GenerateResult result = generate(fixture.engine(), 1800000000000L);

        String sql = Files.readString(result.written().orElseThrow().sql());
        assertTrue(sql.contains("DROP INDEX `tags_extra_idx`"), sql);
        assertTrue(sql.contains("`extra`"), sql);
        assertTrue(sql.contains("CREATE INDEX `documents_owner_idx`"), sql);
        assertFalse(sql.contains("users"), sql);
        // the snapshot is the schema code's: generating from the snapshot finds nothing more
        assertTrue(generate(null, 1800000000001L).written().isEmpty());
        fixture.apply();
        StatusReport status = fixture.status();
        assertEquals(List.of(), status.drift().differences(), status.drift().toString());
        assertEquals(3, status.count(MigrationState.APPLIED));
    }

    @Test
    void aMissingDatabaseIsSaidAndNothingIsWritten() throws Exception {
        MigrationFixture fixture = DriftTest.generated(project);

        WriterflowException e = assertThrows(WriterflowException.class, () -> generate(fixture.engine(), 1L));

        assertTrue(e.getMessage().startsWith("writerflow.from=database reads the database"), e.getMessage());
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
        try (var files = Files.list(project.resolve("drizzle"))) {
            assertEquals(2, files.filter(p -> p.toString().endsWith(".sql") && !p.toString().endsWith(".down.sql"))
                    .count());
        }
    }
}
