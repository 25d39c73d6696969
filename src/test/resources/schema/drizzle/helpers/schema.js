// Helper code: modules (extension-less and directory imports, re-exports), spreads, functions, constants,
// loops, sqliteTableCreator, and a package used only at insert time.
import { sqliteTable, sqliteTableCreator, text, integer, index } from "drizzle-orm/sqlite-core";
import { relations } from "drizzle-orm";
import { timestamps, sharedOwner } from "./columns";
import { accounts, bills } from "./tables";

export * from "./tables";
export { accounts as accountsAgain };

const STATUSES = ["open", "closed"];
const prefixed = sqliteTableCreator((name) => `app_${name}`);

export const settings = prefixed("settings", {
  key: text().primaryKey(),
  value: text({ mode: "json" }),
  owner: sharedOwner,
  ...timestamps,
});

function auditTable(name) {
  return sqliteTable(`${name}_audit`, {
    id: integer().primaryKey({ autoIncrement: true }),
    rowId: text("row_id").notNull(),
    status: text({ enum: STATUSES }).notNull().default(STATUSES[0]),
    ...timestamps,
  }, (t) => [index(`${name}_audit_row_idx`).on(t.rowId)]);
}

export const audits = Object.fromEntries(["accounts", "invoices"].map((name) => [name, auditTable(name)]));
export const accountsAudit = audits.accounts;
export const invoicesAudit = audits.invoices;

export const partitions = [];
for (let i = 1; i <= 3; i++) {
  partitions.push(sqliteTable(`events_${i}`, { id: integer().primaryKey(), payload: text() }));
}
export const [events1, events2, events3] = partitions;

export const notExported = sqliteTable("not_exported_either", { id: integer() }) && undefined;

export const accountRelations = relations(accounts, ({ many }) => ({ bills: many(bills) }));
