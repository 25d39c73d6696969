// A parent with a STORED generated column and an expression index, and children that cascade.
import { sqliteTable, text, integer, index } from "drizzle-orm/sqlite-core";
import { sql } from "drizzle-orm";

export const users = sqliteTable("users", {
  id: integer("id").primaryKey(),
  name: text("name"),
  nameLength: integer("name_length").generatedAlwaysAs(sql`length(name)`, { mode: "stored" }),
}, (t) => [index("users_lower_name_idx").on(sql`lower(${t.name})`)]);

export const documents = sqliteTable("documents", {
  id: integer("id").primaryKey(),
  ownerId: integer("owner_id").notNull().references(() => users.id, { onDelete: "cascade" }),
});
