package io.writerflow.maven.generate;

import io.writerflow.maven.WriterflowException;
import io.writerflow.maven.schema.drizzle.DrizzleSchemaLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Schemas that would put SQL nobody planned into a migration, or names SQLite cannot create: generate refuses
 * them, naming the table and column, and writes nothing.
 */
class HostileSchemaTest {

    @TempDir
    Path project;

    private WriterflowException refused(String tables) throws Exception {
        Files.writeString(project.resolve("schema.js"), """
                import { sqliteTable, text, integer, index, check, sqliteView } from "drizzle-orm/sqlite-core";
                import { sql } from "drizzle-orm";
                """ + tables);
        WriterflowException e = assertThrows(WriterflowException.class, () -> new MigrationGenerator(
                new DrizzleSchemaLoader()).generate(new GenerateRequest(project.resolve("schema.js"), "schema.js",
                project.resolve("drizzle"), "drizzle", Optional.empty(), false, "", false, 1700000000000L)));
        assertFalse(Files.exists(project.resolve("drizzle")), "nothing written");
        return e;
    }

    @Test
    void aNameSqliteCannotStoreIsRefusedNamingTheTableAndColumn() throws Exception {
        WriterflowException e = refused("export const users = sqliteTable(\"users\", { name: text(\"na\\0me\") });");
        assertEquals("schema.js: the column \"na\\u0000me\" of table \"users\" cannot be created: the name holds a NUL"
                + " character (\\u0000), which ends a name in SQLite's C API.", e.problem());
        assertEquals("Give the column another name in schema.js, then generate again.", e.nextStep());

        e = refused("export const t = sqliteTable(\"sqlite_stats\", { id: integer(\"id\") });");
        assertTrue(e.problem().startsWith("schema.js: the table \"sqlite_stats\" cannot be created: names starting"
                + " with sqlite_ are reserved"), e.problem());

        e = refused("export const t = sqliteTable(\"\", { id: integer(\"id\") });");
        assertEquals("schema.js:3:18: sqliteTable() needs the table name as its first argument", e.problem(),
                "an empty name is refused where the schema gives it");
    }

    @Test
    void aNameHoldingDrizzlesStatementBreakpointIsRefused() throws Exception {
        WriterflowException e = refused("export const t = sqliteTable(\"t\", { id: integer(\"a\\n--> statement-breakpoint"
                + "\\nDROP TABLE victim;\") });");
        assertTrue(e.problem().startsWith("schema.js: the column \"a\\u000a--> statement-breakpoint\\u000aDROP TABLE"
                + " victim;\" of table \"t\" cannot be created: the name holds \"--> statement-breakpoint\""),
                e.problem());
    }

    @Test
    void sqlInTheSchemaThatWouldEndItsStatementIsRefused() throws Exception {
        WriterflowException e = refused("export const t = sqliteTable(\"t\", { id: integer(\"id\") },"
                + " (t) => [check(\"positive\", sql`${t.id} > 0); DROP TABLE victim; --`)]);");
        assertTrue(e.problem().startsWith("The migration for schema.js would not run as planned: the statement to"
                + " create table t would not be read back as the one statement it is"), e.problem());
        assertTrue(e.problem().contains("Nothing was written.\n  The statement: CREATE TABLE `t`"), e.problem());
        assertEquals("Fix that SQL in schema.js, then generate again.", e.nextStep());

        e = refused("export const v = sqliteView(\"v\", { id: integer(\"id\") }).as(sql`select 1 as id; DELETE FROM"
                + " victim`);");
        assertTrue(e.problem().contains("the statement to create view v would not be read back"), e.problem());

        e = refused("export const t = sqliteTable(\"t\", { s: text(\"s\").default(sql`'a\\n--> statement-breakpoint"
                + "\\nDROP TABLE victim;'`) });");
        assertTrue(e.problem().contains("the statement to create table t would not be read back"), e.problem());
    }
}
