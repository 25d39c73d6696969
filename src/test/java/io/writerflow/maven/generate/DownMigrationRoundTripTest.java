package io.writerflow.maven.generate;

import io.writerflow.maven.engine.drift.DriftReport;
import io.writerflow.maven.migrations.DownMigration;
import io.writerflow.maven.migrations.MigrationEntry;
import io.writerflow.maven.migrations.MigrationLayout;
import io.writerflow.maven.migrations.Statement;
import io.writerflow.maven.migrations.StatementSplitter;
import io.writerflow.maven.schema.Loss;
import io.writerflow.maven.schema.Schema;
import io.writerflow.maven.schema.SnapshotFormat;
import io.writerflow.maven.schema.drizzle.DrizzleSchemaLoader;
import io.writerflow.maven.schema.drizzle.SchemaInput;
import io.writerflow.maven.schema.introspect.SqliteIntrospector;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A schema's history generated step by step, every step with its down migration; applied on a real SQLite file
 * holding rows, then undone newest first: after each down migration the database has the schema of the snapshot
 * before, and the rows of the tables it keeps are all there, through rebuilds of a table that
 * {@code ON DELETE CASCADE} children point at, with foreign keys on.
 */
class DownMigrationRoundTripTest {

    private static final String HEAD = """
            import { sqliteTable, sqliteView, text, integer, real, index, uniqueIndex } from "drizzle-orm/sqlite-core";
            import { sql } from "drizzle-orm";
            """;

    /** Each step: the schema, the renames generate is told of. */
    private static final List<String[]> STEPS = List.of(
            new String[] {"""
                    export const users = sqliteTable("users", {
                      id: integer("id").primaryKey(),
                      name: text("name").notNull(),
                      age: integer("age"),
                    });
                    """, ""},
            // create table with a foreign key and an index
            new String[] {"""
                    export const users = sqliteTable("users", {
                      id: integer("id").primaryKey(),
                      name: text("name").notNull(),
                      age: integer("age"),
                    });
                    export const posts = sqliteTable("posts", {
                      id: integer("id").primaryKey(),
                      userId: integer("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
                      title: text("title").notNull(),
                    }, (t) => [index("posts_user_idx").on(t.userId)]);
                    """, ""},
            // add a column, rename a column
            new String[] {"""
                    export const users = sqliteTable("users", {
                      id: integer("id").primaryKey(),
                      name: text("name").notNull(),
                      age: integer("age"),
                      bio: text("bio"),
                    });
                    export const posts = sqliteTable("posts", {
                      id: integer("id").primaryKey(),
                      userId: integer("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
                      headline: text("headline").notNull(),
                    }, (t) => [index("posts_user_idx").on(t.userId)]);
                    """, "posts.title:headline"},
            // rename a table, add a view, a unique index
            new String[] {"""
                    export const users = sqliteTable("users", {
                      id: integer("id").primaryKey(),
                      name: text("name").notNull(),
                      age: integer("age"),
                      bio: text("bio"),
                    }, (t) => [uniqueIndex("users_name_uq").on(t.name)]);
                    export const articles = sqliteTable("articles", {
                      id: integer("id").primaryKey(),
                      userId: integer("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
                      headline: text("headline").notNull(),
                    }, (t) => [index("posts_user_idx").on(t.userId)]);
                    export const named = sqliteView("named", { id: integer("id"), name: text("name") })
                      .as(sql`select "id", "name" from "users"`);
                    """, "posts:articles"},
            // a type change (a rebuild of the table articles point at), a column dropped
            new String[] {"""
                    export const users = sqliteTable("users", {
                      id: integer("id").primaryKey(),
                      name: text("name").notNull(),
                      age: real("age"),
                    }, (t) => [uniqueIndex("users_name_uq").on(t.name)]);
                    export const articles = sqliteTable("articles", {
                      id: integer("id").primaryKey(),
                      userId: integer("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
                      headline: text("headline").notNull(),
                    }, (t) => [index("posts_user_idx").on(t.userId)]);
                    export const named = sqliteView("named", { id: integer("id"), name: text("name") })
                      .as(sql`select "id", "name" from "users"`);
                    """, ""});

    @TempDir
    Path project;

    @ParameterizedTest
    @EnumSource(MigrationLayout.class)
    void everyDownMigrationTakesTheDatabaseBackToTheSnapshotBeforeKeepingTheRows(MigrationLayout layout)
            throws Exception {
        Path drizzle = project.resolve("drizzle");
        long now = 1_700_000_000_000L;
        for (String[] step : STEPS) {
            Files.writeString(project.resolve("schema.js"), HEAD + step[0]);
            GenerateResult result = new MigrationGenerator(new DrizzleSchemaLoader()).generate(new GenerateRequest(
                    SchemaInput.of(project.resolve("schema.js"), "schema.js"), drizzle, "drizzle", Optional.empty(),
                    false, step[1], false, now, Optional.of(layout)));
            assertTrue(result.written().orElseThrow().down().isPresent());
            now += 2000;
        }
        List<MigrationEntry> entries = entries(drizzle);
        assertEquals(STEPS.size(), entries.size());

        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + project.resolve("local.db"))) {
            run(c, "PRAGMA foreign_keys=ON");
            for (int i = 0; i < entries.size(); i++) {
                for (Statement s : StatementSplitter.split(read(drizzle.resolve(entries.get(i).sql())))) {
                    run(c, s.sql());
                }
                insertRows(c, i);
            }
            for (int i = entries.size() - 1; i >= 0; i--) {
                MigrationEntry entry = entries.get(i);
                DownMigration down = DownMigration.parse(read(drizzle.resolve(entry.down())), entry.down());
                long users = count(c, "users");
                long children = i >= 3 ? count(c, "articles") : i >= 1 ? count(c, "posts") : 0;
                for (Statement s : down.statements()) {
                    run(c, s.sql());
                }
                Schema expected = i == 0 ? Schema.EMPTY : SnapshotFormat.read(read(drizzle.resolve(
                        entries.get(i - 1).snapshot())), entries.get(i - 1).snapshot()).schema();
                Schema actual = new SqliteIntrospector(List.of()).read(c);
                assertEquals(List.of(), DriftReport.compare(expected, actual, "snapshot").differences(),
                        "after the down migration of " + entry.tag() + ":\n" + read(drizzle.resolve(entry.down())));
                assertEquals(List.of(), foreignKeyViolations(c), entry.tag());
                if (i >= 1) {
                    assertEquals(users, count(c, "users"), "the users kept by " + entry.down());
                }
                if (i >= 2) {
                    assertEquals(children, count(c, i >= 4 ? "articles" : "posts"),
                            "the posts kept by " + entry.down());
                }
                // what each step created is what its down migration loses
                List<Loss> expectedLosses = switch (i) {
                    case 0 -> List.of(Loss.table("users"));
                    case 1 -> List.of(Loss.table("posts"));
                    case 2 -> List.of(Loss.column("users", "bio"));
                    default -> List.of(); // renames undone; a column added back, a type widened back
                };
                assertEquals(expectedLosses, down.losses(), read(drizzle.resolve(entry.down())));
            }
            assertFalse(tableExists(c, "users"));
        }
    }

    /** Names built to break out of their quotes, renamed, rebuilt, dropped and created back by down migrations. */
    @ParameterizedTest
    @EnumSource(MigrationLayout.class)
    void hostileNamesStayNamesOnTheWayBack(MigrationLayout layout) throws Exception {
        String weird = """
                export const victim = sqliteTable("victim", { id: integer("id").primaryKey() });
                export const weird = sqliteTable('we"ird`t;able--x', {
                  id: integer("i`d\\"'").primaryKey(),
                  name: text("na'me;--").notNull().default("it's `x` \\"y\\"; DROP TABLE victim; --"),
                  /*MORE*/
                }, (t) => [index("ix`\\"'; --").on(t.name)]);
                export const v = sqliteView("v`i\\"ew", { id: integer("id") })
                  .as(sql`select ${weird.id} as "id" from ${weird}`);
                """;
        List<String[]> steps = List.of(
                new String[] {"export const victim = sqliteTable(\"victim\", { id: integer(\"id\").primaryKey() });\n",
                        ""},
                new String[] {weird, ""},
                // a rename to a hostile name, a column added, the table rebuilt under its view (NOT NULL)
                new String[] {weird.replace("\"na'me;--\")", "\"n;a\\\"m`e\")").replace("/*MORE*/",
                        "added: real(\"ad\\\"d`ed;\").notNull().default(1),"),
                        "we\"ird`t;able--x.na'me;--:n;a\"m`e"});
        Path drizzle = project.resolve("drizzle");
        long now = 1_700_000_000_000L;
        for (String[] step : steps) {
            Files.writeString(project.resolve("schema.js"), HEAD + step[0]);
            new MigrationGenerator(new DrizzleSchemaLoader()).generate(new GenerateRequest(
                    SchemaInput.of(project.resolve("schema.js"), "schema.js"), drizzle, "drizzle", Optional.empty(),
                    false, step[1], false, now, Optional.of(layout)));
            now += 2000;
        }
        List<MigrationEntry> entries = entries(drizzle);
        assertEquals(steps.size(), entries.size());
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + project.resolve("local.db"))) {
            run(c, "PRAGMA foreign_keys=ON");
            for (MigrationEntry entry : entries) {
                for (Statement s : StatementSplitter.split(read(drizzle.resolve(entry.sql())))) {
                    run(c, s.sql());
                }
            }
            run(c, "INSERT INTO victim (id) VALUES (7)");
            run(c, "INSERT INTO \"we\"\"ird`t;able--x\" (\"n;a\"\"m`e\") VALUES ('kept')");
            for (int i = entries.size() - 1; i >= 1; i--) {
                String text = read(drizzle.resolve(entries.get(i).down()));
                for (Statement s : DownMigration.parse(text, entries.get(i).down()).statements()) {
                    run(c, s.sql());
                }
                Schema expected = SnapshotFormat.read(read(drizzle.resolve(entries.get(i - 1).snapshot())),
                        entries.get(i - 1).snapshot()).schema();
                assertEquals(List.of(), DriftReport.compare(expected, new SqliteIntrospector(List.of()).read(c),
                        "snapshot").differences(), text);
                assertEquals(1, count(c, "victim"), text);
                if (i == 2) {
                    try (ResultSet rs = c.createStatement().executeQuery(
                            "SELECT \"na'me;--\" FROM \"we\"\"ird`t;able--x\"")) {
                        assertTrue(rs.next(), text);
                        assertEquals("kept", rs.getString(1), "the renamed column's values, back under the old name");
                    }
                }
            }
            assertEquals(List.of(Loss.table("we\"ird`t;able--x")), DownMigration.parse(read(drizzle.resolve(
                    entries.get(1).down())), "x").losses());
            assertEquals(List.of(Loss.column("we\"ird`t;able--x", "ad\"d`ed;")), DownMigration.parse(read(
                    drizzle.resolve(entries.get(2).down())), "x").losses());
        }
    }

    private static List<MigrationEntry> entries(Path drizzle) {
        return io.writerflow.maven.migrations.MigrationDirectory.load(drizzle, "drizzle").migrations().stream()
                .map(m -> m.entry()).toList();
    }

    private static void insertRows(Connection c, int step) throws SQLException {
        String bio = step >= 2 && step < 4 ? ", bio" : "";
        for (int n = 0; n < 3; n++) {
            int id = step * 10 + n + 1;
            run(c, "INSERT INTO users (id, name, age" + bio + ") VALUES (" + id + ", 'u" + id + "', " + (20 + n)
                    + (bio.isEmpty() ? "" : ", 'bio'") + ")");
            if (step >= 1) {
                String table = step >= 3 ? "articles" : "posts";
                String title = step >= 2 ? "headline" : "title";
                run(c, "INSERT INTO " + table + " (user_id, " + title + ") VALUES (" + id + ", 't" + id + "')");
            }
        }
    }

    private static List<String> foreignKeyViolations(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = c.createStatement().executeQuery("PRAGMA foreign_key_check")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private static boolean tableExists(Connection c, String table) throws SQLException {
        try (ResultSet rs = c.createStatement().executeQuery(
                "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '" + table + "'")) {
            return rs.getLong(1) > 0;
        }
    }

    private static long count(Connection c, String table) throws SQLException {
        try (ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM \"" + table + "\"")) {
            return rs.getLong(1);
        }
    }

    private static void run(Connection c, String sql) throws SQLException {
        try (java.sql.Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static String read(Path file) throws Exception {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
