package io.writerflow.maven.engine;

import io.writerflow.maven.engine.drift.Drift;
import io.writerflow.maven.engine.drift.TablesFilter;
import io.writerflow.maven.generate.GenerateRequest;
import io.writerflow.maven.generate.MigrationGenerator;
import io.writerflow.maven.report.StatusJson;
import io.writerflow.maven.report.StatusText;
import io.writerflow.maven.schema.drizzle.DrizzleSchemaLoader;
import io.writerflow.maven.testing.TestSettings;
import io.writerflow.maven.testing.TursoServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Drift between a database and its migrations: a schema rich in what SQLite keeps (foreign key actions,
 * composite key, unique and partial expression indexes, defaults, checks, a generated column), written by
 * the plugin's own generator and applied, then changed behind the migrations' back.
 */
class DriftTest {

    static final String SCHEMA = """
            import { sqliteTable, sqliteView, text, integer, real, index, uniqueIndex, primaryKey, check, unique }
              from "drizzle-orm/sqlite-core";
            import { sql } from "drizzle-orm";
            export const users = sqliteTable("users", {
              id: integer("id").primaryKey({ autoIncrement: true }),
              email: text("email", { length: 256 }).notNull().unique(),
              createdAt: text("created_at").default(sql`(CURRENT_TIMESTAMP)`),
              active: integer("active", { mode: "boolean" }).notNull().default(true),
            }, (t) => [check("users_email_check", sql`${t.email} like '%@%'`)]);
            export const documents = sqliteTable("documents", {
              id: integer("id").primaryKey(),
              ownerId: integer("owner_id").notNull().references(() => users.id, { onDelete: "cascade" }),
              title: text("title").notNull().default("untitled"),
              score: real("score").notNull().default(0),
              slug: text("slug"),
              deletedAt: integer("deleted_at"),
              initial: text("initial").generatedAlwaysAs(sql`substr(title, 1, 1)`),
            }, (t) => [
              index("documents_owner_idx").on(t.ownerId),
              uniqueIndex("documents_live_slug_idx").on(sql`lower(${t.slug})`).where(sql`${t.deletedAt} is null`),
              unique("documents_owner_title_unique").on(t.ownerId, t.title),
            ]);
            export const tags = sqliteTable("tags", {
              documentId: integer("document_id").notNull().references(() => documents.id),
              name: text("name").notNull(),
            }, (t) => [primaryKey({ columns: [t.documentId, t.name] })]);
            export const liveDocuments = sqliteView("live_documents", { id: integer("id") })
              .as(sql`select "id" from "documents" where "deleted_at" is null`);
            """;

    @TempDir
    Path project;

    /** Two migrations: the schema, then a column added by ALTER TABLE (the last snapshot is the one compared). */
    static MigrationFixture generated(Path project) throws Exception {
        return generated(project, SCHEMA);
    }

    static MigrationFixture generated(Path project, String schema) throws Exception {
        Files.writeString(project.resolve("schema.js"), schema);
        generate(project);
        Files.writeString(project.resolve("schema.js"), schema.replace("  name: text(\"name\").notNull(),",
                "  name: text(\"name\").notNull(),\n  note: text(\"note\").default(\"\"),"));
        generate(project);
        return new MigrationFixture(project);
    }

    private static void generate(Path project) {
        new MigrationGenerator(new DrizzleSchemaLoader()).generate(new GenerateRequest(project.resolve("schema.js"),
                "schema.js", project.resolve("drizzle"), "drizzle", Optional.empty(), false, "", false,
                1700000000000L));
    }

    private MigrationFixture applied() throws Exception {
        MigrationFixture fixture = generated(project);
        fixture.apply();
        return fixture;
    }

    private static void execute(MigrationFixture fixture, String... statements) throws Exception {
        try (Connection c = fixture.connect(); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    private static List<String> messages(StatusReport report) {
        assertTrue(report.drift().compared(), report.drift().note());
        return report.drift().differences().stream().map(Drift::message).toList();
    }

    @Test
    void migrationsJustAppliedHaveNoDrift() throws Exception {
        MigrationFixture fixture = applied();

        StatusReport report = fixture.status();

        assertEquals(List.of(), messages(report));
        assertEquals("compared with drizzle/meta/0001_snapshot.json", report.drift().note());
        assertTrue(StatusText.lines(report).contains("Drift: none (compared with drizzle/meta/0001_snapshot.json)."),
                String.join("\n", StatusText.lines(report)));
    }

    @Test
    void addedColumnIsNotInMigrations() throws Exception {
        MigrationFixture fixture = applied();
        execute(fixture, "ALTER TABLE users ADD COLUMN nickname text");

        StatusReport report = fixture.status();

        assertEquals(List.of("column users.nickname not in migrations"), messages(report));
        assertEquals(new Drift("users.nickname", Drift.NOT_IN_MIGRATIONS, "column users.nickname not in migrations"),
                report.drift().differences().get(0));
    }

    @Test
    void viewRedefinedByHandDiffers() throws Exception {
        MigrationFixture fixture = applied();
        execute(fixture, "DROP VIEW live_documents",
                "CREATE VIEW live_documents AS select \"id\" from \"documents\"");

        assertEquals(List.of("view live_documents: database has a different definition"), messages(fixture.status()));
    }

    @Test
    void droppedIndexIsMissing() throws Exception {
        MigrationFixture fixture = applied();
        execute(fixture, "DROP INDEX documents_owner_idx");

        assertEquals(List.of("index documents_owner_idx missing"), messages(fixture.status()));
    }

    @Test
    void createdTableIsNotInMigrationsAndTheJsonSaysSo() throws Exception {
        MigrationFixture fixture = applied();
        execute(fixture, "CREATE TABLE audit_log (id integer PRIMARY KEY, what text NOT NULL)");

        StatusReport report = fixture.status();

        assertEquals(List.of("table audit_log not in migrations"), messages(report));
        String json = StatusJson.render(report);
        assertTrue(json.contains("\"drift\" : [ {\n    \"object\" : \"audit_log\",\n    \"kind\" : \"not in migrations\","
                + "\n    \"message\" : \"table audit_log not in migrations\"\n  } ]"), json);
        assertTrue(json.contains("\"driftChecked\" : true"), json);
    }

    @Test
    void tablesOutsideDrizzleConfigsTablesFilterAreNotTheProjectsAndNotDrift() throws Exception {
        MigrationFixture fixture = applied();
        execute(fixture, "CREATE TABLE audit_log (id integer PRIMARY KEY)", "CREATE TABLE legacy_users (id integer)");

        assertEquals(List.of("table audit_log not in migrations"),
                messages(fixture.status(new TablesFilter(List.of("*", "!legacy_*")))));
        assertEquals(List.of(), messages(fixture.status(new TablesFilter(List.of("users", "documents", "tags",
                "document_tags")))));
    }

    @Test
    void tableRebuiltByHandReportsTheColumnAndForeignKeyItChanged() throws Exception {
        MigrationFixture fixture = applied();
        String create = null;
        List<String> indexes = new java.util.ArrayList<>();
        try (Connection c = fixture.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT type, sql FROM sqlite_master WHERE tbl_name = 'documents'"
                     + " AND sql IS NOT NULL")) {
            while (rs.next()) {
                if (rs.getString(1).equals("table")) {
                    create = rs.getString(2);
                } else {
                    indexes.add(rs.getString(2));
                }
            }
        }
        String rebuilt = create.replace("`score` real DEFAULT 0 NOT NULL", "`score` real")
                .replace("ON DELETE cascade", "ON DELETE no action")
                .replaceFirst("CREATE TABLE `documents`", "CREATE TABLE `documents_new`");
        assertFalse(rebuilt.equals(create.replaceFirst("`documents`", "`documents_new`")), create);
        // legacy_alter_table: the view over documents must not stop the rename
        execute(fixture, "PRAGMA foreign_keys=OFF", "PRAGMA legacy_alter_table=ON", rebuilt,
                "INSERT INTO documents_new (id, owner_id, title, score, slug, deleted_at)"
                        + " SELECT id, owner_id, title, score, slug, deleted_at FROM documents",
                "DROP TABLE documents", "ALTER TABLE documents_new RENAME TO documents");
        execute(fixture, indexes.toArray(String[]::new));

        assertEquals(List.of(
                "foreign key documents.owner_id -> users.id: database has ON DELETE no action, migrations say cascade",
                "documents.score: database has real NULL, migrations say real NOT NULL DEFAULT 0"),
                messages(fixture.status()));
    }

    @Test
    void nothingAppliedNothingCompared() throws Exception {
        MigrationFixture fixture = generated(project);

        StatusReport report = fixture.status();

        assertFalse(report.drift().compared());
        assertEquals("no migration applied, nothing to compare", report.drift().note());
        assertTrue(StatusText.lines(report).contains("Drift: no migration applied, nothing to compare."));
    }

    @Test
    void missingSnapshotIsSaidNotFailed() throws Exception {
        MigrationFixture fixture = applied();
        execute(fixture, "CREATE TABLE audit_log (id integer)");
        Files.delete(project.resolve("drizzle/meta/0001_snapshot.json"));

        StatusReport report = fixture.status();

        assertFalse(report.drift().compared());
        assertEquals(List.of(), report.drift().differences());
        assertTrue(report.drift().note().startsWith("snapshot drizzle/meta/0001_snapshot.json of 0001_"),
                report.drift().note());
        assertTrue(report.drift().note().endsWith(" is missing, drift not checked"), report.drift().note());
    }

    @Test
    void remoteDatabaseReportsAnOutOfBandAlter() throws Exception {
        // the Turso server runs generated columns only behind an experimental flag
        MigrationFixture fixture = generated(project, SCHEMA.replace(
                "  initial: text(\"initial\").generatedAlwaysAs(sql`substr(title, 1, 1)`),\n", ""));
        try (TursoServer server = TursoServer.start()) {
            MigrationEngine engine = fixture.engine(TestSettings.url(server.baseUrl(), project));
            engine.apply(engine.loadDirectory(), m -> { });
            assertEquals(List.of(), messages(engine.status(engine.loadDirectory())));

            try (Connection c = server.connect();
                 Statement s = c.createStatement()) {
                s.execute("ALTER TABLE users ADD COLUMN nickname text");
            }

            assertEquals(List.of("column users.nickname not in migrations"),
                    messages(engine.status(engine.loadDirectory())));
        }
    }
}
