// drizzle-kit knows a table by its name: a foreign key to a table that is declared twice under one name,
// once exported and once not (a stub for references, a copy in a helper), refers to the exported one, and
// a table exported under several names is one table. (A view exported twice stops drizzle-kit, and the
// plugin: see DrizzleSchemaLoaderErrorsTest.)
import { sqliteTable, sqliteView, text, integer, foreignKey } from "drizzle-orm/sqlite-core";
import { sql } from "drizzle-orm";

// a stand-in declaration, as projects write one to break an import cycle
const accountsRef = sqliteTable("accounts", {
  id: integer().primaryKey(),
});

export const accounts = sqliteTable("accounts", {
  id: integer().primaryKey(),
  email: text().notNull(),
});

export const invoices = sqliteTable("invoices", {
  id: integer().primaryKey(),
  accountId: integer("account_id").notNull().references(() => accountsRef.id, { onDelete: "cascade" }),
  payerId: integer("payer_id"),
}, (t) => [
  foreignKey({ columns: [t.payerId], foreignColumns: [accountsRef.id], name: "invoices_payer_fk" }),
]);

export { invoices as bills };

const ledger = sqliteTable("ledger", { id: integer().primaryKey(), invoiceId: integer("invoice_id") });
export const entries = ledger;
export const lines = ledger;

const joined = sql`${invoices} left join ${entries} on ${entries.invoiceId} = ${invoices.id}`;
export const recent = sqliteView("recent", { id: integer(), entry: integer() })
    .as(sql`select ${invoices.id}, ${lines.id} from ${joined}`);
