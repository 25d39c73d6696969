import { sqliteTable, text, integer, real, index } from "drizzle-orm/sqlite-core";

// v4: a grandchild table, reviews of books (ON DELETE CASCADE), and an index on books.title
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
}, (t) => [index("books_author_idx").on(t.authorId), index("books_title_idx").on(t.title)]);

export const reviews = sqliteTable("reviews", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  bookId: integer("book_id").notNull().references(() => books.id, { onDelete: "cascade" }),
  stars: integer("stars").notNull(),
});
