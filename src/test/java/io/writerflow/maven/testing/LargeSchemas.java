package io.writerflow.maven.testing;

/** Generated drizzle schemas of the size DESIGN.md measures with (300 tables, about 4,500 lines). */
public final class LargeSchemas {

    private LargeSchemas() {
    }

    /** Tables of every column kind, with indexes, a unique column, a check and a foreign key to the previous table. */
    public static String largeSchema(int tables) {
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
