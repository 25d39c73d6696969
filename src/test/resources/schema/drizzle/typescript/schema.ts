// TypeScript as drizzle projects write it: a barrel of table files (export * from, whose order drizzle-kit
// keeps after the module's own exports), tsconfig path aliases, NodeNext ".js" imports of ".ts" files,
// type-only imports and exports, enums, const enums, generics and `as const`.
import { sqliteTable, text } from "drizzle-orm/sqlite-core";
import { id } from "./lib/columns.js";

export * from "./tables";
export type { User } from "./tables/users";

export const alpha = sqliteTable("alpha", { id: id(), note: text("note") });
