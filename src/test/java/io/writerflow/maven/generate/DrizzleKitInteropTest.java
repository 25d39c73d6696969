package io.writerflow.maven.generate;

import io.writerflow.maven.engine.MigrationEngine;
import io.writerflow.maven.schema.drizzle.DrizzleSchemaLoader;
import io.writerflow.maven.testing.NodePeers;
import io.writerflow.maven.testing.TestSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.writerflow.maven.migrations.DirectoryCheck;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** drizzle-kit and the plugin take turns on one directory, and each reads what the other wrote. */
class DrizzleKitInteropTest {

    @TempDir
    Path project;

    private static final String USERS = """
            import { sqliteTable, text, integer, index } from "drizzle-orm/sqlite-core";
            export const users = sqliteTable("users", {
              id: integer("id").primaryKey({ autoIncrement: true }),
              email: text("email").notNull().unique(),
            });
            """;

    private static final String DOCUMENTS = """
            export const documents = sqliteTable("documents", {
              id: integer("id").primaryKey({ autoIncrement: true }),
              ownerId: integer("owner_id").notNull().references(() => users.id, { onDelete: "cascade" }),
              title: text("title").notNull(),
            }, (t) => [index("documents_owner_idx").on(t.ownerId)]);
            """;

    private static final String SCORE = """
            export const scores = sqliteTable("scores", {
              documentId: integer("document_id").notNull().references(() => documents.id),
              score: integer("score").notNull().default(0),
            });
            """;

    private GenerateResult pluginGenerate(String name) {
        return new MigrationGenerator(new DrizzleSchemaLoader()).generate(new GenerateRequest(
                project.resolve("schema.js"), "schema.js", project.resolve("drizzle"), "drizzle",
                Optional.of(name), false, "", false, System.currentTimeMillis()));
    }

    private static final String RICH = """
            import { sqliteTable, text, integer, real, blob, numeric, index, uniqueIndex, primaryKey, foreignKey,
              check } from "drizzle-orm/sqlite-core";
            import { sql } from "drizzle-orm";
            // exported as "alpha" but named "zzz": drizzle-kit orders tables by export name
            export const zeta = sqliteTable("aaa", { id: integer("id").primaryKey() });
            export const alpha = sqliteTable("zzz", { id: integer("id").primaryKey() });
            export const users = sqliteTable("users", {
              id: integer("id").primaryKey({ autoIncrement: true }),
              email: text("email", { length: 256 }).notNull().unique(),
              flag: integer("flag", { mode: "boolean" }).default(true),
              score: real("score").default(1.5),
              createdAt: integer("created_at", { mode: "timestamp" }).default(sql`(unixepoch())`),
              lower: text("lower").generatedAlwaysAs(sql`lower(email)`, { mode: "virtual" }),
              n: numeric("n"),
              b: blob("b", { mode: "buffer" }),
            }, (t) => [
              index("users_lower_idx").on(sql`lower(${t.email})`, t.score).where(sql`${t.flag} = 1`),
              uniqueIndex("users_score_uq").on(t.score),
              check("score_check", sql`${t.score} > 0`),
            ]);
            export const memberships = sqliteTable("memberships", {
              userId: integer("user_id").notNull(),
              groupId: integer("group_id").notNull(),
            }, (t) => [primaryKey({ columns: [t.userId, t.groupId] }),
              foreignKey({ columns: [t.userId], foreignColumns: [users.id], name: "m_user_fk" }).onDelete("cascade")]);
            """;

    private static final String VIEWS = """
            import { sqliteTable, sqliteView, text, integer, alias } from "drizzle-orm/sqlite-core";
            import { sql, eq, and, gt, or, isNull, count, desc } from "drizzle-orm";
            export const users = sqliteTable("users", {
              id: integer("id").primaryKey(),
              name: text("name").notNull(),
              active: integer("active", { mode: "boolean" }),
              managerId: integer("manager_id"),
            });
            const manager = alias(users, "manager");
            export const team = sqliteView("team").as((qb) => qb
                .select({ id: users.id, name: users.name, manager: manager.name, n: count().as("n") })
                .from(users)
                .leftJoin(manager, eq(users.managerId, manager.id))
                .where(and(eq(users.active, true), or(gt(users.id, 10), isNull(manager.name)),
                  eq(users.name, "O'Hara")))
                .groupBy(users.id, manager.name)
                .orderBy(desc(users.name))
                .limit(5));
            """;

    @Test
    void writesTheSameFilesAsDrizzleKit() throws Exception {
        assertSameFilesAsDrizzleKit(RICH, "rich");
    }

    @Test
    void writesQueryBuilderViewsAsDrizzleKitDoes() throws Exception {
        assertSameFilesAsDrizzleKit(VIEWS, "views");
    }

    private void assertSameFilesAsDrizzleKit(String schema, String name) throws Exception {
        Path kit = Files.createDirectories(project.resolve("kit"));
        NodePeers.linkNodeModules(kit);
        Files.writeString(kit.resolve("drizzle.config.js"),
                "export default { dialect: \"sqlite\", schema: \"./schema.js\", out: \"./drizzle\" };\n");
        Files.writeString(kit.resolve("schema.js"), schema);
        NodePeers.Run run = NodePeers.drizzleKit(kit, "generate", "--name", name);
        assertEquals(0, run.exitCode(), run.output());

        Files.writeString(project.resolve("schema.js"), schema);
        GenerateResult result = pluginGenerate(name);

        // the tables counted as drizzle-kit counts them in its summary ("users 8 columns 3 indexes 0 fks")
        List<String> kitSummary = run.output().lines().filter(l -> l.matches("\\S+ \\d+ columns \\d+ indexes \\d+ fks"))
                .toList();
        assertEquals(kitSummary, result.tables().stream().map(t -> t.table() + " " + t.columns() + " columns "
                + t.indexes() + " indexes " + t.foreignKeys() + " fks").toList(), run.output());

        String file = "drizzle/0000_" + name + ".sql";
        assertEquals(Files.readString(kit.resolve(file)), Files.readString(project.resolve(file)));
        String idLine = "(?m)^  \"id\": \"[^\"]+\",$";
        assertEquals(Files.readString(kit.resolve("drizzle/meta/0000_snapshot.json")).replaceAll(idLine, ""),
                Files.readString(project.resolve("drizzle/meta/0000_snapshot.json")).replaceAll(idLine, ""));
        String whenLine = "(?m)^      \"when\": \\d+,$";
        assertEquals(Files.readString(kit.resolve("drizzle/meta/_journal.json")).replaceAll(whenLine, ""),
                Files.readString(project.resolve("drizzle/meta/_journal.json")).replaceAll(whenLine, ""));
    }

    @Test
    void namesAndJoinsAsDrizzleConfigsPrefixAndBreakpointsSay() throws Exception {
        String config = "export default { dialect: \"sqlite\", schema: \"./schema.js\", out: \"./drizzle\","
                + " migrations: { prefix: \"unix\" }, breakpoints: false };\n";
        Path kit = Files.createDirectories(project.resolve("kit"));
        NodePeers.linkNodeModules(kit);
        Files.writeString(kit.resolve("drizzle.config.js"), config);
        Files.writeString(kit.resolve("schema.js"), RICH);
        NodePeers.Run run = NodePeers.drizzleKit(kit, "generate", "--name", "rich");
        assertEquals(0, run.exitCode(), run.output());

        Files.writeString(project.resolve("schema.js"), RICH);
        new MigrationGenerator(new DrizzleSchemaLoader()).generate(new GenerateRequest(
                io.writerflow.maven.schema.drizzle.SchemaInput.of(project.resolve("schema.js"), "schema.js"),
                project.resolve("drizzle"), "drizzle", Optional.of("rich"), false, "", false,
                System.currentTimeMillis(), Optional.empty(), io.writerflow.maven.migrations.MigrationPrefix.UNIX,
                false));

        assertEquals(Files.readString(onlySql(kit.resolve("drizzle"))), Files.readString(onlySql(project.resolve("drizzle"))));
        assertTrue(onlySql(project.resolve("drizzle")).getFileName().toString().matches("\\d{10}_rich\\.sql"));
        // drizzle-kit finds the plugin's snapshot under the unix prefix and sees nothing to do
        NodePeers.linkNodeModules(project);
        Files.writeString(project.resolve("drizzle.config.js"), config);
        NodePeers.Run again = NodePeers.drizzleKit(project, "generate");
        assertEquals(0, again.exitCode(), again.output());
        assertTrue(again.output().contains("No schema changes"), again.output());
    }

    private static Path onlySql(Path drizzle) throws Exception {
        try (var files = Files.list(drizzle)) {
            return files.filter(f -> f.toString().endsWith(".sql") && !f.toString().endsWith(".down.sql")).findFirst()
                    .orElseThrow();
        }
    }

    @Test
    void sameSchemaSameFiles() throws Exception {
        Files.writeString(project.resolve("schema.js"), RICH);
        pluginGenerate("rich");
        String first = Files.readString(project.resolve("drizzle/meta/0000_snapshot.json"));
        java.nio.file.Path again = Files.createDirectories(project.resolve("again"));
        Files.writeString(again.resolve("schema.js"), RICH);
        new MigrationGenerator(new DrizzleSchemaLoader()).generate(new GenerateRequest(again.resolve("schema.js"),
                "schema.js", again.resolve("drizzle"), "drizzle", Optional.of("rich"), false, "", false, 1L));
        assertEquals(first, Files.readString(again.resolve("drizzle/meta/0000_snapshot.json")));
        assertEquals(Files.readString(project.resolve("drizzle/0000_rich.sql")),
                Files.readString(again.resolve("drizzle/0000_rich.sql")));
    }

    @Test
    void takingTurnsInBothDirections() throws Exception {
        NodePeers.linkNodeModules(project);
        Files.writeString(project.resolve("drizzle.config.js"),
                "export default { dialect: \"sqlite\", schema: \"./schema.js\", out: \"./drizzle\" };\n");

        // drizzle-kit first
        Files.writeString(project.resolve("schema.js"), USERS);
        NodePeers.Run first = NodePeers.drizzleKit(project, "generate", "--name", "init");
        assertEquals(0, first.exitCode(), first.output());

        // the plugin reads drizzle-kit's snapshot: no change, nothing written
        assertTrue(pluginGenerate("noop").written().isEmpty());

        // the plugin adds a table
        Files.writeString(project.resolve("schema.js"), USERS + DOCUMENTS);
        GenerateResult second = pluginGenerate("add_documents");
        assertEquals("0001_add_documents", second.written().orElseThrow().entry().tag());

        // drizzle-kit reads the plugin's snapshot: it sees no change either
        NodePeers.Run check = NodePeers.drizzleKit(project, "generate", "--name", "noop");
        assertTrue(check.output().contains("No schema changes"), check.output());

        // drizzle-kit adds the next one on top of the plugin's
        Files.writeString(project.resolve("schema.js"), USERS + DOCUMENTS + SCORE);
        NodePeers.Run third = NodePeers.drizzleKit(project, "generate", "--name", "add_scores");
        assertEquals(0, third.exitCode(), third.output());
        assertTrue(Files.exists(project.resolve("drizzle/0002_add_scores.sql")));
        assertTrue(pluginGenerate("noop").written().isEmpty());

        // the plugin's down migrations beside them: drizzle-kit's generate, check and drizzle-orm's migrator pass
        // over them, and the plugin's listing, check and apply too
        assertEquals(List.of("0000_init.down.sql", "0002_add_scores.down.sql"), DownBackfill.write(
                project.resolve("drizzle"), "drizzle").stream().map(w -> w.file().getFileName().toString()).toList());
        assertTrue(Files.exists(project.resolve("drizzle/0001_add_documents.down.sql")));
        NodePeers.Run noop = NodePeers.drizzleKit(project, "generate", "--name", "noop");
        assertEquals(0, noop.exitCode(), noop.output());
        assertTrue(noop.output().contains("No schema changes"), noop.output());
        NodePeers.Run kitCheck = NodePeers.drizzleKit(project, "check");
        assertEquals(0, kitCheck.exitCode(), kitCheck.output());
        assertTrue(kitCheck.output().contains("Everything's fine"), kitCheck.output());
        NodePeers.Run migrated = NodePeers.drizzleOrmMigrate(project, "file:" + project.resolve("kit.db"));
        assertEquals(0, migrated.exitCode(), migrated.output());
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + project.resolve("kit.db"));
             ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM __drizzle_migrations")) {
            assertEquals(3, rs.getInt(1));
        }
        assertEquals(List.of(), DirectoryCheck.check(project.resolve("drizzle"), "drizzle"));

        // and the whole directory applies
        MigrationEngine engine = new MigrationEngine(TestSettings.of(project.resolve("drizzle"),
                TestSettings.file(project.resolve("local.db"))));
        assertEquals(3, engine.apply(engine.loadDirectory(), m -> { }).applied().size());
    }
}
