package io.writerflow.maven.pull;

import io.writerflow.maven.engine.MigrationEngine;
import io.writerflow.maven.engine.MigrationState;
import io.writerflow.maven.migrations.MigrationPrefix;
import io.writerflow.maven.schema.Schema;
import io.writerflow.maven.schema.drizzle.SchemaInput;
import io.writerflow.maven.testing.TestSettings;
import io.writerflow.maven.testing.TursoServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A pull from the Turso server, through the engine as the mojo does it: the code reads back as the database, the
 * baseline is recorded there, and apply then has nothing to run while status sees no drift.
 */
class RemotePullTest {

    @TempDir
    Path project;

    @Test
    void aTursoDatabaseIsPulledRecordedAtTheBaselineAndShowsNoDrift() throws Exception {
        try (TursoServer server = TursoServer.start()) {
            try (Connection c = server.connect(); Statement s = c.createStatement()) {
                for (String sql : EveryFeaturePullTest.EVERY_FEATURE) {
                    // the server (tursodb 0.7) has generated columns only behind an experimental flag
                    s.execute(sql.replaceAll(",\\s*`lower_email`[^,]*VIRTUAL", "")
                            .replaceAll(",\\s*`email_len`[^,]*STORED", ""));
                }
            }
            MigrationEngine engine = new MigrationEngine(TestSettings.of(project.resolve("drizzle"),
                    TestSettings.url(server.baseUrl(), project)));
            Schema database = engine.applicationSchema().orElseThrow();
            assertEquals(3, database.tables().size());
            Path file = project.resolve("src/db/schema.ts");
            PullResult result = new SchemaPull(PullFixture.LOADER).pull(new PullRequest(database, engine.database(),
                    SchemaInput.of(file, "src/db/schema.ts"), "writerflow.schema", PullLanguage.TS,
                    project.resolve("drizzle"), "drizzle", "writerflow.out", Optional.empty(), MigrationPrefix.INDEX,
                    true, false, 1_700_000_000_000L));
            String tag = result.migration().orElseThrow().entry().tag();
            engine.baseline(engine.loadDirectory(), tag);
            assertTrue(engine.apply(engine.loadDirectory(), m -> { }).applied().isEmpty(), "nothing left to apply");
            var status = engine.status(engine.loadDirectory());
            assertEquals(1, status.count(MigrationState.APPLIED));
            assertEquals(java.util.List.of(), status.drift().differences(), "no drift from the baseline's snapshot");
        }
    }
}
