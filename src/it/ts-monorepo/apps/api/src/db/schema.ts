// The API's database: the shared tables of @acme/db it uses, and its own.
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { organizations, users } from "@acme/db";
import { createdAt } from "./columns.js";

export { organizations, users } from "@acme/db";

export const apiKeys = sqliteTable(
  "api_keys",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    organizationId: integer("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    createdBy: integer("created_by").references(() => users.id, { onDelete: "set null" }),
    prefix: text("prefix", { length: 8 }).notNull(),
    hash: text("hash").notNull(),
    lastUsedAt: integer("last_used_at", { mode: "timestamp" }),
    createdAt: createdAt(),
  },
  (t) => [index("api_keys_organization_idx").on(t.organizationId)],
);
