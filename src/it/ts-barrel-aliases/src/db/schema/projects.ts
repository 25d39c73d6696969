import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { createdAt, id } from "@/db/columns";
import { users } from "@/db/schema/auth";
import { workspaces } from "@/db/schema/workspaces";

export const projects = sqliteTable("projects", {
  id: id(),
  workspaceId: text("workspace_id")
    .notNull()
    .references(() => workspaces.id, { onDelete: "cascade" }),
  name: text("name").notNull(),
  archived: integer("archived", { mode: "boolean" }).notNull().default(false),
  createdAt: createdAt(),
});

export const tasks = sqliteTable(
  "tasks",
  {
    id: id(),
    projectId: text("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    assigneeId: text("assignee_id").references(() => users.id, { onDelete: "set null" }),
    title: text("title").notNull(),
    done: integer("done", { mode: "boolean" }).notNull().default(false),
    dueAt: integer("due_at", { mode: "timestamp" }),
    createdAt: createdAt(),
  },
  (t) => [
    index("tasks_project_id_idx").on(t.projectId),
    index("tasks_open_idx").on(t.projectId).where(sql`${t.done} = 0`),
  ],
);
