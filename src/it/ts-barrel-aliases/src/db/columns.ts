import { createId } from "@paralleldrive/cuid2";
import { sql } from "drizzle-orm";
import { integer, text } from "drizzle-orm/sqlite-core";

/** A text primary key filled in by the application (cuid2), never by the database. */
export const id = (name = "id") =>
  text(name)
    .primaryKey()
    .$defaultFn(() => createId());

export const createdAt = () =>
  integer("created_at", { mode: "timestamp_ms" })
    .notNull()
    .default(sql`(unixepoch() * 1000)`);
