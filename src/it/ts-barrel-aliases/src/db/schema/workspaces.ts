import { primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { createdAt, id } from "@/db/columns";
import { users } from "@/db/schema/auth";

export const workspaceRoles = ["owner", "admin", "member"] as const;

export const workspaces = sqliteTable("workspaces", {
  id: id(),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  createdAt: createdAt(),
});

export const memberships = sqliteTable(
  "memberships",
  {
    workspaceId: text("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: text("role", { enum: workspaceRoles }).notNull().default("member"),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.userId] })],
);
