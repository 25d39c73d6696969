import { sqliteTable, text, integer } from "drizzle-orm/sqlite-core";
import { sql } from "drizzle-orm";
import { users } from "@/tables/users";
import { id, Limits } from "@/lib/columns";

export const posts = sqliteTable("posts", {
  id: id(),
  authorId: integer("author_id")
    .notNull()
    .references(() => users.id, { onDelete: "cascade" }),
  title: text("title", { length: Limits.Title }).notNull(),
  publishedAt: integer("published_at").default(sql`(unixepoch())`),
});
