// Rebuilds two tables for a foreign key's new ON DELETE and a new CHECK, as drizzle-kit does when nothing goes wrong.
import { sqliteView, sqliteTable, text, integer, real, blob, numeric, index, uniqueIndex, primaryKey, foreignKey, check, unique, customType } from "drizzle-orm/sqlite-core";
import { sql, eq } from "drizzle-orm";

const money = customType({ dataType() { return "decimal(10, 2)"; } });

export const users = sqliteTable("users", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  email: text("email").notNull().unique(),
  name: text("name", { length: 256 }),
  role: text("role", { enum: ["admin", "member"] }).notNull().default("member"),
  settings: text("settings", { mode: "json" }),
  active: integer("active", { mode: "boolean" }).notNull().default(true),
  createdAt: integer("created_at", { mode: "timestamp" }).notNull().default(sql`(unixepoch())`),
  score: real("score").default(0.5),
  balance: numeric("balance"),
  credit: money("credit").default("0"),
  avatar: blob("avatar"),
  data: blob("data", { mode: "json" }),
  big: blob("big", { mode: "bigint" }),
  emailLower: text("email_lower").generatedAlwaysAs(sql`lower(email)`, { mode: "virtual" }),
  nameLength: integer("name_length").generatedAlwaysAs(sql`length(name)`, { mode: "stored" }),
}, (t) => [
  uniqueIndex("users_lower_email_idx").on(sql`lower(${t.email})`),
  index("users_recent_idx").on(t.createdAt).where(sql`${t.active} = 1`),
  check("users_score_check", sql`${t.score} >= 0`),
  unique("users_name_role_unique").on(t.name, t.role),
]);

export const posts = sqliteTable("posts", {
  id: integer("id").primaryKey(),
  authorId: integer("author_id").notNull().references(() => users.id, { onDelete: "cascade" }),
  title: text("title").notNull(),
  body: text("body").default(""),
  ts: integer("ts", { mode: "timestamp_ms" }),
  editorId: integer("editor_id").references(() => users.id),
  titleUpper: text("title_upper").generatedAlwaysAs(sql`upper(title) || '!'`, { mode: "virtual" }),
}, (t) => [
  index("posts_title_idx").on(t.title),
  index("posts_ts_idx").on(t.ts),
  uniqueIndex("posts_author_title_idx").on(t.authorId, t.title).where(sql`${t.ts} is not null`),
]);

export const comments = sqliteTable("comments", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  postId: integer("post_id").notNull().references(() => posts.id, { onDelete: "restrict" }),
  body: text("body").notNull(),
  rating: integer("rating"),
  edited: integer("edited", { mode: "boolean" }).notNull().default(false),
}, (t) => [index("comments_post_idx").on(t.postId)]);

export const audit = sqliteTable("audit", {
  id: integer("id").primaryKey(),
  action: text("action"),
  at: integer("at"),
}, (t) => [check("audit_at_check", sql`${t.at} > 0 or audit.at is null`)]);
