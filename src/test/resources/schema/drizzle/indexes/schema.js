// index and uniqueIndex on columns and expressions, partial indexes, and the shapes of extra config.
import { sqliteTable, text, integer, index, uniqueIndex } from "drizzle-orm/sqlite-core";
import {
  sql, and, or, eq, ne, gt, gte, lt, lte, isNull, isNotNull, inArray, notInArray, not, like, between, asc, desc,
} from "drizzle-orm";

export const posts = sqliteTable("posts", {
  id: integer().primaryKey(),
  title: text().notNull(),
  slug: text().notNull(),
  authorId: integer("author_id"),
  status: text().notNull().default("draft"),
  deletedAt: integer("deleted_at", { mode: "timestamp" }),
  score: integer(),
  published: integer({ mode: "boolean" }),
}, (t) => [
  index("posts_author_idx").on(t.authorId),
  uniqueIndex("posts_slug_idx").on(t.slug),
  index("posts_author_status_idx").on(t.authorId, t.status),
  index("posts_lower_title_idx").on(sql`lower(${t.title})`),
  index("posts_mixed_idx").on(t.status, sql`coalesce(${t.score}, 0)`, desc(t.id)),
  index("posts_sorted_idx").on(asc(t.title)),
  uniqueIndex("posts_live_slug_idx").on(t.slug).where(sql`${t.deletedAt} is null`),
  index("posts_conditions_idx").on(t.score).where(and(
    isNull(t.deletedAt),
    or(eq(t.status, "published"), ne(t.status, "draft")),
    gt(t.score, 10), gte(t.score, 11), lt(t.score, 100), lte(t.score, 99),
    inArray(t.status, ["a", "b"]), notInArray(t.status, []),
    not(like(t.title, "%draft%")), between(t.score, 1, 5), isNotNull(t.slug),
    eq(t.published, true),
  )),
  index("posts_where_string_idx").on(t.title).where("not sql"),
  [index("posts_nested_idx").on(t.published)],
  undefined,
]);

export const comments = sqliteTable("comments", (c) => ({
  id: c.integer().primaryKey({ autoIncrement: true }),
  postId: c.integer("post_id").notNull(),
  body: c.text({ length: 2000 }),
  weight: c.real(),
  raw: c.blob(),
  exact: c.numeric(),
}), (t) => ({
  byPost: index("comments_post_idx").on(t.postId),
  unique: uniqueIndex("comments_post_body_idx").on(t.postId, t.body),
}));

export const tags = sqliteTable("tags", {
  id: integer().primaryKey(),
  name: text().notNull(),
}, (t) => ({
  nameIdx: index("tags_name_idx").on(t.name),
}));
