// Columns named by their keys under drizzle.config's casing ("snake_case" or "camelCase"; the parity test
// runs both): drizzle-kit converts them wherever it names a column (the table, indexes, unique, primary
// and foreign keys, checks, generated columns, the conditions of views), but implicit constraint names keep
// the keys except for primary and foreign keys, and a query-builder view's select list keeps them all.
// Columns with a name of their own are never converted.
import {
  sqliteTable, sqliteView, text, integer, index, uniqueIndex, unique, primaryKey, foreignKey, check, alias,
} from "drizzle-orm/sqlite-core";
import { sql, eq, gt, count } from "drizzle-orm";

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

const target = alias(userAccounts, "target");

export const linkedAccounts = sqliteView("linked_accounts").as((qb) => qb
    .select({ from: accountLinks.fromAccount, name: target.first_name, links: count().as("links") })
    .from(accountLinks)
    .innerJoin(target, eq(accountLinks.to_account, target.accountId))
    .where(gt(accountLinks.weightValue, 1))
    .groupBy(accountLinks.fromAccount, target.first_name));

export const recentAccounts = sqliteView("recent_accounts").as((qb) => qb.select().from(userAccounts)
    .where(gt(userAccounts.createdAt, new Date(0))).orderBy(userAccounts.lastName));

export const accountNames = sqliteView("account_names", {
  accountId: integer(),
  first_name: text(),
}).as(sql`select ${userAccounts.accountId}, ${userAccounts.first_name} from ${userAccounts}`);
