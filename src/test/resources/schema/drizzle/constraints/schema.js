// Primary keys, foreign keys, unique constraints and checks, in every form drizzle accepts.
import {
  sqliteTable, text, integer, primaryKey, foreignKey, unique, check,
} from "drizzle-orm/sqlite-core";
import { sql, relations } from "drizzle-orm";

export const users = sqliteTable("users", {
  id: integer().primaryKey(),
  email: text().notNull().unique(),
  handle: text().unique("users_handle_key"),
  age: integer(),
  managerId: integer("manager_id").references(() => users.id, { onDelete: "set null" }),
}, (t) => [
  check("age_positive", sql`${t.age} > 0`),
  check("adult", sql`${t.age} >= ${18} and ${t.email} <> ${"nobody"}`),
]);

export const teams = sqliteTable("teams", {
  id: text().primaryKey(),
  name: text().notNull(),
  ownerId: integer("owner_id").notNull().references(() => users.id, { onDelete: "cascade", onUpdate: "restrict" }),
  backupOwnerId: integer("backup_owner_id").references(() => users.id),
}, (t) => [
  unique("teams_name_owner").on(t.name, t.ownerId),
  unique().on(t.name, t.backupOwnerId),
]);

export const memberships = sqliteTable("memberships", {
  userId: integer("user_id").notNull(),
  teamId: text("team_id").notNull(),
  role: text().notNull().default("member"),
}, (t) => [
  primaryKey({ columns: [t.userId, t.teamId] }),
  foreignKey({ columns: [t.userId], foreignColumns: [users.id] }).onDelete("cascade"),
  foreignKey({ columns: [t.teamId], foreignColumns: [teams.id], name: "memberships_team_fk" })
    .onDelete("cascade")
    .onUpdate("set default"),
]);

export const invitations = sqliteTable("invitations", {
  teamId: text("team_id").notNull(),
  email: text().notNull(),
  invitedBy: integer("invited_by"),
}, (t) => ({
  pk: primaryKey({ columns: [t.teamId, t.email], name: "invitation_pk" }),
  team: foreignKey(() => ({ columns: [t.teamId], foreignColumns: [teams.id] })).onDelete("no action"),
  inviter: foreignKey({ columns: [t.invitedBy, t.teamId], foreignColumns: [memberships.userId, memberships.teamId] }),
}));

export const legacyKeys = sqliteTable("legacy_keys", {
  a: integer().notNull(),
  b: integer().notNull(),
}, (t) => [primaryKey(t.a, t.b)]);

export const singleKey = sqliteTable("single_key", {
  code: text().notNull(),
  note: text(),
}, (t) => [primaryKey({ columns: [t.code] })]);

export const usersRelations = relations(users, ({ many, one }) => ({
  teams: many(teams),
  manager: one(users, { fields: [users.managerId], references: [users.id] }),
}));
