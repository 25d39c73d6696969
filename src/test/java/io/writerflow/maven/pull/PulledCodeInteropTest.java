package io.writerflow.maven.pull;

import io.writerflow.maven.migrations.MigrationLayout;
import io.writerflow.maven.migrations.MigrationPrefix;
import io.writerflow.maven.schema.Schema;
import io.writerflow.maven.schema.drizzle.SchemaInput;
import io.writerflow.maven.testing.LargeSchemas;
import io.writerflow.maven.testing.NodePeers;
import io.writerflow.maven.testing.NodePeers.Kit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A 50-table database round trip, the same database pulled twice giving the same bytes, and drizzle-kit itself
 * (0.31 in the journal layout, 1.0 in its folders) reading the pulled code and baseline and seeing no change.
 */
class PulledCodeInteropTest {

    @TempDir
    Path project;

    @Test
    void fiftyTableDatabaseRoundTripsAndPullsTheSameBytesTwice() throws Exception {
        Path source = Files.createDirectories(project.resolve("source"));
        Files.writeString(source.resolve("schema.js"), LargeSchemas.largeSchema(50));
        Schema declared = PullFixture.LOADER.load(SchemaInput.of(source.resolve("schema.js"), "schema.js"));
        PullFixture first = new PullFixture(Files.createDirectories(project.resolve("first")));
        first.execute(RandomSchemas.statements(Schema.EMPTY, declared).stream().map(String::strip)
                .filter(s -> !s.isEmpty()).toArray(String[]::new));
        PullResult result = first.pullAndCheck("src/db/schema.ts", PullLanguage.TS);
        assertEquals(50, result.tables());

        PullFixture second = new PullFixture(Files.createDirectories(project.resolve("second")));
        Files.copy(first.database, second.database);
        second.pullAndCheck("src/db/schema.ts", PullLanguage.TS);
        assertEquals(first.code("src/db/schema.ts"), second.code("src/db/schema.ts"));
        assertEquals(Files.readString(first.project.resolve("drizzle/0000_baseline.sql")),
                Files.readString(second.project.resolve("drizzle/0000_baseline.sql")));
        assertEquals(Files.readString(first.project.resolve("drizzle/meta/0000_snapshot.json")),
                Files.readString(second.project.resolve("drizzle/meta/0000_snapshot.json")));
    }

    @Test
    void theProjectsOwnSchemasRoundTrip() throws Exception {
        // the example project's schema and the TypeScript project modelled on a real drizzle/Turso app
        for (Path schema : new Path[]{Path.of("example/src/lib/db/schema.js"),
                Path.of("src/it/ts-single-file/src/db/schema.ts")}) {
            Schema declared = PullFixture.LOADER.load(SchemaInput.of(schema.toAbsolutePath(), schema.toString()));
            PullFixture fixture = new PullFixture(Files.createDirectories(project.resolve(
                    schema.getFileName() + "-" + Math.abs(schema.hashCode()))));
            fixture.execute(RandomSchemas.statements(Schema.EMPTY, declared).stream().map(String::strip)
                    .filter(s -> !s.isEmpty()).toArray(String[]::new));
            PullResult result = fixture.pullAndCheck("src/db/schema.ts", PullLanguage.TS);
            assertEquals(declared.tables().size(), result.tables(), schema.toString());
        }
    }

    @Test
    void drizzleKit031SeesNoChangeInThePulledTypeScript() throws Exception {
        PullFixture fixture = new PullFixture(project);
        fixture.execute(EveryFeaturePullTest.EVERY_FEATURE);
        fixture.pullAndCheck("schema.ts", PullLanguage.TS);
        NodePeers.linkNodeModules(project);
        Files.writeString(project.resolve("drizzle.config.js"),
                "export default { dialect: \"sqlite\", schema: \"./schema.ts\", out: \"./drizzle\" };\n");
        NodePeers.Run run = NodePeers.drizzleKit(project, "generate", "--name", "noop");
        assertTrue(run.output().contains("No schema changes"), run.output() + "\n" + fixture.code("schema.ts"));
    }

    @Test
    void drizzleKit1SeesNoChangeInThePulledCodeAndFolderBaseline() throws Exception {
        PullFixture fixture = new PullFixture(project);
        // without what the plugin's 0.31 model of the code cannot tell apart in 1.0's terms (see the README): a
        // named UNIQUE constraint, a unique index under drizzle's constraint name, a CHECK naming its own table
        fixture.execute(java.util.Arrays.stream(EveryFeaturePullTest.EVERY_FEATURE)
                .map(sql -> sql.replace("\"users\".\"score\"", "\"score\"")
                        .replace(",\n CONSTRAINT `class_pair` UNIQUE(`manager_id`, `manager_group`)", "")
                        .replace(", CONSTRAINT `class_pair` UNIQUE(`manager_id`, `manager_group`)", "")
                        .replace("`users_email_unique`", "`users_email_idx`"))
                .toArray(String[]::new));
        Schema schema = fixture.read();
        PullRequest journal = fixture.request(schema, "schema.js", PullLanguage.JS, false);
        PullRequest folders = new PullRequest(journal.database(), journal.source(), journal.schema(),
                journal.schemaSetting(), journal.language(), journal.migrationsDir(), journal.migrationsDisplay(),
                journal.migrationsSetting(), Optional.of(MigrationLayout.FOLDERS), MigrationPrefix.INDEX, true, false,
                journal.now());
        PullResult result = new SchemaPull(PullFixture.LOADER).pull(folders);
        assertTrue(result.migration().orElseThrow().sql().toString().endsWith("_baseline/migration.sql"),
                result.migration().toString());
        NodePeers.linkNodeModules(Kit.V1, project);
        Files.writeString(project.resolve("drizzle.config.js"),
                "export default { dialect: \"sqlite\", schema: \"./schema.js\", out: \"./drizzle\" };\n");
        NodePeers.Run run = NodePeers.drizzleKit(Kit.V1, project, "generate", "--name", "noop");
        assertTrue(run.output().contains("No schema changes"), run.output() + "\n" + written(project));
    }

    /** The SQL of drizzle-kit's migrations named noop, to say what it saw. */
    private static String written(Path project) throws Exception {
        StringBuilder out = new StringBuilder();
        try (var files = Files.walk(project.resolve("drizzle"))) {
            for (Path f : files.filter(f -> f.toString().contains("noop") && f.toString().endsWith(".sql")).toList()) {
                out.append(Files.readString(f));
            }
        }
        return out.toString();
    }
}
