// Used by another app (apps/worker has its own database): apps/api's schema does not export it.
import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

export const auditEvents = sqliteTable("audit_events", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  action: text("action").notNull(),
  at: integer("at", { mode: "timestamp" }).notNull(),
});
