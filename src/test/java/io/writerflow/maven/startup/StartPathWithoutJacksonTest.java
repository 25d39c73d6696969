package io.writerflow.maven.startup;

import com.eclipsesource.json.Json;
import io.writerflow.maven.migrations.MigrationDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every database goal reads before its work (drizzle.config from its cache, the journal and the migrations)
 * reads without Jackson, whose first parse costs a fresh Maven 50 to 70 ms: run here in a class loader that has the
 * plugin's classes and minimal-json but no Jackson, where any use of it fails with NoClassDefFoundError.
 */
class StartPathWithoutJacksonTest {

    @TempDir
    Path project;

    @Test
    void configFromItsCacheJournalAndMigrationsNeedNoJackson() throws Exception {
        Files.writeString(project.resolve("drizzle.config.ts"), """
                import { defineConfig } from "drizzle-kit";
                export default defineConfig({
                  dialect: "sqlite",
                  schema: "./src/db/schema.ts",
                  out: "./migrations",
                  dbCredentials: { url: process.env.DATABASE_URL ?? "file:local.db" },
                  migrations: { table: "__drizzle_migrations" },
                });
                """);
        Path migrations = Files.createDirectories(project.resolve("migrations/meta"));
        Files.writeString(migrations.resolve("_journal.json"), """
                {"version":"7","dialect":"sqlite","entries":[
                  {"idx":0,"version":"6","when":1795530181042,"tag":"0000_init","breakpoints":true}]}
                """);
        Files.writeString(project.resolve("migrations/0000_init.sql"), "CREATE TABLE `t` (`id` integer);\n");
        Files.writeString(migrations.resolve("0000_snapshot.json"), "{}");

        // the first read evaluates the config (Node.js) and keeps it; what goals then do is the second read
        String first = StartPath.read(project);
        try (URLClassLoader withoutJackson = new URLClassLoader(new URL[] {location(MigrationDirectory.class),
                location(Json.class), location(StartPath.class)}, ClassLoader.getPlatformClassLoader())) {
            assertTrue(isMissing(withoutJackson, "com.fasterxml.jackson.core.JsonFactory"));
            Class<?> startPath = Class.forName(StartPath.class.getName(), true, withoutJackson);
            String second = (String) startPath.getMethod("read", Path.class).invoke(null, project);
            assertEquals(first, second);
            assertTrue(isMissing(withoutJackson, "com.fasterxml.jackson.databind.JsonNode"));
        }
        assertEquals("out=" + project.resolve("migrations") + " table=__drizzle_migrations url=file:local.db"
                + " migrations=[0000_init]", first);
    }

    private static URL location(Class<?> type) {
        return type.getProtectionDomain().getCodeSource().getLocation();
    }

    private static boolean isMissing(ClassLoader loader, String name) {
        try {
            Class.forName(name, false, loader);
            return false;
        } catch (ClassNotFoundException e) {
            return true;
        }
    }
}
