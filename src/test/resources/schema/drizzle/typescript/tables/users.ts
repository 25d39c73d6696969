import { sqliteTable, text, integer, uniqueIndex } from "drizzle-orm/sqlite-core";
import { id, label, Visibility } from "../lib/columns.js";
import type { Timestamps } from "@/lib/columns";

export const zebras = sqliteTable("zebras", { id: id() });

export const users = sqliteTable(
  "users",
  {
    id: id(),
    email: text("email").notNull(),
    role: label("role", ["admin", "member"] as const).notNull().default("member"),
    visibility: text("visibility").$type<Visibility>().default(Visibility.Public),
    createdAt: integer("created_at", { mode: "timestamp" }).$type<Timestamps["createdAt"]>(),
  },
  (t) => [uniqueIndex("users_email_idx").on(t.email)],
);

export type User = typeof users.$inferSelect;
