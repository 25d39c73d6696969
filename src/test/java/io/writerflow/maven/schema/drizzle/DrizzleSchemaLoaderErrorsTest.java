package io.writerflow.maven.schema.drizzle;

import io.writerflow.maven.WriterflowException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every way schema.js can be wrong gives one message naming the file, line and column, and a next step, in
 * both runtimes. They word some JavaScript errors differently, and V8 places a call at its method name where
 * GraalJS places it at the start of the expression; {@link #either} holds both.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(value = JsRuntime.class, names = {"NODE", "GRAALJS"})
class DrizzleSchemaLoaderErrorsTest {

    @Parameter
    JsRuntime runtime;

    private static final String IMPORTS = """
            import { sqliteTable, sqliteView, text, integer, index, primaryKey } from "drizzle-orm/sqlite-core";
            import { sql } from "drizzle-orm";
            """;

    @TempDir
    Path work;

    @Test
    void missingSchemaFileNamesThePathAndTheSetting() {
        Path missing = work.resolve("src/lib/db/schema.js");

        WriterflowException e = assertThrows(WriterflowException.class, () -> loader().load(missing));

        assertThat(e.problem()).contains("Schema file not found: " + missing).contains("writerflow.schema");
        assertThat(e.nextStep()).contains("writerflow.schema").contains("src/lib/db/schema.js");
    }

    @Test
    void missingSchemaFileIsNamedAsConfigured() {
        Path missing = work.resolve("src/lib/db/schema.js");

        WriterflowException e = assertThrows(WriterflowException.class,
                () -> loader().loadShownAs(missing, "src/lib/db/schema.js"));

        assertThat(e.problem()).isEqualTo("Schema file not found: src/lib/db/schema.js (" + missing + "); it is the"
                + " writerflow.schema setting.");
    }

    @Test
    void filesAreNamedRelativeToTheSchemaAsConfigured() throws IOException {
        Path dir = Files.createDirectories(work.resolve("src/lib/db"));
        Files.writeString(dir.resolve("schema.js"), "import { id } from \"./columns.js\";\nexport const x = id;\n");
        Files.writeString(dir.resolve("columns.js"), "export const id = undefined.id;\n");

        WriterflowException e = assertThrows(WriterflowException.class,
                () -> loader().loadShownAs(dir.resolve("schema.js"), "src/lib/db/schema.js"));

        assertThat(e.problem()).isEqualTo("src/lib/db/columns.js"
                + either(":1:19: TypeError: Cannot read property 'id' of undefined",
                ":1:29: TypeError: Cannot read properties of undefined (reading 'id')"));
    }

    @Test
    void syntaxErrorNamesFileLineColumnAndTheParsersMessage() {
        WriterflowException e = failure("const x = 1;\nexport const y = (x +;\n");

        assertThat(e.problem()).startsWith(schema() + ":2:22: syntax error: "
                + either("Expected an operand but found ;", "Unexpected token ';'"));
        assertThat(e.nextStep()).contains("ES modules");
    }

    @Test
    void syntaxErrorInAnImportedFileNamesThatFile() throws IOException {
        Files.writeString(work.resolve("columns.js"), "export const a = {\n  b: 1\n  c: 2,\n};\n");

        WriterflowException e = failure("import { a } from \"./columns\";\n");

        assertThat(e.problem()).startsWith(work.resolve("columns.js") + ":3:3: syntax error: "
                + either("Expected comma but found ident", "Unexpected identifier 'c'"));
    }

    @Test
    void unsupportedBuilderMethodNamesTheCallAndWhereItIs() {
        WriterflowException e = failure(IMPORTS + """
                export const t = sqliteTable("t", {
                  tags: text().array(),
                });
                """);

        assertThat(e.problem()).isEqualTo(schema() + ":4:16: unsupported drizzle API: text(…).array() is not"
                + " supported when writerflow reads the schema");
        assertThat(e.nextStep()).contains("sqliteTable").contains("uniqueIndex");
    }

    @Test
    void drizzleExportWithoutAStandInFailsWhereItIsCalled() {
        WriterflowException e = failure("""
                import { sqliteTable, getTableConfig } from "drizzle-orm/sqlite-core";
                export const t = sqliteTable("t", {});
                export const u = getTableConfig(t);
                """);

        assertThat(e.problem()).isEqualTo(schema() + ":3:18: unsupported drizzle API: getTableConfig() from"
                + " \"drizzle-orm/sqlite-core\" is not supported when writerflow reads the schema");
    }

    @Test
    void importingANameDrizzleDoesNotExportFailsAtTheImport() {
        WriterflowException e = failure("import { sqliteTable, pgTable } from \"drizzle-orm/sqlite-core\";\n");

        assertThat(e.problem()).isEqualTo(schema() + either(":1:1", ":1:23")
                + ": unsupported drizzle API: 'pgTable' from"
                + " \"drizzle-orm/sqlite-core\" is not an export of drizzle-orm 0.45's drizzle-orm/sqlite-core");
    }

    @Test
    void otherDrizzleEntryPointsAreNotAvailable() {
        WriterflowException e = failure("import { drizzle } from \"drizzle-orm/libsql\";\n");

        assertThat(e.problem()).isEqualTo(schema() + either(":1:1", ":1:10")
                + ": unsupported drizzle API: 'drizzle' from"
                + " \"drizzle-orm/libsql\" is not available while writerflow reads the schema");
    }

    @Test
    void importOfANameTheFileDoesNotExport() throws IOException {
        Files.writeString(work.resolve("columns.js"), "export const id = 1;\n");

        WriterflowException e = failure("import { ids } from \"./columns.js\";\n");

        assertThat(e.problem()).isEqualTo(schema() + either(":1:1", ":1:10")
                + ": './columns.js' does not export 'ids'");
    }

    @Test
    void placeholdersAreUnsupported() {
        WriterflowException e = failure(IMPORTS + """
                export const t = sqliteTable("t", { a: integer() }, (t) => [
                  index("a_idx").on(t.a).where(sql`${t.a} > ${sql.placeholder("min")}`),
                ]);
                """);

        assertThat(e.problem()).startsWith(schema() + ":4:").contains("unsupported drizzle API: sql.placeholder(\"min\")");
    }

    @Test
    void queryBuilderMethodsThatRunQueriesAreUnsupported() {
        WriterflowException e = failure(IMPORTS + """
                export const t = sqliteTable("t", { a: integer() });
                export const v = sqliteView("v").as((qb) => qb.select().from(t).prepare());
                """);

        assertThat(e.problem()).isEqualTo(schema() + ":4:65: unsupported drizzle API:"
                + " qb.select(…).from(…).prepare() is not supported when writerflow reads the schema");
    }

    @Test
    void viewSelectingSqlWithoutAnAliasIsRefusedAsDrizzleKitRefusesIt() {
        WriterflowException e = failure(IMPORTS + """
                export const t = sqliteTable("t", { a: integer() });
                export const v = sqliteView("v")
                  .as((qb) => qb.select({ a: t.a, n: sql`count(*)` }).from(t).groupBy(t.a));
                """);

        assertThat(e.problem()).isEqualTo(schema() + ":5:4: the selected field \"n\" is"
                + " sql`` without an alias, which drizzle cannot read back (\"You tried to reference \"n\" field"
                + " from a subquery, which is a raw SQL field, but it doesn't have an alias declared\"); name it:"
                + " sql`...`.as(\"n\")");
    }

    @Test
    void unexportedViewSelectingSqlWithoutAnAliasIsNotRead() {
        // drizzle-kit reads a view's fields only when it writes the view
        loader().load(schema(), IMPORTS + """
                export const t = sqliteTable("t", { a: integer() });
                const v = sqliteView("v").as((qb) => qb.select({ n: sql`count(*)` }).from(t));
                """);
    }

    @Test
    void viewSelectingAColumnOfATableNotInTheQuery() {
        WriterflowException e = failure(IMPORTS + """
                export const t = sqliteTable("t", { a: integer() });
                export const u = sqliteTable("u", { b: integer() });
                export const v = sqliteView("v").as((qb) => qb.select({ a: t.a, b: u.b }).from(t));
                """);

        assertThat(e.problem()).isEqualTo(schema() + ":5:34: Your \"b\" field references a"
                + " column \"u\".\"b\", but the table \"u\" is not part of the query! Did you forget to join it?");
    }

    @Test
    void viewJoiningOneNameTwice() {
        WriterflowException e = failure(IMPORTS + """
                export const t = sqliteTable("t", { a: integer() });
                export const u = sqliteTable("u", { b: integer() });
                export const v = sqliteView("v").as((qb) => qb.select({ a: t.a }).from(t)
                  .leftJoin(u, sql`1`).leftJoin(u, sql`2`));
                """);

        assertThat(e.problem()).isEqualTo(schema() + ":6:24: Alias \"u\" is already used in"
                + " this query; join the table again under another name with alias(table, \"u2\")");
    }

    @Test
    void viewOfTheQueryBuilderNeedsASelect() {
        WriterflowException e = failure(IMPORTS + """
                export const t = sqliteTable("t", { a: integer() });
                export const v = sqliteView("v").as(sql`select 1`);
                """);

        assertThat(e.problem()).isEqualTo(schema() + ":4:34: sqliteView(\"v\").as() needs a"
                + " select from the query builder, as in .as((qb) => qb.select().from(users)), got sql``; a view"
                + " defined by sql`` declares its columns: sqliteView(\"v\", { ...columns }).as(sql`select ...`)");
    }

    @Test
    void selectFromSomethingThatIsNotATable() {
        WriterflowException e = failure(IMPORTS + """
                export const t = sqliteTable("t", { a: integer() });
                export const v = sqliteView("v").as((qb) => qb.select().from(t.b));
                """);

        assertThat(e.problem()).isEqualTo(schema() + ":4:57: from() needs a table, a view,"
                + " a subquery or sql``, got undefined (is it declared further down, or misspelled?)");
    }

    @Test
    void unknownCasingIsNamed() throws IOException {
        Files.writeString(schema(), IMPORTS + "export const t = sqliteTable(\"t\", { a: integer() });\n");

        WriterflowException e = assertThrows(WriterflowException.class, () -> loader().load(new SchemaInput(
                java.util.List.of(schema()), "schema.js", ScriptEnvironment.of(work), Optional.of("kebab-case"))));

        assertThat(e.problem()).contains("casing must be \"snake_case\" or \"camelCase\" (as in drizzle.config),"
                + " not \"kebab-case\"");
    }

    @Test
    void runtimeErrorInTheSchemasCodeNamesWhereItWasThrown() throws IOException {
        Files.writeString(work.resolve("helpers.js"), """
                export function column() {
                  const options = undefined;
                  return options.name;
                }
                """);

        WriterflowException e = failure(IMPORTS + """
                import { column } from "./helpers.js";
                export const t = sqliteTable("t", { a: column() });
                """);

        assertThat(e.problem()).isEqualTo(work.resolve("helpers.js")
                + either(":3:10: TypeError: Cannot read property 'name' of undefined",
                ":3:18: TypeError: Cannot read properties of undefined (reading 'name')"));
        assertThat(e.nextStep()).contains("Fix the error in the schema's code");
    }

    @Test
    void errorThrownInsideAnExtraConfigCallbackNamesTheCallback() {
        WriterflowException e = failure(IMPORTS + """
                export const t = sqliteTable("t", { a: integer() }, (t) => {
                  throw new Error("no indexes today");
                });
                """);

        assertThat(e.problem()).isEqualTo(schema() + ":4:9: Error: no indexes today");
    }

    @Test
    void importOfAMissingFileNamesTheImport() {
        WriterflowException e = failure(IMPORTS + "import { id } from \"./columns\";\n");

        assertThat(e.problem()).isEqualTo(schema() + ":3:1: cannot import \"./columns\": no such file relative to"
                + " the importing file (looked for " + work.resolve("columns") + ", " + work.resolve("columns.js")
                + ", " + work.resolve("columns.mjs") + ", " + work.resolve("columns.ts") + ", "
                + work.resolve("columns.tsx") + ", " + work.resolve("columns.mts") + ", ...)");
        assertThat(e.nextStep()).contains("Check the import path");
    }

    @Test
    void aTsconfigAliasThatLeadsNowhereNamesTheAliasAndWhereItLooked() throws IOException {
        Files.writeString(work.resolve("tsconfig.json"), "{ \"compilerOptions\": { \"paths\": { \"@/*\": [\"./src/*\"] } } }");

        WriterflowException e = failure(IMPORTS + "import { users } from \"@/db/users\";\n");

        assertThat(e.problem()).startsWith(schema() + ":3:1: cannot import \"@/db/users\": no such file through the"
                + " \"paths\" of " + work.resolve("tsconfig.json") + " (looked for " + work.resolve("src/db/users"));
        assertThat(e.nextStep()).contains("compilerOptions.paths");
    }

    @Test
    void aSchemaExportingNoTablesSaysWhichTablesItDefined() {
        WriterflowException e = failure(IMPORTS + """
                const users = sqliteTable("users", { id: integer() });
                const posts = sqliteTable("posts", { id: integer() });
                """);

        assertThat(e.problem()).isEqualTo(schema() + ": the schema exports no tables (it defines 2 tables,"
                + " \"users\", \"posts\", without exporting them); drizzle-kit only sees exported tables:"
                + " export const users = sqliteTable(\"users\", { ... })");
    }

    @Test
    void twoTablesWithOneNameAreNamedWithBothPlaces() {
        WriterflowException e = failure(IMPORTS + """
                export const users = sqliteTable("users", { id: integer() });
                export const people = sqliteTable("users", { id: integer() });
                """);

        assertThat(e.problem()).isEqualTo(schema() + ":3:22: two exported tables are named \"users\" (the other"
                + " one is defined at " + schema() + ":4:23)");
    }

    @Test
    void misspelledColumnInAnIndexIsNamedAtTheIndex() {
        WriterflowException e = failure(IMPORTS + """
                export const t = sqliteTable("t", { title: text() }, (t) => [
                  index("t_title_idx").on(t.titel),
                ]);
                """);

        assertThat(e.problem()).isEqualTo(schema() + ":4:24: index(\"t_title_idx\").on(): argument 1 is undefined,"
                + " not a column or sql`` (is the column name misspelled?)");
    }

    @Test
    void indexWithoutColumns() {
        WriterflowException e = failure(IMPORTS + """
                export const t = sqliteTable("t", { title: text() }, (t) => [index("t_idx").on()]);
                """);

        assertThat(e.problem()).isEqualTo(schema() + ":3:77: index(\"t_idx\").on() needs at least one column or"
                + " sql`` expression");
    }

    @Test
    void tableReferringToItselfOutsideAFunctionIsExplained() {
        WriterflowException e = failure(IMPORTS + """
                export const people = sqliteTable("people", {
                  first: text(),
                  initial: text().generatedAlwaysAs(sql`substr(${people.first}, 1, 1)`),
                });
                """);

        assertThat(e.problem()).isEqualTo(schema() + ":5:50: ReferenceError: " + either("people is not defined (people"
                + " is declared in this file, but used before its declaration has finished; refer to it inside a"
                + " function, as in .references(() => people.id))", "Cannot access 'people' before initialization"));
    }

    @Test
    void misspelledColumnInACompositePrimaryKey() {
        WriterflowException e = failure(IMPORTS + """
                export const t = sqliteTable("t", { a: text(), b: text() }, (t) => [
                  primaryKey({ columns: [t.a, t.c] }),
                ]);
                """);

        assertThat(e.problem()).isEqualTo(schema() + ":4:3: primaryKey(): column 2 is undefined, not a column"
                + " (is the column name misspelled?)");
    }

    @Test
    void foreignKeyToATableTheSchemaDoesNotExport() {
        WriterflowException e = failure(IMPORTS + """
                const users = sqliteTable("users", { id: integer().primaryKey() });
                export const posts = sqliteTable("posts", {
                  authorId: integer().references(() => users.id),
                });
                """);

        assertThat(e.problem()).isEqualTo(schema() + ":5:23: table \"posts\": the foreign key on authorId references"
                + " the table \"users\", which the schema does not export (no exported table has that name)");
    }

    @Test
    void viewExportedTwiceStopsAsItStopsDrizzleKit() {
        WriterflowException e = failure(IMPORTS + """
                export const t = sqliteTable("t", { a: integer() });
                export const v = sqliteView("v", { a: integer() }).as(sql`select ${t.a} from ${t}`);
                export { v as w };
                """);

        assertThat(e.problem()).isEqualTo(schema() + ":4:18: the view \"v\" is exported twice, as v and w;"
                + " drizzle-kit stops on it (\"We've found duplicated view name\"): export each view once");
    }

    @Test
    void referencesReturningSomethingOtherThanAColumn() {
        WriterflowException e = failure(IMPORTS + """
                export const users = sqliteTable("users", { id: integer().primaryKey() });
                export const posts = sqliteTable("posts", {
                  authorId: integer().references(() => users.identifier),
                });
                """);

        assertThat(e.problem()).isEqualTo(schema() + ":5:23: .references() on column \"authorId\" of table \"posts\""
                + " returned undefined instead of a column of another table");
    }

    @Test
    void sqlDefaultWithInterpolatedValuesIsRejectedAsDrizzleKitDoes() {
        WriterflowException e = failure(IMPORTS + """
                const fallback = "none";
                export const t = sqliteTable("t", {
                  a: text().default(sql`coalesce(null, ${fallback})`),
                });
                """);

        assertThat(e.problem()).isEqualTo(schema() + either(":5:13", ":5:20")
                + ": a sql`` default may only contain SQL text: drizzle-kit"
                + " cannot write interpolated columns, names or values into a DEFAULT (\"we don't support params for"
                + " `sql` default values\"); write the expression literally or use sql.raw()");
    }

    @Test
    void bigIntDefaultIsRejectedAsDrizzleKitCannotWriteIt() {
        WriterflowException e = failure(IMPORTS + "export const t = sqliteTable(\"t\", { a: integer().default(5n) });\n");

        assertThat(e.problem()).startsWith(schema() + either(":3:50", ":3:57") + ": default() with a BigInt");
    }

    @Test
    void aValueFromAnotherPackageCannotReachTheDdl() {
        WriterflowException e = failure(IMPORTS + """
                import { customAlphabet } from "nanoid";
                export const t = sqliteTable("t", {
                  id: text().$defaultFn(customAlphabet("abc", 8)),
                  code: text().default(customAlphabet("abc", 8)()),
                });
                """);

        assertThat(e.problem()).startsWith(schema() + either(":6:16", ":6:23")
                + ": unsupported drizzle API: text(…).default() received"
                + " customAlphabet()(), a value from the package \"nanoid\"");
    }

    @Test
    void aSchemaReExportingFromAPackageItDoesNotReadIsRefusedRatherThanReadWithoutItsTables() throws IOException {
        // a monorepo's schema re-exporting a workspace package's tables where node_modules/@acme/db is missing (no
        // npm install on the build machine): the package would be a stand-in, and its tables silently left out
        WriterflowException e = failure(IMPORTS + """
                export const notes = sqliteTable("notes", { id: integer().primaryKey() });
                export { organizations, users } from "@acme/db";
                """);

        assertThat(e.problem()).isEqualTo(schema() + ":4:1: the schema re-exports from \"@acme/db\", a package"
                + " writerflow does not read (no workspace package linked at node_modules/@acme/db, no TypeScript"
                + " sources): its tables would be missing from the schema");
        assertThat(e.nextStep()).startsWith("If @acme/db is a package of this repository's workspace, install the"
                + " workspace (npm install, pnpm install or yarn) so that node_modules/@acme/db links to its sources");

        // the same through a file the schema re-exports with export *, and with export * from the package
        Files.writeString(work.resolve("shared.ts"), "// shared tables\nexport * from \"@acme/db/tables\";\n");
        e = failure(IMPORTS + """
                export * from "./shared";
                export const notes = sqliteTable("notes", { id: integer().primaryKey() });
                """);

        assertThat(e.problem()).startsWith(work.resolve("shared.ts") + ":2:1: the schema re-exports from"
                + " \"@acme/db/tables\", a package writerflow does not read (no workspace package linked at"
                + " node_modules/@acme/db, ");
    }

    @Test
    void aFileOutsideTheSchemasExportsMayReExportAPackageAndAReferenceToOneIsNamed() throws IOException {
        // columns.ts is imported, not re-exported: its exports are not the schema's, so a helper may come from npm
        Files.writeString(work.resolve("columns.ts"), """
                import { text } from "drizzle-orm/sqlite-core";
                export { createId } from "@paralleldrive/cuid2";
                export const id = () => text("id").primaryKey();
                """);
        loader().load(schema(), IMPORTS + """
                import { createId, id } from "./columns";
                export const notes = sqliteTable("notes", { id: id().$defaultFn(() => createId()) });
                """);

        // a table imported from a package that is not read, and used: the message says where the value came from
        WriterflowException e = failure(IMPORTS + """
                import { users } from "@acme/db";
                export const notes = sqliteTable("notes", {
                  authorId: integer().references(() => users.id),
                });
                """);

        assertThat(e.problem()).isEqualTo(schema() + ":5:23: .references() on column \"authorId\" of table \"notes\""
                + " returned users.id, a value from the package \"@acme/db\" (which writerflow does not read: a"
                + " workspace package needs its node_modules link, as after npm install) instead of a column of"
                + " another table");
    }

    @Test
    void aTypeScriptSyntaxErrorNamesTheFileLineAndColumnWithTheCompilersMessage() {
        Path schema = work.resolve("schema.ts");

        WriterflowException e = assertThrows(WriterflowException.class, () -> loader().load(schema, IMPORTS + """
                interface Row { id: number }
                export const users = sqliteTable("users", { id: integer(): });
                """));

        assertThat(e.problem()).isEqualTo(schema + ":4:58: syntax error: ',' expected.");
        assertThat(e.nextStep()).contains("TypeScript");
    }

    @Test
    void aTypeScriptSyntaxErrorInAnImportedFileNamesThatFile() throws IOException {
        Files.writeString(work.resolve("columns.ts"), "export const id = (): number => {\n  return 1 +;\n};\n");

        WriterflowException e = assertThrows(WriterflowException.class, () -> loader().load(work.resolve("schema.ts"),
                IMPORTS + "import { id } from \"./columns.js\";\nexport const users = sqliteTable(\"u\", { id: integer().default(id()) });\n"));

        assertThat(e.problem()).isEqualTo(work.resolve("columns.ts") + ":2:13: syntax error: Expression expected.");
    }

    @Test
    void anErrorThrownInTypeScriptNamesTheTypeScriptLine() {
        Path schema = work.resolve("schema.ts");

        WriterflowException e = assertThrows(WriterflowException.class, () -> loader().load(schema, IMPORTS + """
                type Role = "admin" | "user";
                interface Options {
                  role: Role;
                }
                const options: Options | undefined = undefined;
                export const users = sqliteTable("users", { role: text().default(options!.role) });
                """));

        assertThat(e.problem()).startsWith(schema + ":8:");
        assertThat(e.problem()).contains("TypeError");
    }

    private static Text assertThat(String actual) {
        return new Text(actual);
    }

    /** Just enough fluent assertions on message text to read like the messages themselves. */
    private record Text(String actual) {

        Text isEqualTo(String expected) {
            assertEquals(expected, actual);
            return this;
        }

        Text startsWith(String prefix) {
            assertTrue(actual.startsWith(prefix), () -> "expected to start with\n  " + prefix + "\nbut was\n  " + actual);
            return this;
        }

        Text contains(String part) {
            assertTrue(actual.contains(part), () -> "expected to contain\n  " + part + "\nbut was\n  " + actual);
            return this;
        }
    }

    private DrizzleSchemaLoader loader() {
        return new DrizzleSchemaLoader(runtime, "node", Optional.empty());
    }

    /** What GraalJS says or where it points, and what Node.js does. */
    private String either(String graal, String node) {
        return runtime == JsRuntime.GRAALJS ? graal : node;
    }

    private Path schema() {
        return work.resolve("schema.js");
    }

    private WriterflowException failure(String source) {
        return assertThrows(WriterflowException.class, () -> loader().load(schema(), source));
    }
}
