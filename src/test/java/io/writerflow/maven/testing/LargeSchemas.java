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

    /**
     * The same schema written as TypeScript, as drizzle projects write it: a type per table's rows, enums and
     * generics in calls, annotations and {@code as const}; the same tables once the types are stripped.
     */
    public static String largeTypeScriptSchema(int tables) {
        String js = largeSchema(tables);
        StringBuilder ts = new StringBuilder(js.length() * 11 / 10)
                .append("type Status = \"draft\" | \"live\";\n")
                .append("interface Payload {\n  version: number;\n}\n");
        for (String line : js.split("\n", -1)) {
            if (line.startsWith("const timestamps = {")) {
                ts.append("const timestamps: Record<\"createdAt\" | \"updatedAt\", ReturnType<typeof integer>> = {\n");
            } else if (line.contains("status: text({ enum: [\"draft\", \"live\"] })")) {
                ts.append(line.replace("[\"draft\", \"live\"] })", "[\"draft\", \"live\"] as const }).$type<Status>()"))
                        .append('\n');
            } else if (line.contains("payload: text({ mode: \"json\" })")) {
                ts.append(line.replace("text({ mode: \"json\" })", "text({ mode: \"json\" }).$type<Payload>()"))
                        .append('\n');
            } else if (line.equals("]);")) {
                ts.append(line).append('\n');
                String name = lastTable(ts);
                ts.append("export type ").append(Character.toUpperCase(name.charAt(0))).append(name.substring(1))
                        .append("Row = typeof ").append(name).append(".$inferSelect;\n");
            } else {
                ts.append(line).append('\n');
            }
        }
        return ts.substring(0, ts.length() - 1);
    }

    private static String lastTable(CharSequence text) {
        String s = text.toString();
        int at = s.lastIndexOf("export const ");
        return s.substring(at + "export const ".length(), s.indexOf(' ', at + "export const ".length()));
    }
}
