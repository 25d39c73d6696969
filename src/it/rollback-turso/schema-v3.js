import { sqliteTable, text, integer, real, index } from "drizzle-orm/sqlite-core";

// v3: both tables rebuilt: authors.bio becomes NOT NULL (the parent), books.pages an integer turned real (the child)
export const authors = sqliteTable("authors", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  name: text("name").notNull(),
  bio: text("bio").notNull().default(""),
});

export const books = sqliteTable("books", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  authorId: integer("author_id").notNull().references(() => authors.id, { onDelete: "cascade" }),
  title: text("title").notNull(),
  pages: real("pages"),
}, (t) => [index("books_author_idx").on(t.authorId)]);
