// Views declared with their columns: a SELECT as sql`` (values inlined, as drizzle-kit writes them), and
// an existing view drizzle-kit only knows about.
import { sqliteTable, sqliteView, text, integer } from "drizzle-orm/sqlite-core";
import { sql } from "drizzle-orm";

export const users = sqliteTable("users", {
  id: integer().primaryKey(),
  name: text().notNull(),
  role: text().notNull().default("member"),
});

export const admins = sqliteView("admins", {
  id: integer().primaryKey(),
  name: text().notNull(),
  role: text().default("it's"),
}).as(sql`select ${users.id}, ${users.name}, ${users.role} from ${users} where ${users.role} = ${"admin"} and ${users.id} > ${0}`);

export const legacy = sqliteView("legacy_report", {
  total: integer(),
}).existing();
