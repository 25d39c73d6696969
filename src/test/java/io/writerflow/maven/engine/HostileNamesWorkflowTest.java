package io.writerflow.maven.engine;

import io.writerflow.maven.engine.backup.Backup;
import io.writerflow.maven.engine.backup.Backups;
import io.writerflow.maven.backup.Restore;
import io.writerflow.maven.engine.database.DatabaseConnections;
import io.writerflow.maven.generate.GenerateRequest;
import io.writerflow.maven.generate.MigrationGenerator;
import io.writerflow.maven.migrations.Migration;
import io.writerflow.maven.schema.drizzle.DrizzleSchemaLoader;
import io.writerflow.maven.settings.DatabaseUrl;
import io.writerflow.maven.testing.TestSettings;
import io.writerflow.maven.testing.TursoServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Names built to break out of their quotes (backquotes, double and single quotes, semicolons, comment markers,
 * brackets, a whole {@code DROP TABLE} in a table's name) through the whole workflow, on the embedded file and
 * on the real Turso server: generate, apply, status, drift, a second migration that rebuilds the table under a
 * view and adds a column that references it, and a backup restored into a fresh file. Every name stays a name:
 * the table called {@code victim} survives everything.
 */
class HostileNamesWorkflowTest {

    /** What {@code x` (`a` integer); DROP TABLE `victim`;} would have become: a statement dropping victim. */
    static final String INJECTED = "x` (`a` integer); DROP TABLE `victim`;";
    static final String WEIRD = "we\"ird`t;able--x";

    private static final String SCHEMA = """
            import { sqliteTable, sqliteView, text, integer, index, uniqueIndex, check } from "drizzle-orm/sqlite-core";
            import { sql } from "drizzle-orm";
            export const victim = sqliteTable("victim", {
              id: integer("id").primaryKey(),
              /*VICTIM*/
            });
            /*INJECTED*/
            export const weird = sqliteTable('we"ird`t;able--x', {
              id: integer("i`d\\"'").primaryKey(),
              name: text("na'me;--").notNull().default("it's `x` \\"y\\"; DROP TABLE victim; --"),
              ref: integer("r]ef").references(() => victim.id, { onDelete: "cascade" }),
              spaced: text("with space /* not a comment */")/*SPACED*/,
              /*WEIRD*/
            }, (t) => [
              index("ix`\\"'; --").on(t.name),
              uniqueIndex("ux[x]").on(t.ref),
              check("ch\\"eck`;", sql`${t.id} > 0`),
            ]);
            export const v = sqliteView("v`i\\"ew", { id: integer("id") })
              .as(sql`select ${weird.id} as "id", ${weird.spaced} as "s" from ${weird}`);
            """;

    private static final String FIRST = SCHEMA.replace("/*INJECTED*/",
            "export const injected = sqliteTable(\"x` (`a` integer); DROP TABLE `victim`;\", { a: integer(\"a\") });");
    /**
     * A rebuild of the weird table (a column becomes NOT NULL) under its view, a column added to it, a new
     * column of victim, and the injected table dropped.
     */
    private static String second(String target) {
        // on the file the new column references the weird table (ALTER TABLE ADD ... REFERENCES "we""ird...");
        // the Turso test server would then rewrite victim's CREATE statement without the quotes
        // (TursoServerFactsTest), leaving a schema no dump of it restores
        return SCHEMA.replace("/*SPACED*/", ".notNull().default(\"d'flt\")")
                .replace("/*WEIRD*/", "added: text(\"ad\\\"d`ed;\"),")
                .replace("/*VICTIM*/", "weirdId: integer(\"we;ird id\")"
                        + (target.equals("file") ? ".references(() => weird.id)" : "") + ",");
    }

    @TempDir
    Path project;

    private TursoServer server;

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private DatabaseUrl url(String target) throws Exception {
        if (target.equals("file")) {
            return new DatabaseUrl.File(project.resolve("local.db"), "file:local.db");
        }
        server = TursoServer.start();
        return TestSettings.url(server.baseUrl(), project);
    }

    private EngineSettings settings(DatabaseUrl url) {
        return new EngineSettings(project.resolve("drizzle"), "drizzle", url, "the test", Optional.empty(), "nowhere",
                TestSettings.HISTORY, "tester", Duration.ofSeconds(5), EngineSettings.DEFAULT_LOCK_LEASE);
    }

    private void generate(String schema) throws Exception {
        Files.writeString(project.resolve("schema.js"), schema);
        new MigrationGenerator(new DrizzleSchemaLoader()).generate(new GenerateRequest(project.resolve("schema.js"),
                "schema.js", project.resolve("drizzle"), "drizzle", Optional.empty(), false, "", true,
                System.currentTimeMillis()));
    }

    private static void execute(EngineSettings settings, String... statements) throws Exception {
        try (Connection c = DatabaseConnections.open(settings, false); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    private static List<String> rows(EngineSettings settings, String sql) throws Exception {
        try (Connection c = DatabaseConnections.open(settings, true); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            List<String> rows = new ArrayList<>();
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    row.add(rs.getString(i));
                }
                rows.add(String.join("|", row));
            }
            return rows;
        }
    }

    /** The tables and views, lowercased: the Turso server lists names lowercased in sqlite_master. */
    private static List<String> tables(EngineSettings settings) throws Exception {
        return rows(settings, "SELECT lower(name) FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE"
                + " 'sqlite\\_%' ESCAPE '\\' AND name NOT LIKE '\\_\\_%' ESCAPE '\\' ORDER BY name");
    }

    private static void assertAppliedWithoutDrift(MigrationEngine engine, int migrations) {
        StatusReport status = engine.status(engine.loadDirectory());
        assertEquals(migrations, status.count(MigrationState.APPLIED), status.toString());
        assertEquals(migrations, status.migrations().size(), status.toString());
        assertTrue(status.drift().compared(), status.drift().note());
        assertEquals(List.of(), status.drift().differences(), status.drift().toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"file", "turso"})
    void everyNameStaysANameThroughGenerateApplyStatusDriftRebuildAndBackup(String target) throws Exception {
        EngineSettings settings = settings(url(target));
        MigrationEngine engine = new MigrationEngine(settings);

        generate(FIRST);
        Migration first = engine.loadDirectory().migrations().get(0);
        assertEquals(6, first.statements().size(), "3 tables' CREATE TABLE, 2 indexes and the view, nothing more");
        assertEquals(1, engine.apply(engine.loadDirectory(), m -> { }).applied().size());
        assertEquals(List.of("v`i\"ew", "victim", WEIRD, INJECTED.toLowerCase(Locale.ROOT)), tables(settings));
        assertAppliedWithoutDrift(engine, 1);

        execute(settings, "INSERT INTO victim (id) VALUES (1), (2)",
                "INSERT INTO \"we\"\"ird`t;able--x\" (\"i`d\"\"'\", \"r]ef\") VALUES (5, 1)",
                "INSERT INTO \"we\"\"ird`t;able--x\" (\"i`d\"\"'\", \"na'me;--\", \"r]ef\", \"with space /* not a"
                        + " comment */\") VALUES (6, 'O''Brien', 2, 'kept')");

        generate(second(target));
        if (target.equals("file")) {
            Migration next = engine.loadDirectory().migrations().get(1);
            assertTrue(next.statements().find(st -> st.sql().equals("ALTER TABLE `victim` ADD `we;ird id` integer"
                    + " REFERENCES \"we\"\"ird`t;able--x\"(\"i`d\"\"'\");")).isPresent(), "written where drizzle-kit"
                    + " writes names bare, the names are quoted");
        }
        assertEquals(1, engine.apply(engine.loadDirectory(), m -> { }).applied().size());
        assertEquals(List.of("v`i\"ew", "victim", WEIRD), tables(settings));
        assertEquals(List.of("5|it's `x` \"y\"; DROP TABLE victim; --|1|d'flt|null", "6|O'Brien|2|kept|null"),
                rows(settings, "SELECT * FROM \"we\"\"ird`t;able--x\" ORDER BY 1"));
        assertEquals(List.of("5|d'flt", "6|kept"), rows(settings, "SELECT * FROM \"v`i\"\"ew\" ORDER BY 1"));
        assertEquals(List.of("1|null", "2|null"), rows(settings, "SELECT * FROM victim ORDER BY 1"));
        assertAppliedWithoutDrift(engine, 2);

        Backup backup;
        try (Connection c = DatabaseConnections.open(settings, true)) {
            backup = new Backups(project.resolve("backups"), Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"),
                    ZoneOffset.UTC), Set.of(settings.lockTable())).write(c, settings.url());
        }
        EngineSettings restored = settings(new DatabaseUrl.File(project.resolve("restored.db"), "file:restored.db"));
        new Restore(restored).from(backup.file(), "the backup");
        assertEquals(rows(settings, "SELECT * FROM \"we\"\"ird`t;able--x\" ORDER BY 1"),
                rows(restored, "SELECT * FROM \"we\"\"ird`t;able--x\" ORDER BY 1"));
        assertAppliedWithoutDrift(new MigrationEngine(restored), 2);
    }
}
