// helpers with types, enums and generics that must vanish or survive transpilation as drizzle-kit's do
import { integer, text } from "drizzle-orm/sqlite-core";

export enum Visibility {
  Public = "public",
  Private = "private",
}

export const enum Limits {
  Title = 200,
}

export interface Timestamps {
  createdAt: Date;
}

export const id = () => integer("id").primaryKey({ autoIncrement: true });

export function label<const T extends readonly [string, ...string[]]>(name: string, values: T) {
  return text(name, { enum: values }).$type<T[number]>();
}
