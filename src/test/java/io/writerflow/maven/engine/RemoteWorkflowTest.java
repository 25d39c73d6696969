package io.writerflow.maven.engine;

import io.writerflow.maven.WriterflowException;
import io.writerflow.maven.generate.GenerateRequest;
import io.writerflow.maven.generate.MigrationGenerator;
import io.writerflow.maven.schema.drizzle.DrizzleSchemaLoader;
import io.writerflow.maven.testing.DrizzleDirectory;
import io.writerflow.maven.testing.FaultProxy;
import io.writerflow.maven.testing.TestSettings;
import io.writerflow.maven.testing.TursoServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * generate -> apply -> status against the real Turso server, through a schema change that rebuilds a table
 * that other tables point at with ON DELETE CASCADE, with foreign keys enforced on the server.
 */
class RemoteWorkflowTest {

    @TempDir
    Path project;

    private TursoServer server;

    @BeforeEach
    void start() throws Exception {
        server = TursoServer.start();
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private void schema(String userColumns) throws Exception {
        Files.writeString(project.resolve("schema.js"), """
                import { sqliteTable, text, integer } from "drizzle-orm/sqlite-core";
                export const users = sqliteTable("users", { id: integer("id").primaryKey(), %s });
                export const documents = sqliteTable("documents", {
                  id: integer("id").primaryKey(),
                  ownerId: integer("owner_id").notNull().references(() => users.id, { onDelete: "cascade" }),
                  title: text("title").notNull(),
                });
                """.formatted(userColumns));
        new MigrationGenerator(new DrizzleSchemaLoader()).generate(new GenerateRequest(project.resolve("schema.js"),
                "schema.js", project.resolve("drizzle"), "drizzle", Optional.empty(), false, "", false,
                System.currentTimeMillis()));
    }

    private MigrationEngine engine() {
        return new MigrationEngine(TestSettings.of(project.resolve("drizzle"),
                TestSettings.url(server.baseUrl(), project)));
    }

    private String query(String sql) throws SQLException {
        try (Connection c = server.connect();
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = server.connect();
             Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    @Test
    void generateApplyStatusKeepsEveryRowThroughARebuildWithForeignKeysOn() throws Exception {
        schema("name: text(\"name\")");
        MigrationEngine engine = engine();
        assertEquals(1, engine.apply(engine.loadDirectory(), m -> { }).applied().size());
        execute("INSERT INTO users (id, name) VALUES (1, 'ada'), (2, NULL)");
        execute("INSERT INTO documents (id, owner_id, title) VALUES (10, 1, 'a'), (11, 2, 'b'), (12, 2, 'c')");
        execute("PRAGMA foreign_keys=ON");

        // NOT NULL with a default: SQLite cannot alter the column, so the plan rebuilds users
        schema("name: text(\"name\").notNull().default(\"anonymous\")");
        assertEquals(1, engine.apply(engine.loadDirectory(), m -> { }).applied().size());

        assertEquals("3", query("SELECT count(*) FROM documents"));
        assertEquals("anonymous", query("SELECT name FROM users WHERE id = 2"));
        assertEquals("1", query("PRAGMA foreign_keys"));
        StatusReport status = engine.status(engine.loadDirectory());
        assertEquals(List.of(MigrationState.APPLIED, MigrationState.APPLIED),
                status.migrations().stream().map(MigrationStatus::state).toList());
        assertEquals(Optional.of(status.migrations().get(1).tag()), status.current());

        // over the network, whatever the schema's size: status (with its drift check) in one request; apply in two
        // (what the engine supports, the lock, the history and the schema; then the migrations), with foreign
        // keys enforced or not: this engine, which lacks foreign_key_check, has them listed from the schema's copy
        schema("name: text(\"name\").notNull().default(\"anonymous\"), bio: text(\"bio\")");
        assertEquals(List.of(2, 1), requests(project));
        execute("PRAGMA foreign_keys=OFF");
        schema("name: text(\"name\").notNull().default(\"anonymous\"), bio: text(\"bio\"), age: integer(\"age\")");
        assertEquals(List.of(2, 1), requests(project));
    }

    /**
     * Repair reaches the server as one transaction in one request: the failed row's removal and the edited file's
     * realignment commit together.
     */
    @Test
    void repairOnTheServerRemovesAFailedRowAndAlignsAnEditedFileInOneCommit() throws Exception {
        DrizzleDirectory.journal(project.resolve("drizzle"))
                .migration("0000_a", "CREATE TABLE `a` (`id` integer PRIMARY KEY);", DrizzleDirectory.FIRST_WHEN)
                .migration("0001_b", "CREATE TABLE `b` (`id` integer PRIMARY KEY);", DrizzleDirectory.FIRST_WHEN + 1000);
        MigrationEngine engine = engine();
        assertEquals(2, engine.apply(engine.loadDirectory(), m -> { }).applied().size());
        execute("INSERT INTO " + TestSettings.HISTORY + " (installed_rank, version, description, type, script,"
                + " checksum, installed_by, execution_time, success)"
                + " VALUES (3, '2', 'gone', 'SQL', 'drizzle/0002_gone.sql', 1, 'tester', 0, 0)");
        Path first = project.resolve("drizzle/0000_a.sql");
        Files.writeString(first, Files.readString(first) + "\n-- a comment added after the fact\n");

        try (FaultProxy proxy = FaultProxy.to(server.baseUrl())) {
            MigrationEngine counted = new MigrationEngine(TestSettings.of(project.resolve("drizzle"),
                    TestSettings.url(proxy.baseUrl(), project)));
            var result = counted.repair(counted.loadDirectory());
            assertEquals(1, result.removed().size());
            assertEquals(1, result.aligned().size());
            List<String> commits = proxy.seen().stream().map(FaultProxy.Seen::body)
                    .filter(body -> body.contains("{\"sql\":\"COMMIT\"")).toList();
            assertEquals(1, commits.size(), commits.toString());
            assertTrue(commits.get(0).contains("DELETE FROM") && commits.get(0).contains("UPDATE "), commits.get(0));
        }
        assertEquals("2", query("SELECT count(*) FROM " + TestSettings.HISTORY));
        assertTrue(engine.apply(engine.loadDirectory(), m -> { }).applied().isEmpty());
        assertEquals(List.of(MigrationState.APPLIED, MigrationState.APPLIED), engine.status(engine.loadDirectory())
                .migrations().stream().map(MigrationStatus::state).toList());
    }

    /** A repair whose last change fails keeps none of its changes: the failed row is still there. */
    @Test
    void repairOnTheServerKeepsNothingWhenAChangeFails() throws Exception {
        DrizzleDirectory.journal(project.resolve("drizzle"))
                .migration("0000_a", "CREATE TABLE `a` (`id` integer PRIMARY KEY);", DrizzleDirectory.FIRST_WHEN);
        MigrationEngine engine = engine();
        assertEquals(1, engine.apply(engine.loadDirectory(), m -> { }).applied().size());
        execute("INSERT INTO " + TestSettings.HISTORY + " (installed_rank, version, description, type, script,"
                + " checksum, installed_by, execution_time, success)"
                + " VALUES (2, '1', 'gone', 'SQL', 'drizzle/0001_gone.sql', 1, 'tester', 0, 0)");
        // the realignment, written after the removal, fails: its checksum does not fit the column's check
        execute("UPDATE " + TestSettings.HISTORY + " SET checksum = checksum + 1 WHERE version = '0'");
        execute("CREATE TABLE guard (n INTEGER CHECK (n = 0))");
        execute("INSERT INTO guard VALUES (0)");
        execute("CREATE TRIGGER no_realign BEFORE UPDATE ON " + TestSettings.HISTORY
                + " BEGIN UPDATE guard SET n = 1; END");

        WriterflowException e = assertThrows(WriterflowException.class, () -> engine.repair(engine.loadDirectory()));
        assertTrue(e.getMessage().contains("statement 2 of 2 (UPDATE ") && e.getMessage().contains("Nothing was changed"),
                e.getMessage());
        assertEquals("2", query("SELECT count(*) FROM " + TestSettings.HISTORY));
        assertEquals("1", query("SELECT count(*) FROM " + TestSettings.HISTORY + " WHERE success = 0"));
    }

    /** The requests of an apply of one migration, and of a status after it. */
    private List<Integer> requests(Path project) throws Exception {
        try (FaultProxy proxy = FaultProxy.to(server.baseUrl())) {
            MigrationEngine counted = new MigrationEngine(TestSettings.of(project.resolve("drizzle"),
                    TestSettings.url(proxy.baseUrl(), project)));
            assertEquals(1, counted.apply(counted.loadDirectory(), m -> { }).applied().size());
            int apply = proxy.requestCount();
            StatusReport again = counted.status(counted.loadDirectory());
            assertTrue(again.drift().compared(), again.drift().toString());
            assertEquals(List.of(), again.drift().differences(), again.drift().toString());
            return List.of(apply, proxy.requestCount() - apply);
        }
    }
}
