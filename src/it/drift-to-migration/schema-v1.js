import { sqliteTable, text, integer, index } from "drizzle-orm/sqlite-core";

export const authors = sqliteTable("authors", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  name: text("name").notNull(),
});

export const books = sqliteTable("books", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  authorId: integer("author_id").notNull().references(() => authors.id, { onDelete: "cascade" }),
  title: text("title").notNull(),
}, (t) => [index("books_author_idx").on(t.authorId)]);
