// Every column type and mode, named by key or explicitly, and every kind of default.
import { sqliteTable, text, integer, int, real, blob, numeric, customType } from "drizzle-orm/sqlite-core";
import { sql } from "drizzle-orm";

const citext = customType({
  dataType() {
    return "text collate nocase";
  },
});

const varchar = customType({
  dataType(config) {
    return `varchar(${config?.length ?? 255})`;
  },
  toDriver(value) {
    return String(value);
  },
});

export const everything = sqliteTable("everything", {
  id: integer().primaryKey({ autoIncrement: true }),
  plain: text(),
  named: text("explicit_name"),
  sized: text({ length: 256 }),
  sizedNamed: text("sized_named", { length: 32 }).notNull(),
  zeroLength: text({ length: 0 }),
  role: text({ enum: ["admin", "member"] }).notNull().default("member"),
  doc: text({ mode: "json" }).$type(),
  count: integer(),
  countNumber: integer("count_number", { mode: "number" }).notNull().default(0),
  flag: integer({ mode: "boolean" }).notNull().default(false),
  enabled: integer({ mode: "boolean" }).default(true),
  createdAt: integer("created_at", { mode: "timestamp" }).notNull().default(sql`(unixepoch())`),
  createdMs: integer("created_ms", { mode: "timestamp_ms" }).defaultNow(),
  updatedAt: integer("updated_at", { mode: "timestamp" }).$onUpdate(() => new Date()),
  alias: int(),
  score: real().default(1.5),
  negative: real().default(-0.25),
  big: integer().default(9007199254740991),
  bytes: blob(),
  bytesBuffer: blob({ mode: "buffer" }),
  bytesJson: blob({ mode: "json" }).default({ a: [1, 2] }),
  bytesBigint: blob({ mode: "bigint" }),
  amount: numeric(),
  amountNumber: numeric({ mode: "number" }),
  amountBigint: numeric({ mode: "bigint" }),
  caseless: citext(),
  code: varchar("code", { length: 12 }),
  codeDefault: varchar(),
});

export const defaults = sqliteTable("defaults", {
  key: text().primaryKey(),
  quoted: text().default("it's \"quoted\""),
  empty: text().default(""),
  jsonObject: text({ mode: "json" }).default({ theme: "dark", "it's": true, nested: { list: [1, "two"] } }),
  jsonArray: text({ mode: "json" }).default(["a", "b"]),
  jsonNull: text({ mode: "json" }).default(null),
  date: integer({ mode: "timestamp" }).default(new Date("2024-01-02T03:04:05.000Z")),
  now: text().default(sql`CURRENT_TIMESTAMP`),
  parenthesized: text().default(sql`(CURRENT_TIMESTAMP)`),
  raw: integer().default(sql.raw("(42)")),
  runtimeOnly: text().$defaultFn(() => "generated at insert").$default(() => "again"),
  onUpdateFn: integer().$onUpdateFn(() => 1),
  undefinedDefault: text().default(undefined),
  zero: integer().default(0),
  typed: text().$type().notNull(),
});
