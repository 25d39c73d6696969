// users.name becomes NOT NULL with a default, and users gains a column: drizzle-kit rebuilds users.
import { sqliteTable, text, integer, index } from "drizzle-orm/sqlite-core";
import { sql } from "drizzle-orm";

export const users = sqliteTable("users", {
  id: integer("id").primaryKey(),
  name: text("name").notNull().default("anon"),
  nameLength: integer("name_length").generatedAlwaysAs(sql`length(name)`, { mode: "stored" }),
  score: integer("score").default(0),
}, (t) => [index("users_lower_name_idx").on(sql`lower(${t.name})`)]);

export const documents = sqliteTable("documents", {
  id: integer("id").primaryKey(),
  ownerId: integer("owner_id").notNull().references(() => users.id, { onDelete: "cascade" }),
});
