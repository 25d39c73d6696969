package io.writerflow.maven.plan;

import io.writerflow.maven.schema.Schema;
import io.writerflow.maven.schema.Table;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.writerflow.maven.diff.SchemaBuilder.col;
import static io.writerflow.maven.diff.SchemaBuilder.schema;
import static io.writerflow.maven.diff.SchemaBuilder.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Statements that destroy data say so in the file, and the plan lists them for generate to print. */
class DestructiveNotesTest {

    private static Table t(String... variant) {
        List<String> v = List.of(variant);
        var b = table("t").columns(col("id", "integer").pk());
        b = v.contains("a integer") ? b.columns(col("a", "integer"))
                : v.contains("a not null") ? b.columns(col("a", "text").notNull())
                : v.contains("a not null default") ? b.columns(col("a", "text").notNull().def("'-'"))
                : v.contains("a default") ? b.columns(col("a", "text").def("'-'"))
                : b.columns(col("a", "text"));
        if (!v.contains("no b")) {
            b = b.columns(col("b", "real"));
        }
        if (v.contains("g plain")) {
            b = b.columns(col("g", "text"));
        } else if (!v.contains("no g")) {
            b = b.columns(col("g", "text").stored("(upper(\"a\"))"));
        }
        return b.build();
    }

    private static Plan plan(Table from, Table to) {
        return ApplyFixture.plan(schema(from), schema(to));
    }

    @Test
    void droppingATableOrAColumnNamesTheData() {
        Table keep = table("keep").columns(col("id", "integer").pk()).build();
        Plan dropTable = ApplyFixture.plan(schema(keep, t()), schema(keep));
        assertEquals("-- Drops table t and all its rows\nDROP TABLE `t`;", MigrationSql.render(dropTable));
        assertEquals(List.of("Drops table t and all its rows"), dropTable.warnings());

        Plan dropColumn = plan(t(), t("no b"));
        assertEquals("-- Drops column t.b and its data\nALTER TABLE `t` DROP COLUMN `b`;", MigrationSql.render(dropColumn));
        assertEquals(List.of("Drops column t.b and its data"), dropColumn.warnings());
        assertEquals(1, dropColumn.destructiveStatements().size());
    }

    @Test
    void droppingAGeneratedColumnADefaultOrNotNullLosesNothing() {
        assertEquals(List.of(), plan(t(), t("no g")).warnings());
        assertEquals(List.of(), plan(t("a default"), t()).warnings());
        assertEquals(List.of(), plan(t("a not null"), t()).warnings());
        assertEquals(List.of(), plan(t(), t("g plain")).warnings());
    }

    @Test
    void aRebuildThatNarrowsSaysHow() {
        Plan notNull = plan(t(), t("a not null default"));
        assertEquals(List.of("Makes t.a NOT NULL: rows holding NULL there get its default '-'"), notNull.warnings());
        assertEquals(List.of("Makes t.a NOT NULL without a default: applying fails if a row of t holds NULL there"),
                plan(t(), t("a not null")).warnings());
        assertEquals(List.of("Changes t.a from text to integer: text that looks like a number becomes one ('007'"
                + " becomes 7)"), plan(t("no g"), t("a integer", "no g")).warnings());
        assertEquals(List.of("Replaces the values stored in t.g with its generated expression"),
                plan(t("g plain"), t()).warnings());

        String sql = MigrationSql.render(plan(t("g plain"), t("no b", "a not null default")));
        assertTrue(sql.contains("--> statement-breakpoint\n"
                + "-- Drops column t.b and its data\n"
                + "-- Makes t.a NOT NULL: rows holding NULL there get its default '-'\n"
                + "-- Replaces the values stored in t.g with its generated expression\n"
                + "INSERT INTO `__new_t`(\"id\", \"a\") SELECT \"id\", IFNULL(\"a\", '-') FROM `t`;"), sql);
    }

    @Test
    void anAddedNotNullColumnWithoutADefaultIsAWarningNotANote() {
        Table with = table("t").columns(col("id", "integer").pk(), col("a", "text"), col("b", "real"),
                col("g", "text").stored("(upper(\"a\"))"), col("c", "text").notNull()).build();

        Plan plan = plan(t(), with);

        assertEquals("ALTER TABLE `t` ADD `c` text NOT NULL;", MigrationSql.render(plan));
        assertEquals(List.of("Adds t.c NOT NULL without a default: applying fails if t has rows"), plan.warnings());
        assertTrue(plan.destructiveStatements().isEmpty());
    }

    @Test
    void nothingToDoIsAnEmptyPlanAndAnEmptyFile() {
        Plan plan = plan(t(), t());
        assertTrue(plan.isEmpty());
        assertEquals("", MigrationSql.render(plan));
        assertEquals(Plan.EMPTY, ApplyFixture.plan(Schema.EMPTY, Schema.EMPTY));
    }
}
