package io.writerflow.maven.engine;

import io.writerflow.maven.generate.GenerateRequest;
import io.writerflow.maven.generate.MigrationGenerator;
import io.writerflow.maven.libsql.LibsqlDriver;
import io.writerflow.maven.schema.drizzle.DrizzleSchemaLoader;
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
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
        try (Connection c = new LibsqlDriver().connect(server.jdbcUrl(), new Properties());
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = new LibsqlDriver().connect(server.jdbcUrl(), new Properties());
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

        // over the network: apply in 3 requests, status (with its drift check) in 2, whatever the schema's size;
        // (with enforcement on, this engine, which lacks foreign_key_check, takes Flyway's path a migration at
        // a time, to list the foreign keys after each: so enforcement is off for this part)
        execute("PRAGMA foreign_keys=OFF");
        schema("name: text(\"name\").notNull().default(\"anonymous\"), bio: text(\"bio\")");
        try (FaultProxy proxy = FaultProxy.to(server.baseUrl())) {
            MigrationEngine counted = new MigrationEngine(TestSettings.of(project.resolve("drizzle"),
                    TestSettings.url(proxy.baseUrl(), project)));
            assertEquals(1, counted.apply(counted.loadDirectory(), m -> { }).applied().size());
            assertEquals(3, proxy.requestCount());
            StatusReport again = counted.status(counted.loadDirectory());
            assertEquals(5, proxy.requestCount());
            assertTrue(again.drift().compared(), again.drift().toString());
            assertEquals(List.of(), again.drift().differences(), again.drift().toString());
        }
    }
}
