import { sqliteTable, sqliteView, text, integer, real, index, unique, check } from "drizzle-orm/sqlite-core";
import { sql } from "drizzle-orm";

export const users = sqliteTable("users", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  email: text("email").notNull().unique(),
  score: real("score").default(0),
}, (t) => [check("score_check", sql`${t.score} >= 0`)]);

export const documents = sqliteTable("documents", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  ownerId: integer("owner_id").notNull().references(() => users.id, { onDelete: "cascade" }),
  title: text("title").notNull(),
}, (t) => [index("documents_owner_idx").on(t.ownerId), unique().on(t.ownerId, t.title)]);

export const titles = sqliteView("titles", { id: integer("id"), title: text("title") })
  .as(sql`select "id", "title" from "documents"`);
