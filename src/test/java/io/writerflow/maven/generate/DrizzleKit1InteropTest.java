package io.writerflow.maven.generate;

import io.writerflow.maven.engine.ApplyResult;
import io.writerflow.maven.engine.MigrationEngine;
import io.writerflow.maven.engine.MigrationState;
import io.writerflow.maven.engine.MigrationStatus;
import io.writerflow.maven.engine.StatusReport;
import io.writerflow.maven.migrations.DirectoryCheck;
import io.writerflow.maven.migrations.MigrationLayout;
import io.writerflow.maven.migrations.WrittenMigration;
import io.writerflow.maven.schema.drizzle.DrizzleSchemaLoader;
import io.writerflow.maven.schema.drizzle.SchemaInput;
import io.writerflow.maven.testing.NodePeers;
import io.writerflow.maven.testing.NodePeers.Kit;
import io.writerflow.maven.testing.TestSettings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real drizzle-kit 1.0.0-rc.5 and drizzle-orm 1.0.0-rc.5 (from {@code src/test/peers/drizzle-kit-1}) and
 * the plugin on one directory in drizzle-kit 1.0's layout: each reads what the other wrote.
 */
class DrizzleKit1InteropTest {

    private static final String USERS = """
            import { sqliteTable, sqliteView, text, integer, real, index, uniqueIndex, unique, primaryKey, check }
              from "drizzle-orm/sqlite-core";
            import { sql } from "drizzle-orm";
            export const users = sqliteTable("users", {
              id: integer("id").primaryKey({ autoIncrement: true }),
              email: text("email").notNull().unique(),
              score: real("score").default(0),
            }, (t) => [check("score_check", sql`${t.score} >= 0`)]);
            """;

    private static final String DOCUMENTS = """
            export const documents = sqliteTable("documents", {
              id: integer("id").primaryKey({ autoIncrement: true }),
              ownerId: integer("owner_id").notNull().references(() => users.id, { onDelete: "cascade" }),
              title: text("title").notNull(),
              slug: text("slug").notNull(),
            }, (t) => [index("documents_owner_idx").on(t.ownerId), uniqueIndex("documents_slug_idx").on(t.slug),
              unique().on(t.ownerId, t.title)]);
            export const titles = sqliteView("titles", { id: integer("id"), title: text("title") })
              .as(sql`select "id", "title" from "documents"`);
            """;

    private static final String TAGS = """
            export const tags = sqliteTable("tags", {
              documentId: integer("document_id").notNull().references(() => documents.id),
              name: text("name").notNull(),
            }, (t) => [primaryKey({ columns: [t.documentId, t.name] })]);
            """;

    @TempDir
    Path project;

    @BeforeEach
    void drizzleKit1Project() throws Exception {
        NodePeers.linkNodeModules(Kit.V1, project);
        Files.writeString(project.resolve("drizzle.config.js"),
                "export default { dialect: \"sqlite\", schema: \"./schema.js\", out: \"./drizzle\" };\n");
    }

    private void schema(String... parts) throws Exception {
        Files.writeString(project.resolve("schema.js"), String.join("", parts));
    }

    /**
     * drizzle-kit 1.0.0-rc.5 names a SQLite migration by the current second only, not a second after the last
     * folder (its other dialects do that): two generated within one second share a timestamp and sort by name,
     * the later possibly first. A project's commits are seconds apart; the tests wait for the next second.
     */
    private NodePeers.Run drizzleKit(String name) throws InterruptedException {
        Thread.sleep(1000 - System.currentTimeMillis() % 1000);
        NodePeers.Run run = NodePeers.drizzleKit(Kit.V1, project, "generate", "--name", name);
        assertEquals(0, run.exitCode(), run.output());
        return run;
    }

    private Optional<WrittenMigration> pluginGenerate(String name, Optional<MigrationLayout> layout) {
        return new MigrationGenerator(new DrizzleSchemaLoader()).generate(new GenerateRequest(
                SchemaInput.of(project.resolve("schema.js"), "schema.js"), project.resolve("drizzle"), "drizzle",
                Optional.of(name),
                false, "", false, System.currentTimeMillis(), layout)).written();
    }

    private MigrationEngine engine(List<String> notices) {
        return new MigrationEngine(TestSettings.of(project.resolve("drizzle"),
                TestSettings.file(project.resolve("local.db"))), notices::add);
    }

    private List<String> folders() throws Exception {
        try (Stream<Path> files = Files.list(project.resolve("drizzle"))) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** (a) drizzle-kit 1.0 generates; the plugin applies its directory and reports it applied, without drift. */
    @Test
    void thePluginAppliesWhatDrizzleKit1Generated() throws Exception {
        schema(USERS);
        drizzleKit("init");
        schema(USERS, DOCUMENTS);
        drizzleKit("add_documents");
        assertTrue(folders().stream().allMatch(f -> f.matches("\\d{14}_(init|add_documents)")), folders().toString());

        MigrationEngine engine = engine(new ArrayList<>());
        ApplyResult applied = engine.apply(engine.loadDirectory(), m -> { });
        StatusReport status = engine.status(engine.loadDirectory());

        assertEquals(folders(), applied.applied().stream().map(ApplyResult.AppliedMigration::tag).toList());
        assertEquals(List.of(MigrationState.APPLIED, MigrationState.APPLIED),
                status.migrations().stream().map(MigrationStatus::state).toList());
        assertEquals(folders().get(1), status.current().orElseThrow());
        assertTrue(status.drift().compared(), status.drift().note());
        assertEquals(List.of(), status.drift().differences(), status.drift().note());
    }

    /**
     * (b) the plugin continues drizzle-kit 1.0's directory, and drizzle-kit 1.0 finds nothing left to do; then
     * the other way round, and drizzle-orm 1.0's migrator applies the whole directory.
     */
    @Test
    void takingTurnsWithDrizzleKit1() throws Exception {
        schema(USERS);
        drizzleKit("init");
        assertTrue(pluginGenerate("noop", Optional.empty()).isEmpty(), "the plugin reads drizzle-kit 1.0's snapshot");

        schema(USERS, DOCUMENTS);
        WrittenMigration plugins = pluginGenerate("add_documents", Optional.empty()).orElseThrow();
        assertTrue(plugins.entry().tag().matches("\\d{14}_add_documents"), plugins.entry().tag());

        NodePeers.Run check = NodePeers.drizzleKit(Kit.V1, project, "generate", "--name", "noop");
        assertTrue(check.output().contains("No schema changes"), check.output());

        schema(USERS, DOCUMENTS, TAGS);
        drizzleKit("add_tags");
        assertEquals(3, folders().size(), folders().toString());
        assertTrue(pluginGenerate("noop", Optional.empty()).isEmpty(), "drizzle-kit 1.0 generated on top of the plugin");

        // every folder with the plugin's down.sql: drizzle-kit 1.0's generate and check and drizzle-orm 1.0's
        // migrator pass over it
        assertEquals(2, DownBackfill.write(project.resolve("drizzle"), "drizzle").size());
        assertTrue(Files.exists(project.resolve("drizzle").resolve(plugins.entry().tag()).resolve("down.sql")));
        NodePeers.Run again = NodePeers.drizzleKit(Kit.V1, project, "generate", "--name", "noop");
        assertEquals(0, again.exitCode(), again.output());
        assertTrue(again.output().contains("No schema changes"), again.output());
        assertEquals(3, folders().size(), folders().toString());
        NodePeers.Run kitCheck = NodePeers.drizzleKit(Kit.V1, project, "check");
        assertEquals(0, kitCheck.exitCode(), kitCheck.output());
        assertTrue(kitCheck.output().contains("Everything's fine"), kitCheck.output());

        NodePeers.Run migrated = NodePeers.drizzleOrmMigrate(Kit.V1, project, "file:" + project.resolve("kit.db"));
        assertEquals(0, migrated.exitCode(), migrated.output());
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + project.resolve("kit.db"));
             ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM __drizzle_migrations")) {
            assertEquals(3, rs.getInt(1));
        }
        assertEquals(List.of(), DirectoryCheck.check(project.resolve("drizzle"), "drizzle"));
    }

    /**
     * drizzle-kit 1.0's {@code up} moves a journal's migrations into folders but leaves the plugin's
     * {@code NNNN_tag.down.sql} where they were: the directory is still drizzle-kit 1.0's, and check names them.
     */
    @Test
    void drizzleKit1UpLeavesTheJournalsDownMigrationsBehindAndCheckSaysSo() throws Exception {
        schema(USERS);
        pluginGenerate("init", Optional.of(MigrationLayout.JOURNAL)).orElseThrow();
        assertTrue(Files.exists(project.resolve("drizzle/0000_init.down.sql")));

        NodePeers.Run up = NodePeers.drizzleKit(Kit.V1, project, "up");
        assertEquals(0, up.exitCode(), up.output());

        assertEquals(Optional.of(MigrationLayout.FOLDERS), MigrationLayout.detect(project.resolve("drizzle"),
                "drizzle"));
        List<DirectoryCheck.Problem> problems = DirectoryCheck.check(project.resolve("drizzle"), "drizzle");
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).problem().startsWith("drizzle/0000_init.down.sql is a down migration outside the"
                + " migration folders"), problems.toString());
    }

    /** (b) a new directory the plugin starts in drizzle-kit 1.0's layout is drizzle-kit 1.0's to continue. */
    @Test
    void aDirectoryThePluginStartsInFoldersIsDrizzleKit1s() throws Exception {
        schema(USERS, DOCUMENTS, TAGS);
        pluginGenerate("init", Optional.of(MigrationLayout.FOLDERS)).orElseThrow();

        NodePeers.Run check = NodePeers.drizzleKit(Kit.V1, project, "generate", "--name", "noop");

        assertTrue(check.output().contains("No schema changes"), check.output());
    }

    /** (c) drizzle-orm 1.0's migrator brought the database up to date; the plugin's first apply adopts it. */
    @Test
    void thePluginAdoptsADatabaseDrizzleOrm1Migrated() throws Exception {
        schema(USERS);
        drizzleKit("init");
        schema(USERS, DOCUMENTS);
        drizzleKit("add_documents");
        NodePeers.Run migrated = NodePeers.drizzleOrmMigrate(Kit.V1, project, "file:" + project.resolve("local.db"));
        assertEquals(0, migrated.exitCode(), migrated.output());
        schema(USERS, DOCUMENTS, TAGS);
        String next = pluginGenerate("add_tags", Optional.empty()).orElseThrow().entry().tag();
        List<String> notices = new ArrayList<>();
        MigrationEngine engine = engine(notices);

        ApplyResult result = engine.apply(engine.loadDirectory(), m -> { });

        assertEquals(List.of(next), result.applied().stream().map(ApplyResult.AppliedMigration::tag).toList());
        assertEquals(2, notices.size(), notices.toString());
        assertTrue(notices.get(0).startsWith("Adopted " + folders().get(0) + " as applied: drizzle applied it"),
                notices.toString());
        StatusReport status = engine.status(engine.loadDirectory());
        assertTrue(status.migrations().stream().allMatch(m -> m.state() == MigrationState.APPLIED), status.toString());
        assertEquals(List.of(), status.drift().differences(), status.drift().note());
    }
}
