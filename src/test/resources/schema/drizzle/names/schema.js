// Names that need quoting, numeric-looking keys (JavaScript orders them first), and a shared builder
// whose implicit unique name comes from the first table that uses it, as in drizzle.
import { sqliteTable, text, integer, index, check } from "drizzle-orm/sqlite-core";
import { sql } from "drizzle-orm";

const code = text().unique();

export const odd = sqliteTable("odd \"table\"", {
  "we\"ird": text(),
  "2": integer(),
  "10": integer(),
  normal: text(),
  code,
}, (t) => [
  index("odd_weird_idx").on(sql`lower(${t["we\"ird"]})`),
  check("odd_check", sql`${t["2"]} < ${t["10"]}`),
]);

export const other = sqliteTable("other", { id: integer().primaryKey(), code });
