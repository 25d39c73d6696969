package io.writerflow.maven.schema.drizzle;

import com.fasterxml.jackson.databind.JsonNode;
import io.writerflow.maven.schema.JsonFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A drizzle.config is evaluated again only when it, a module it imports, a file dotenv read for it or an
 * environment variable it read changed; and the cache never holds a secret it read.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(value = JsRuntime.class, names = {"NODE", "GRAALJS"})
class ConfigCacheTest {

    @Parameter
    JsRuntime runtime;

    @TempDir
    Path project;

    /** The config's value, as a Jackson tree for the assertions' {@code path(...).asText()}. */
    private JsonNode read(Map<String, String> environment) {
        Path config = project.resolve("drizzle.config.ts");
        return JsonFiles.parse(new DrizzleSchemaLoader(runtime, "node", Optional.of(project.resolve("cache")))
                .config(config, "drizzle.config.ts", new ScriptEnvironment(project, environment)).toString(), "config");
    }

    private List<Path> entries() throws Exception {
        if (!Files.isDirectory(project.resolve("cache"))) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(project.resolve("cache"))) {
            return files.filter(f -> f.getFileName().toString().startsWith("config-")).toList();
        }
    }

    private void plant(String from, String to) throws Exception {
        Path entry = entries().get(0);
        Files.writeString(entry, Files.readString(entry).replace(from, to));
    }

    @Test
    void usedWhileTheConfigAndWhatItReadAreUnchanged() throws Exception {
        Files.writeString(project.resolve("drizzle.config.ts"), """
                import "dotenv/config";
                import { config } from "dotenv";
                import { defineConfig } from "drizzle-kit";
                import { out } from "./settings";
                config({ path: ".env.production" });
                export default defineConfig({
                  dialect: "turso",
                  out,
                  dbCredentials: { url: process.env.DATABASE_URL!, authToken: process.env.DB_TOKEN },
                  migrations: { table: process.env.MIGRATIONS_TABLE },
                });
                """);
        Files.writeString(project.resolve("settings.ts"), "export const out: string = \"./drizzle\";\n");
        Files.writeString(project.resolve(".env.production"), "MIGRATIONS_TABLE=history_one\n");
        // the environment as the plugin gives it: with .env.local and .env under it, where the token usually is
        Map<String, String> environment = Map.of("DATABASE_URL", "libsql://one.example.turso.io",
                "DB_TOKEN", "secret-token-one", "PATH", "/bin");

        JsonNode first = read(environment);
        assertEquals("secret-token-one", first.path("dbCredentials").path("authToken").asText());
        assertEquals("libsql://one.example.turso.io", first.path("dbCredentials").path("url").asText());
        assertEquals("history_one", first.path("migrations").path("table").asText());
        assertEquals(1, entries().size());
        String kept = Files.readString(entries().get(0));
        assertFalse(kept.contains("secret-token-one"), kept);
        assertFalse(kept.contains("one.example"), kept);

        // the entry stands in for evaluation: planted with another out, it is what the next read returns, with the
        // values read from the environment put back
        plant("\"./drizzle\"", "\"./planted\"");
        JsonNode cached = read(environment);
        assertEquals("./planted", cached.path("out").asText());
        assertEquals("secret-token-one", cached.path("dbCredentials").path("authToken").asText());
        assertEquals("libsql://one.example.turso.io", cached.path("dbCredentials").path("url").asText());
        // a variable it did not read changed: still the entry
        Map<String, String> otherPath = new java.util.HashMap<>(environment);
        otherPath.put("PATH", "/usr/bin");
        assertEquals("./planted", read(otherPath).path("out").asText());

        // a variable it read changed: evaluated again
        Map<String, String> rotated = new java.util.HashMap<>(environment);
        rotated.put("DB_TOKEN", "secret-token-two");
        JsonNode other = read(rotated);
        assertEquals("./drizzle", other.path("out").asText());
        assertEquals("secret-token-two", other.path("dbCredentials").path("authToken").asText());

        // the file dotenv read for it changed: evaluated again
        plant("\"./drizzle\"", "\"./planted\"");
        Files.writeString(project.resolve(".env.production"), "MIGRATIONS_TABLE=history_two\n");
        JsonNode reread = read(rotated);
        assertEquals("./drizzle", reread.path("out").asText());
        assertEquals("history_two", reread.path("migrations").path("table").asText());

        // a module it imports changed: evaluated again
        plant("\"./drizzle\"", "\"./planted\"");
        Files.writeString(project.resolve("settings.ts"), "export const out: string = \"./migrations\";\n");
        assertEquals("./migrations", read(rotated).path("out").asText());

        // the config changed: evaluated again
        plant("\"./migrations\"", "\"./planted\"");
        Files.writeString(project.resolve("drizzle.config.ts"), Files.readString(project.resolve("drizzle.config.ts"))
                .replace("dialect: \"turso\"", "dialect: \"sqlite\""));
        JsonNode edited = read(rotated);
        assertEquals("sqlite", edited.path("dialect").asText());
        assertEquals("./migrations", edited.path("out").asText());
    }

    @Test
    void aValueTheConfigSpellsOutIsKeptAsItIs() throws Exception {
        Files.writeString(project.resolve("drizzle.config.ts"), """
                export default {
                  dialect: "sqlite",
                  dbCredentials: { url: process.env.DATABASE_URL ?? "file:local.db" },
                };
                """);

        assertEquals("file:local.db", read(Map.of()).path("dbCredentials").path("url").asText());
        assertTrue(Files.readString(entries().get(0)).contains("file:local.db"));
        plant("\"sqlite\"", "\"planted\"");
        assertEquals("planted", read(Map.of()).path("dialect").asText());
        // set now, the variable the config read decides again
        assertEquals("file:other.db", read(Map.of("DATABASE_URL", "file:other.db")).path("dbCredentials").path("url")
                .asText());
    }

    @Test
    void notKeptWhenASecretWouldBeWrittenOrTheReadsCannotBeWatched() throws Exception {
        // a token that is neither a variable's value nor spelled out in the config: it would land in the cache
        Files.writeString(project.resolve("drizzle.config.ts"), """
                export default { dialect: "turso", dbCredentials: { url: "http://localhost:8080",
                  authToken: ["secret", "token"].join("-") } };
                """);
        assertEquals("secret-token", read(Map.of()).path("dbCredentials").path("authToken").asText());
        assertEquals(List.of(), entries());

        // a token from a dotenv file the plugin does not read itself (it reads .env.local and .env): not written
        // either
        Files.writeString(project.resolve(".env.production"), "DB_TOKEN=secret-from-file\n");
        Files.writeString(project.resolve("drizzle.config.ts"), """
                import { config } from "dotenv";
                config({ path: ".env.production" });
                export default { dialect: "turso", dbCredentials: { url: "http://localhost:8080",
                  authToken: process.env.DB_TOKEN } };
                """);
        assertEquals("secret-from-file", read(Map.of()).path("dbCredentials").path("authToken").asText());
        assertEquals(List.of(), entries());

        // the whole environment listed: any variable may matter
        Files.writeString(project.resolve("drizzle.config.ts"), """
                const env = { ...process.env };
                export default { dialect: "sqlite", out: env.OUT ?? "./drizzle" };
                """);
        assertEquals("./elsewhere", read(Map.of("OUT", "./elsewhere")).path("out").asText());
        assertEquals(List.of(), entries());

        // a Node.js module that reads what nothing here watches
        Files.writeString(project.resolve("drizzle.config.ts"), """
                import { existsSync } from "node:fs";
                export default { dialect: "sqlite", out: "./drizzle" };
                """);
        if (runtime == JsRuntime.NODE) {
            assertEquals("./drizzle", read(Map.of()).path("out").asText());
            assertEquals(List.of(), entries());
        }
    }
}
