// Views built with the query builder: the selection in every shape (all columns, field objects, sql`` with
// .as(), aggregates, a table's columns nested), one table and joins of each kind, alias(), subqueries,
// $with, set operators, a view read by another view, and new QueryBuilder(). drizzle-kit writes the select
// list as "col" for one table and "table"."col" with joins, and lists only plain columns as the view's.
import {
  sqliteTable, sqliteView, text, integer, real, numeric, alias, QueryBuilder, union, unionAll,
} from "drizzle-orm/sqlite-core";
import { sql, eq, and, gt, count, sum, max, min, avg, countDistinct, desc } from "drizzle-orm";

export const users = sqliteTable("users", {
  id: integer().primaryKey(),
  name: text().notNull(),
  role: text().notNull().default("member"),
  managerId: integer("manager_id"),
  balance: numeric({ mode: "bigint" }),
});

export const posts = sqliteTable("posts", {
  id: integer().primaryKey(),
  authorId: integer("author_id").notNull().references(() => users.id),
  reviewerId: integer("reviewer_id").references(() => users.id),
  title: text().notNull(),
  score: real().default(0),
});

const author = alias(users, "author");
const reviewer = alias(users, "reviewer");
const manager = alias(users, "manager");

// one table, every column
export const everyone = sqliteView("everyone").as((qb) => qb.select().from(users));

// joins with aliases, field objects, an aliased sql`` and aggregates
export const postAuthors = sqliteView("post_authors").as((qb) => qb
    .select({
      postId: posts.id,
      title: posts.title,
      author: author.name,
      reviewer: reviewer.name,
      label: sql`${posts.title} || ' by ' || ${author.name}`.as("label"),
    })
    .from(posts)
    .innerJoin(author, eq(posts.authorId, author.id))
    .leftJoin(reviewer, eq(posts.reviewerId, reviewer.id)));

export const authorStats = sqliteView("author_stats").as((qb) => qb
    .select({
      authorId: posts.authorId,
      posts: count().as("posts"),
      reviewed: count(posts.reviewerId).as("reviewed"),
      reviewers: countDistinct(posts.reviewerId).as("reviewers"),
      total: sum(posts.score).as("total"),
      best: max(posts.score).as("best"),
      worst: min(posts.score).as("worst"),
      mean: avg(posts.score).as("mean"),
    })
    .from(posts)
    .groupBy(posts.authorId));

// select() without fields over a join nests the columns by table: none of them is listed as the view's
export const teams = sqliteView("teams").as((qb) => qb.select().from(users)
    .rightJoin(manager, eq(users.managerId, manager.id)));

export const pairs = sqliteView("pairs").as((qb) => qb
    .select({ a: users.id, b: manager.id, balance: users.balance })
    .from(users)
    .fullJoin(manager, eq(users.managerId, manager.id))
    .crossJoin(posts));

// one table again, selected through an alias and with whole-table fields
export const managers = sqliteView("managers").as((qb) => qb
    .selectDistinct({ id: manager.id, name: manager.name, balance: manager.balance }).from(manager));

export const nested = sqliteView("nested").as((qb) => qb.select({ user: users, postTitle: posts.title })
    .from(users).leftJoin(posts, eq(posts.authorId, users.id)));

// a subquery, a common table expression, and a view of a view
const busy = new QueryBuilder().select({ authorId: posts.authorId, n: count().as("n") })
    .from(posts).groupBy(posts.authorId).as("busy");

export const busyAuthors = sqliteView("busy_authors").as((qb) => qb
    .select({ name: users.name, n: busy.n })
    .from(users)
    .innerJoin(busy, eq(busy.authorId, users.id))
    .where(gt(busy.n, 2)));

export const fromSubquery = sqliteView("from_subquery").as((qb) => qb.select().from(busy));

export const withTop = sqliteView("with_top").as((qb) => {
  const top = qb.$with("top").as(qb.select({ id: posts.id, score: posts.score }).from(posts)
      .orderBy(desc(posts.score)).limit(10));
  return qb.with(top).select().from(top);
});

export const everyoneNamed = sqliteView("everyone_named").as((qb) => qb
    .select({ id: everyone.id, name: everyone.name }).from(everyone).where(eq(everyone.role, "admin")));

// set operators, as methods and as functions
export const people = sqliteView("people").as((qb) => qb.select({ id: users.id, name: users.name }).from(users)
    .union(qb.select({ id: author.id, name: author.name }).from(author))
    .orderBy(users.name).limit(20).offset(5));

export const ids = sqliteView("ids").as((qb) => unionAll(
    qb.select({ id: users.id }).from(users),
    qb.select({ id: posts.id }).from(posts),
    qb.select({ id: posts.authorId }).from(posts),
).orderBy(sql`${users.id} desc`));

export const both = sqliteView("both").as((qb) => union(
    qb.select({ id: users.id }).from(users),
    qb.select({ id: posts.authorId }).from(posts).where(and(gt(posts.score, 1))),
).intersect(qb.select({ id: posts.reviewerId }).from(posts))
    .except((ops) => ops.union(
      qb.select({ id: users.managerId }).from(users),
      qb.select({ id: users.id }).from(users),
    )));

// a query built before the view, with the query builder drizzle exports
const scored = new QueryBuilder().select({ id: posts.id, score: posts.score }).from(posts).where(gt(posts.score, 0.5));
export const scoredPosts = sqliteView("scored_posts").as(scored);
