package io.writerflow.maven.schema.drizzle;

import io.writerflow.maven.WriterflowException;
import io.writerflow.maven.schema.Column;
import io.writerflow.maven.schema.Schema;
import io.writerflow.maven.schema.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the loader does beyond what drizzle-kit parity shows (see DrizzleKitParityTest for that). */
@ParameterizedClass(name = "{0}")
@EnumSource(value = JsRuntime.class, names = {"NODE", "GRAALJS"})
class DrizzleSchemaLoaderTest {

    @Parameter
    JsRuntime runtime;


    @TempDir
    Path project;

    @Test
    void readsTheGivenTextAsTheSchemaFileWithImportsBesideIt() throws IOException {
        Files.writeString(project.resolve("columns.js"), """
                import { integer } from "drizzle-orm/sqlite-core";
                export const id = () => integer().primaryKey();
                """);

        Schema schema = loader().load(project.resolve("not-on-disk.js"), """
                import { sqliteTable } from "drizzle-orm/sqlite-core";
                import { id } from "./columns";
                export const users = sqliteTable("users", { id: id() });
                """);

        assertEquals(List.of(new Column("id", "integer", true, true, false, Optional.empty(), Optional.empty())),
                schema.table("users").map(Table::columns).orElseThrow());
    }

    @Test
    void packagesUsedOnlyAtInsertTimeLoadWithoutNodeModules() throws IOException {
        Files.writeString(project.resolve("ids.js"), """
                import { text } from "drizzle-orm/sqlite-core";
                import cuid, { createId } from "@paralleldrive/cuid2";
                export const id = () => text().primaryKey().$defaultFn(() => createId() ?? cuid.createId());
                """);

        Schema schema = loader().load(project.resolve("schema.js"), """
                import { sqliteTable, text } from "drizzle-orm/sqlite-core";
                import { customAlphabet } from "@paralleldrive/cuid2";
                import { id } from "./ids.js";
                const short = customAlphabet("abc", 6);
                export const links = sqliteTable("links", { id: id(), code: text().$defaultFn(short) });
                """);

        assertEquals(List.of("id", "code"), schema.table("links").orElseThrow().columns().stream()
                .map(Column::name).toList());
    }

    @Test
    void consoleOutputOfTheSchemaDoesNotBreakLoading() {
        Schema schema = loader().load(project.resolve("schema.js"), """
                import { sqliteTable, integer } from "drizzle-orm/sqlite-core";
                console.log("loading the schema");
                export const t = sqliteTable("t", { id: integer() });
                """);

        assertTrue(schema.table("t").isPresent());
    }

    @Test
    void findsTheJavaScriptEngineWhateverTheContextClassLoader() {
        // inside Maven the thread's context class loader need not see the plugin's dependencies
        Thread thread = Thread.currentThread();
        ClassLoader original = thread.getContextClassLoader();
        ClassLoader unrelated = ClassLoader.getPlatformClassLoader();
        thread.setContextClassLoader(unrelated);
        try {
            Schema schema = loader().load(project.resolve("schema.js"), """
                    import { sqliteTable, integer } from "drizzle-orm/sqlite-core";
                    export const t = sqliteTable("t", { id: integer() });
                    """);

            assertTrue(schema.table("t").isPresent());
            assertEquals(unrelated, thread.getContextClassLoader());
        } finally {
            thread.setContextClassLoader(original);
        }
    }

    @Test
    void eachLoadStartsFromNothing() {
        DrizzleSchemaLoader loader = loader();
        loader.load(project.resolve("first.js"), """
                import { sqliteTable, integer } from "drizzle-orm/sqlite-core";
                const hidden = sqliteTable("hidden", { id: integer() });
                export const t = sqliteTable("t", { id: integer() });
                """);

        WriterflowException e = assertThrows(WriterflowException.class, () -> loader.load(project.resolve("second.js"),
                "import { sqliteTable } from \"drizzle-orm/sqlite-core\";\n"));

        assertEquals(project.resolve("second.js") + ": the schema exports no tables; drizzle-kit only sees"
                + " exported tables: export const users = sqliteTable(\"users\", { ... })", e.problem());
    }

    @Test
    void typeScriptAsRealProjectsWriteIt() throws IOException {
        Files.createDirectories(project.resolve("db/tables"));
        Files.writeString(project.resolve("db/types.ts"), """
                export type Role = "admin" | "user";
                export interface Audited { createdAt: Date }
                export enum Status { Active = "active", Archived = "archived" }
                export const enum Size { Small = 1, Large = 2 }
                """);
        Files.writeString(project.resolve("db/tables/users.ts"), """
                import { sqliteTable, text, integer } from "drizzle-orm/sqlite-core";
                import type { Role } from "../types.js";
                import { Status, Size } from "../types";
                const roles = ["admin", "user"] as const satisfies readonly Role[];
                class Defaults {
                  constructor(public readonly status: Status = Status.Active) {}
                }
                function column<T extends string>(name: T) {
                  return text(name).$type<T>();
                }
                export const users = sqliteTable("users", {
                  id: integer("id").primaryKey(),
                  role: text("role", { enum: roles }).$type<Role>().notNull(),
                  status: column("status").default(new Defaults().status!),
                  size: integer("size").default(Size.Large),
                });
                export type User = typeof users.$inferSelect;
                """);
        Files.writeString(project.resolve("db/tables/index.ts"), "export * from \"./users\";\n");
        Files.writeString(project.resolve("db/posts.mts"), """
                import { sqliteTable, integer } from "drizzle-orm/sqlite-core";
                import { users } from "./tables/index.js";
                export const posts = sqliteTable("posts", {
                  id: integer("id").primaryKey(),
                  author: integer("author").references(() => users.id),
                });
                """);

        Schema schema = loader().load(project.resolve("db/schema.ts"), """
                export * from "./tables";
                export { posts } from "./posts.mjs";
                export type { Role } from "./types";
                """);

        assertEquals(List.of("posts", "users"), schema.tables().stream().map(Table::name).sorted().toList());
        Table users = schema.table("users").orElseThrow();
        assertEquals(Optional.of("'active'"), users.column("status").orElseThrow().defaultValue().map(Column.DefaultValue::sql));
        assertEquals(Optional.of("2"), users.column("size").orElseThrow().defaultValue().map(Column.DefaultValue::sql));
    }

    @Test
    void typesReExportedByNameWithoutTheTypeKeywordLoadAsUnderDrizzleKit() throws IOException {
        Files.writeString(project.resolve("types.ts"), """
                export interface Audited { createdAt: Date }
                export type Role = "admin" | "user";
                """);
        Files.writeString(project.resolve("users.ts"), """
                import { sqliteTable, integer, text } from "drizzle-orm/sqlite-core";
                export { Role } from "./types";
                export const users = sqliteTable("users", { id: integer("id"), role: text("role") });
                export type User = typeof users.$inferSelect;
                export const Status = { active: "active" } as const;
                export type Status = (typeof Status)[keyof typeof Status];
                """);

        Schema schema = loader().load(project.resolve("schema.ts"), """
                export { users, User, Role, Status } from "./users";
                export { Audited as Tracked } from "./types.js";
                """);

        assertEquals(List.of("users"), schema.tables().stream().map(Table::name).toList());
    }

    @Test
    void decoratorsAsTsconfigSaysTheyAre() throws IOException {
        Files.writeString(project.resolve("tsconfig.json"), "{ \"compilerOptions\": { \"experimentalDecorators\": true } }");
        Schema schema = loader().load(project.resolve("schema.ts"), """
                import { sqliteTable, integer } from "drizzle-orm/sqlite-core";
                const seen: string[] = [];
                function tableName(name: string) {
                  return (target: any) => { target.table = name; };
                }
                function param(target: any, key: string | undefined, index: number) { seen.push("param" + index); }
                @tableName("decorated")
                class Meta {
                  static table = "plain";
                  constructor(@param readonly size: number) {}
                }
                export const t = sqliteTable(Meta.table, { n: integer("n").default(seen.length) });
                """);

        assertEquals(Optional.of("1"), schema.table("decorated").orElseThrow().column("n").orElseThrow()
                .defaultValue().map(Column.DefaultValue::sql), "legacy decorators, parameter decorators included");
    }

    @Test
    void nodeBuiltInsAndTheEnvironmentBehaveAsUnderNode() throws IOException {
        Files.writeString(project.resolve(".env"), "TABLE_PREFIX=app_\n");
        Schema schema = loader().load(project.resolve("schema.ts"), """
                import { sqliteTable, text, integer } from "drizzle-orm/sqlite-core";
                import * as crypto from "crypto";
                import { randomUUID } from "node:crypto";
                import path from "node:path";
                import { fileURLToPath } from "node:url";
                const here = path.dirname(fileURLToPath(import.meta.url));
                const bytes = crypto.getRandomValues(new Uint8Array(4));
                export const users = sqliteTable(`${process.env.TABLE_PREFIX}users`, {
                  id: text("id").primaryKey().$defaultFn(() => randomUUID()),
                  uuidLength: integer("uuid_length").default(randomUUID().length),
                  bytes: integer("bytes").default(bytes.length),
                  dir: text("dir").default(path.basename(here)),
                });
                """);

        Table users = schema.table("app_users").orElseThrow();
        assertEquals(Optional.of("36"), users.column("uuid_length").orElseThrow().defaultValue().map(Column.DefaultValue::sql));
        assertEquals(Optional.of("4"), users.column("bytes").orElseThrow().defaultValue().map(Column.DefaultValue::sql));
        assertEquals(Optional.of("'" + project.getFileName() + "'"), users.column("dir").orElseThrow().defaultValue().map(Column.DefaultValue::sql));
    }

    @Test
    void severalSchemaFilesAreOneSchemaInDrizzleKitsOrder() throws IOException {
        Files.writeString(project.resolve("users.ts"), """
                import { sqliteTable, integer } from "drizzle-orm/sqlite-core";
                export const zebras = sqliteTable("zebras", { id: integer() });
                export const users = sqliteTable("users", { id: integer().primaryKey() });
                """);
        Files.writeString(project.resolve("posts.js"), """
                import { sqliteTable, integer } from "drizzle-orm/sqlite-core";
                import { users } from "./users";
                export { users };
                export const posts = sqliteTable("posts", { author: integer().references(() => users.id) });
                """);

        Schema schema = loader().load(new SchemaInput(List.of(project.resolve("users.ts"), project.resolve("posts.js")),
                "users.ts, posts.js", ScriptEnvironment.of(project), Optional.empty()));

        assertEquals(List.of("users", "zebras", "posts"), schema.tables().stream().map(Table::name).toList(),
                "file by file, each file's exports by name, a table exported by two files once");
    }

    private DrizzleSchemaLoader loader() {
        return new DrizzleSchemaLoader(runtime, "node", Optional.empty());
    }
}
