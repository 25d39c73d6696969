// Column helpers shared across tables, as real schemas factor them out.
import { integer, text } from "drizzle-orm/sqlite-core";
import { sql } from "drizzle-orm";
import { nanoid } from "nanoid";

export const timestamps = {
  createdAt: integer("created_at", { mode: "timestamp" }).notNull().default(sql`(unixepoch())`),
  updatedAt: integer("updated_at", { mode: "timestamp" }).$onUpdate(() => new Date()),
};

export const id = () => text().primaryKey().$defaultFn(() => nanoid());

export function money(name) {
  return integer(name).notNull().default(0);
}

// one builder object used by several tables: each table gets its own column
export const sharedSlug = text().notNull().unique();
export const sharedOwner = integer("owner_id");
