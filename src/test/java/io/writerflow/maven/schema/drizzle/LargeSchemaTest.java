package io.writerflow.maven.schema.drizzle;

import io.writerflow.maven.schema.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static io.writerflow.maven.schema.drizzle.DrizzleKitProjects.assertSameSchema;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A schema of the size DESIGN.md measured (300 tables, about 4,500 lines) reads as drizzle-kit reads it, in
 * reasonable time. The bound is loose on purpose: it catches a pathological slowdown, not noise.
 */
class LargeSchemaTest {

    static final int TABLES = 300;

    @TempDir
    Path project;

    @Test
    void threeHundredTablesReadAsDrizzleKitReadsThem() throws IOException {
        String source = largeSchema(TABLES);
        Files.writeString(project.resolve("schema.js"), source);
        assertTrue(source.lines().count() >= 4_500, "about 4,500 lines");

        long start = System.nanoTime();
        Schema actual = new DrizzleSchemaLoader().load(project.resolve("schema.js"));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        System.err.printf("DrizzleSchemaLoader: %d tables, %d lines in %d ms%n", TABLES, source.lines().count(),
                took.toMillis());

        assertEquals(TABLES, actual.tables().size());
        assertTrue(took.compareTo(Duration.ofSeconds(60)) < 0, "took " + took);
        assertSameSchema(DrizzleKitProjects.drizzleKitSchema(project), actual);
    }

    /** Tables of every column kind, with indexes, a unique column, a check and a foreign key to the previous table. */
    static String largeSchema(int tables) {
        StringBuilder js = new StringBuilder("""
                import { sqliteTable, text, integer, real, blob, numeric, index, uniqueIndex, check }
                  from "drizzle-orm/sqlite-core";
                import { sql } from "drizzle-orm";

                const timestamps = {
                  createdAt: integer("created_at", { mode: "timestamp" }).notNull().default(sql`(unixepoch())`),
                  updatedAt: integer("updated_at", { mode: "timestamp" }).$onUpdate(() => new Date()),
                };

                """);
        for (int i = 0; i < tables; i++) {
            String name = "table" + i;
            js.append("export const ").append(name).append(" = sqliteTable(\"").append(name).append("\", {\n")
                    .append("  id: integer().primaryKey({ autoIncrement: true }),\n")
                    .append("  name: text({ length: 120 }).notNull(),\n")
                    .append("  slug: text().notNull().unique(),\n")
                    .append("  status: text({ enum: [\"draft\", \"live\"] }).notNull().default(\"draft\"),\n")
                    .append("  score: real().default(0.5),\n")
                    .append("  amount: numeric(),\n")
                    .append("  active: integer({ mode: \"boolean\" }).notNull().default(true),\n")
                    .append("  payload: text({ mode: \"json\" }).default({ version: 1 }),\n")
                    .append("  raw: blob(),\n")
                    .append("  position: integer().notNull().default(").append(i).append("),\n");
            if (i > 0) {
                js.append("  parentId: integer(\"parent_id\").references(() => table").append(i - 1)
                        .append(".id, { onDelete: \"cascade\" }),\n");
            } else {
                js.append("  parentId: integer(\"parent_id\"),\n");
            }
            js.append("  ...timestamps,\n")
                    .append("}, (t) => [\n")
                    .append("  index(\"").append(name).append("_name_idx\").on(t.name),\n")
                    .append("  uniqueIndex(\"").append(name).append("_lower_slug_idx\").on(sql`lower(${t.slug})`)")
                    .append(".where(sql`${t.status} = 'live'`),\n")
                    .append("  check(\"").append(name).append("_position_check\", sql`${t.position} >= 0`),\n")
                    .append("]);\n\n");
        }
        return js.toString();
    }
}
