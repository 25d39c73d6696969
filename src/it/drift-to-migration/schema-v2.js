import { sqliteTable, text, integer, index } from "drizzle-orm/sqlite-core";

// v1 with what was adopted from the server: books.isbn and its index
export const authors = sqliteTable("authors", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  name: text("name").notNull(),
});

export const books = sqliteTable("books", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  authorId: integer("author_id").notNull().references(() => authors.id, { onDelete: "cascade" }),
  title: text("title").notNull(),
  isbn: text("isbn"),
}, (t) => [index("books_author_idx").on(t.authorId), index("books_isbn_idx").on(t.isbn)]);
