package io.writerflow.maven.engine;

import io.writerflow.maven.WriterflowException;
import io.writerflow.maven.generate.GenerateRequest;
import io.writerflow.maven.generate.MigrationGenerator;
import io.writerflow.maven.migrations.Migration;
import io.writerflow.maven.schema.drizzle.DrizzleSchemaLoader;
import io.writerflow.maven.testing.Rows;
import io.writerflow.maven.testing.TestSettings;
import io.writerflow.maven.testing.TursoServer;
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

/** writerflow:adopt-drift: out-of-band changes written as a migration, recorded where they were made, run elsewhere. */
class AdoptDriftTest {

    @TempDir
    Path project;

    private Optional<Migration> adopt(MigrationEngine engine) {
        GenerateRequest request = new GenerateRequest(project.resolve("schema.js"), "the live schema",
                project.resolve("drizzle"), "drizzle", Optional.empty(), false, "", false, 1800000000000L);
        return engine.adoptDrift(engine.loadDirectory(), live -> new MigrationGenerator(new DrizzleSchemaLoader())
                .recordDrift(request, live).written().map(w -> w.entry().tag()));
    }

    private static void execute(Connection c, String... statements) throws Exception {
        try (Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    private static final String[] OUT_OF_BAND = {"ALTER TABLE tags ADD extra text",
            "CREATE INDEX tags_extra_idx ON tags (extra)", "DROP INDEX documents_owner_idx"};

    @Test
    void writesTheOutOfBandChangeRecordsItHereAndRunsItElsewhere() throws Exception {
        MigrationFixture fixture = DriftTest.generated(project);
        fixture.apply();
        try (Connection c = fixture.connect()) {
            execute(c, OUT_OF_BAND);
        }
        assertEquals(3, fixture.status().drift().differences().size());

        Migration adopted = adopt(fixture.engine()).orElseThrow();

        String sql = Files.readString(project.resolve(adopted.file()));
        assertTrue(sql.contains("ALTER TABLE `tags` ADD `extra` text"), sql);
        assertTrue(sql.contains("CREATE INDEX `tags_extra_idx`"), sql);
        assertTrue(sql.contains("DROP INDEX `documents_owner_idx`"), sql);
        StatusReport here = fixture.status();
        assertEquals(3, here.count(MigrationState.APPLIED), here.toString());
        assertEquals(List.of(), here.drift().differences());
        assertTrue(here.migrations().get(2).appliedBy().endsWith("(adopt-drift)"), here.toString());
        assertTrue(adopt(fixture.engine()).isEmpty());

        MigrationEngine elsewhere = fixture.engine(TestSettings.file(project.resolve("other.db")));
        ApplyResult applied = elsewhere.apply(elsewhere.loadDirectory(), m -> { });
        assertEquals(3, applied.applied().size());
        StatusReport there = elsewhere.status(elsewhere.loadDirectory());
        assertEquals(List.of(), there.drift().differences());
        assertEquals(fixture.engine().liveSchema("test"), elsewhere.liveSchema("test"));
    }

    @Test
    void refusesADatabaseThatIsBehindAndWritesNothing() throws Exception {
        MigrationFixture fixture = DriftTest.generated(project);
        MigrationEngine engine = fixture.engine();
        engine.apply(engine.loadDirectory(), ApplyOptions.NONE.upTo(Optional.of(engine.loadDirectory()
                .migrations().get(0))), m -> { });

        WriterflowException e = assertThrows(WriterflowException.class, () -> adopt(fixture.engine()));

        assertTrue(e.getMessage().contains("is not at the latest migration"), e.getMessage());
        assertTrue(e.getMessage().contains("is pending"), e.getMessage());
        assertEquals(2, fixture.engine().loadDirectory().migrations().size());
    }

    @Test
    void aDatabaseWithoutDriftHasNothingToAdopt() throws Exception {
        MigrationFixture fixture = DriftTest.generated(project);
        fixture.apply();

        assertTrue(adopt(fixture.engine()).isEmpty());
        assertEquals(2, fixture.engine().loadDirectory().migrations().size());
    }

    @Test
    void adoptsDriftOnTheTursoServer() throws Exception {
        // the Turso server takes generated columns only behind a flag
        MigrationFixture fixture = DriftTest.generated(project, DriftTest.SCHEMA.replace(
                "  initial: text(\"initial\").generatedAlwaysAs(sql`substr(title, 1, 1)`),\n", ""));
        try (TursoServer server = TursoServer.start()) {
            MigrationEngine remote = fixture.engine(TestSettings.url(server.baseUrl(), project));
            remote.apply(remote.loadDirectory(), m -> { });
            try (Connection c = server.connect()) {
                execute(c, OUT_OF_BAND);
            }

            Migration adopted = adopt(remote).orElseThrow();

            StatusReport status = remote.status(remote.loadDirectory());
            assertEquals(3, status.count(MigrationState.APPLIED), status.toString());
            assertEquals(List.of(), status.drift().differences());
            try (Connection c = server.connect()) {
                assertFalse(Rows.of(c, "SELECT name FROM sqlite_master WHERE name = 'documents_owner_idx'")
                        .contains("documents_owner_idx"));
            }
            assertEquals(3, fixture.apply().applied().size());
            assertEquals(adopted.tag(), fixture.status().current().orElseThrow());
            assertEquals(List.of(), fixture.status().drift().differences());
        }
    }
}
