// Generated columns: sql``, a function returning sql``, a string; virtual (the default) and stored.
import { sqliteTable, text, integer, real } from "drizzle-orm/sqlite-core";
import { sql } from "drizzle-orm";

export const people = sqliteTable("people", {
  id: integer().primaryKey(),
  first: text().notNull(),
  last: text().notNull(),
  price: real(),
  quantity: integer(),
  fullName: text("full_name").generatedAlwaysAs(sql`first || ' ' || last`),
  fullNameStored: text("full_name_stored").generatedAlwaysAs(sql`first || ' ' || last`, { mode: "stored" }),
  total: real().generatedAlwaysAs(() => sql`${people.price} * ${people.quantity}`, { mode: "virtual" }),
  upperLast: text("upper_last").generatedAlwaysAs(() => sql`upper(${people.last})`, { mode: "stored" }),
  asString: text("as_string").generatedAlwaysAs("lower(first)"),
  withParam: integer("with_param").generatedAlwaysAs(() => sql`${people.quantity} + ${1}`),
  fromText: text("from_text").generatedAlwaysAs(sql`substr(${sql.identifier("first")}, 1, 1)`, { mode: "stored" }),
});
