import { sqliteTable, text, integer, index } from "drizzle-orm/sqlite-core";
import { id, money, timestamps, sharedSlug, sharedOwner } from "../columns.js";
import { accounts } from "./accounts";

export const invoices = sqliteTable("invoices", {
  id: id(),
  accountId: text("account_id").notNull().references(() => accounts.id, { onDelete: "cascade" }),
  total: money("total_cents"),
  tax: money("tax_cents"),
  slug: sharedSlug,
  owner: sharedOwner,
  ...timestamps,
}, (t) => [index("invoices_account_idx").on(t.accountId)]);
