import { sqliteTable, text } from "drizzle-orm/sqlite-core";
import { id, timestamps, sharedSlug } from "../columns";

export const accounts = sqliteTable("accounts", {
  id: id(),
  name: text().notNull(),
  slug: sharedSlug,
  ...timestamps,
});
