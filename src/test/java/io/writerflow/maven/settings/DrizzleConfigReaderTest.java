package io.writerflow.maven.settings;

import io.writerflow.maven.WriterflowException;
import io.writerflow.maven.schema.drizzle.DrizzleSchemaLoader;
import io.writerflow.maven.schema.drizzle.JsRuntime;
import io.writerflow.maven.schema.drizzle.ScriptEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** drizzle.config read as drizzle-kit reads it (evaluated with Node.js here; the loader tests cover GraalJS). */
class DrizzleConfigReaderTest {

    @TempDir
    Path project;

    private DrizzleConfig read(String name, String content, Map<String, String> environment) throws IOException {
        Path file = project.resolve(name);
        Files.writeString(file, content);
        DrizzleSchemaLoader loader = new DrizzleSchemaLoader(JsRuntime.NODE, "node", Optional.empty());
        Path found = DrizzleConfigReader.find(project, null).orElseThrow();
        return DrizzleConfigReader.read(found, name, f -> loader.config(f, name,
                new ScriptEnvironment(project, environment)));
    }

    @Test
    void aTypeScriptConfigWithDotenvAndTheEnvironment() throws IOException {
        Files.writeString(project.resolve(".env.production"), "DB_TOKEN=from-dotenv-file\n");
        DrizzleConfig config = read("drizzle.config.ts", """
                import "dotenv/config";
                import { config } from "dotenv";
                import { defineConfig } from "drizzle-kit";
                config({ path: ".env.production" });
                const url: string = process.env.DATABASE_URL!;
                export default defineConfig({
                  dialect: "turso",
                  schema: ["./src/db/schema/*", "./src/db/views.ts"],
                  out: "./migrations",
                  dbCredentials: { url, authToken: process.env.DB_TOKEN },
                  migrations: { table: "my_migrations", prefix: "timestamp" },
                  breakpoints: false,
                  casing: "snake_case",
                  tablesFilter: ["app_*"],
                  verbose: true,
                  strict: true,
                });
                """, Map.of("DATABASE_URL", "libsql://db.example.turso.io"));

        assertTrue(config.turso());
        assertEquals(List.of("./src/db/schema/*", "./src/db/views.ts"), config.schema());
        assertEquals(Optional.of(project.resolve("migrations")), config.outDirectory());
        assertEquals(Optional.of("libsql://db.example.turso.io"), config.url());
        assertEquals(Optional.of("from-dotenv-file"), config.authToken().map(AuthToken::value));
        assertEquals(Optional.of("my_migrations"), config.migrationsTable());
        assertEquals(Optional.of("timestamp"), config.prefix());
        assertEquals(Optional.of(false), config.breakpoints());
        assertEquals(Optional.of("snake_case"), config.casing());
        assertEquals(List.of("app_*"), config.tablesFilter());
        assertFalse(config.toString().contains("from-dotenv-file"), "the token is never printed");
        DrizzleConfig tokenInUrl = new DrizzleConfig(config.file(), config.shownAs(), config.schema(), config.out(),
                true, Optional.empty(), Optional.of("libsql://db.example.turso.io?authToken=tok-url-in-config"),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), List.of(),
                List.of());
        assertFalse(tokenInUrl.toString().contains("tok-url-in-config"), "nor a token in dbCredentials.url");
    }

    @Test
    void aJsonConfigAndAPlainPathAsTheUrl() throws IOException {
        DrizzleConfig config = read("drizzle.config.json", """
                { "dialect": "sqlite", "schema": "./schema.ts", "dbCredentials": { "url": "./local.db" } }
                """, Map.of());

        assertFalse(config.turso());
        assertEquals(Optional.of("file:./local.db"), config.url());
        assertEquals(Optional.empty(), config.out());
    }

    @Test
    void olderDrizzleKitFormsAreReadAsTursoWithAWarning() throws IOException {
        DrizzleConfig config = read("drizzle.config.js", """
                export default { dialect: "sqlite", driver: "turso", schema: "./schema.js",
                  dbCredentials: { url: "http://127.0.0.1:8080" } };
                """, Map.of());

        assertTrue(config.turso());
        assertEquals(1, config.warnings().size());
        assertTrue(config.warnings().get(0).contains("older drizzle-kit"));
    }

    @Test
    void aConnectionOnlyDriverKeepsGenerateButNotItsCredentials() throws IOException {
        DrizzleConfig config = read("drizzle.config.mjs", """
                export default { dialect: "sqlite", driver: "d1-http", schema: "./schema.ts",
                  dbCredentials: { accountId: "a", databaseId: "b", token: "c" } };
                """, Map.of());

        assertEquals(Optional.of("d1-http"), config.driver());
        assertEquals(Optional.empty(), config.url());
    }

    @Test
    void otherDialectsAreRefusedNamingWhatIsSupported() {
        WriterflowException e = assertThrows(WriterflowException.class, () -> read("drizzle.config.ts",
                "export default { dialect: \"postgresql\", schema: \"./schema.ts\" };\n", Map.of()));

        assertEquals("drizzle.config.ts sets dialect \"postgresql\": writerflow works with SQLite, libSQL and Turso"
                + " databases only.", e.problem());
    }

    @Test
    void aConfigThatFailsToLoadNamesItsLine() {
        WriterflowException e = assertThrows(WriterflowException.class, () -> read("drizzle.config.ts", """
                import { defineConfig } from "drizzle-kit";
                const broken: string = undefined!;
                export default defineConfig({ dialect: "sqlite", schema: broken.trim() });
                """, Map.of()));

        assertTrue(e.problem().startsWith(project.resolve("drizzle.config.ts") + ":3:")
                || e.problem().startsWith("drizzle.config.ts:3:"), e.problem());
        assertTrue(e.problem().contains("TypeError"), e.problem());
        assertTrue(e.nextStep().startsWith("Fix the error in drizzle.config.ts, or give it what it expects:"),
                e.nextStep());
        assertTrue(e.nextStep().contains("process.env holding the environment and the keys of .env.local and .env"),
                e.nextStep());
    }
}
