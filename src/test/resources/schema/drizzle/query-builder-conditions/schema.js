// Query-builder views filtered, grouped, ordered and cut: every condition helper, in where() and having(),
// as values and as callbacks of the selected fields, and values of every type. drizzle-kit inlines the
// values into the view's SQL, after the column's own mapping (booleans as 0/1, dates as numbers, JSON as
// text), quotes doubled.
import { sqliteTable, sqliteView, text, integer, real, blob } from "drizzle-orm/sqlite-core";
import {
  sql, eq, ne, gt, gte, lt, lte, and, or, not, isNull, isNotNull, like, notLike, inArray, notInArray,
  between, notBetween, exists, notExists, asc, desc, count,
} from "drizzle-orm";

export const items = sqliteTable("items", {
  id: integer().primaryKey(),
  name: text().notNull(),
  note: text(),
  price: real(),
  active: integer({ mode: "boolean" }),
  createdAt: integer("created_at", { mode: "timestamp" }),
  updatedAt: integer("updated_at", { mode: "timestamp_ms" }),
  tags: text({ mode: "json" }),
  data: blob({ mode: "json" }),
  kind: text({ enum: ["a", "b"] }),
});

export const orders = sqliteTable("orders", {
  id: integer().primaryKey(),
  itemId: integer("item_id").notNull(),
  qty: integer().notNull(),
});

export const values = sqliteView("values_view").as((qb) => qb.select({ id: items.id }).from(items).where(or(
    eq(items.name, "it's \"quoted\" -- and 'more'"),
    eq(items.note, ""),
    eq(items.price, -1.25),
    eq(items.price, 1e21),
    eq(items.id, 0),
    eq(items.active, true),
    eq(items.active, false),
    eq(items.id, true),
    eq(items.note, null),
    eq(items.createdAt, new Date(Date.UTC(2024, 0, 2, 3, 4, 5, 678))),
    eq(items.updatedAt, new Date(Date.UTC(2024, 0, 2, 3, 4, 5, 678))),
    eq(items.tags, ["x", "y's"]),
    eq(items.data, { a: 1 }),
    eq(items.kind, "b"),
    eq(sql`lower(${items.name})`, "abc"),
    sql`${items.name} = ${"raw 'value'"} or ${items.price} > ${2.5} or ${items.active} = ${true}`,
)));

export const conditions = sqliteView("conditions").as((qb) => qb.select().from(items).where(and(
    ne(items.name, "x"),
    gt(items.price, 1),
    gte(items.price, 1.5),
    lt(items.id, 100),
    lte(items.id, 99),
    not(eq(items.kind, "a")),
    isNull(items.note),
    isNotNull(items.createdAt),
    like(items.name, "%o'k%"),
    notLike(items.name, "tmp_%"),
    inArray(items.id, [1, 2, 3]),
    notInArray(items.kind, ["a"]),
    inArray(items.id, []),
    notInArray(items.id, []),
    between(items.price, 0, 9.99),
    notBetween(items.id, 10, 20),
    and(),
    or(eq(items.id, 1)),
    undefined,
)));

export const subqueries = sqliteView("subqueries").as((qb) => qb.select({ id: items.id, name: items.name })
    .from(items)
    .where(and(
      exists(qb.select({ id: orders.id }).from(orders).where(eq(orders.itemId, items.id))),
      notExists(qb.select({ one: sql`1`.as("one") }).from(orders).where(gt(orders.qty, 100))),
      inArray(items.id, qb.select({ id: orders.itemId }).from(orders)),
    )));

export const totals = sqliteView("totals").as((qb) => qb
    .select({ itemId: orders.itemId, name: items.name, n: count().as("n"), qty: sql`sum(${orders.qty})`.as("qty") })
    .from(orders)
    .innerJoin(items, (fields) => eq(fields.itemId, items.id))
    .where((fields) => gt(fields.qty, 0))
    .groupBy(orders.itemId, items.name)
    .having(({ n, qty }) => and(gt(n, 1), lt(qty, 1000)))
    .orderBy(({ qty }) => [desc(qty), asc(items.name)])
    .limit(10)
    .offset(20));

export const grouped = sqliteView("grouped").as((qb) => qb
    .select({ kind: items.kind, n: count(items.id).as("n") })
    .from(items)
    .groupBy(({ kind }) => kind)
    .having(gt(count(items.id), 2))
    .orderBy(desc(count(items.id)), items.kind)
    .limit(0)
    .offset(0));

export const sqlParts = sqliteView("sql_parts").as((qb) => qb
    .selectDistinct({ lower: sql`lower(${items.name})`.as("lower"), flag: sql`${items.active} = ${true}`.as("flag") })
    .from(items)
    .where(sql`${items.price} between ${1} and ${"2"}`)
    .orderBy(sql`lower(${items.name}) collate nocase`)
    .limit(-1));
