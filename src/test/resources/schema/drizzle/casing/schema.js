// Columns named by their keys under drizzle.config's casing ("snake_case" or "camelCase"; the parity test
// runs both): drizzle-kit converts them wherever it names a column (the table, indexes, unique, primary
// and foreign keys, checks, generated columns, view definitions), but implicit constraint names keep
// the keys except for primary and foreign keys. Columns with a name of their own are never converted.
import {
  sqliteTable, sqliteView, text, integer, index, uniqueIndex, unique, primaryKey, foreignKey, check,
} from "drizzle-orm/sqlite-core";
import { sql } from "drizzle-orm";

export const userAccounts = sqliteTable("user_accounts", {
  accountId: integer().primaryKey({ autoIncrement: true }),
  first_name: text().notNull(),
  lastName: text("LastName"),
  HTTPStatus: integer().default(200),
  "user's_tag": text().unique(),
  createdAt: integer({ mode: "timestamp" }).default(sql`(unixepoch())`),
  displayName: text().generatedAlwaysAs(sql`${sql.identifier("first_name")} || ' ' || "LastName"`),
  nameLength: integer().generatedAlwaysAs(() => sql`length(${userAccounts.first_name})`, { mode: "stored" }),
}, (t) => [
  index("accounts_name_idx").on(t.first_name, t.lastName),
  uniqueIndex("accounts_lower_idx").on(sql`lower(${t.first_name})`).where(sql`${t.createdAt} > 0`),
  unique().on(t.first_name, t.HTTPStatus),
  unique("accounts_status_tag").on(t.HTTPStatus, t["user's_tag"]),
  check("accounts_status_check", sql`${t.HTTPStatus} between 100 and 599`),
]);

export const accountLinks = sqliteTable("accountLinks", {
  fromAccount: integer().notNull().references(() => userAccounts.accountId, { onDelete: "cascade" }),
  to_account: integer().notNull(),
  linkKind: text("link_kind"),
  weightValue: integer(),
}, (t) => [
  primaryKey({ columns: [t.fromAccount, t.to_account] }),
  foreignKey({ columns: [t.to_account], foreignColumns: [userAccounts.accountId] }),
  foreignKey({ columns: [t.weightValue], foreignColumns: [userAccounts.HTTPStatus], name: "links_weightValue_fk" }),
]);

export const settings = sqliteTable("settings", {
  settingKey: text().notNull(),
  scopeId: integer().notNull(),
}, (t) => [primaryKey({ columns: [t.settingKey, t.scopeId], name: "settings_settingKey_scopeId" })]);

export const accountNames = sqliteView("account_names", {
  accountId: integer(),
  first_name: text(),
}).as(sql`select ${userAccounts.accountId}, ${userAccounts.first_name} from ${userAccounts}`);
