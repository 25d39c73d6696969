package io.writerflow.maven.plan;

import io.writerflow.maven.diff.Renames;
import io.writerflow.maven.diff.Renames.ColumnRename;
import io.writerflow.maven.diff.Renames.TableRename;
import io.writerflow.maven.diff.SchemaDiff;
import io.writerflow.maven.migrations.StatementSplitter;
import io.writerflow.maven.schema.Schema;
import io.writerflow.maven.schema.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static io.writerflow.maven.diff.SchemaBuilder.col;
import static io.writerflow.maven.diff.SchemaBuilder.schema;
import static io.writerflow.maven.diff.SchemaBuilder.table;
import static io.writerflow.maven.diff.SchemaBuilder.view;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every kind of statement the planner writes, with names that hold each of SQLite's quote characters,
 * semicolons, comment markers, brackets and keywords: each planned statement is read back as exactly one
 * statement, and the migrations run on SQLite, keeping the rows.
 */
class HostileNamesPlanTest {

    static final String PARENT = "par`ent\"; DROP TABLE victim; --";
    static final String PARENT_RENAMED = "new `par\"ent' [x]";
    static final String ID = "i`d\"";
    static final String NAME = "na'me; --";
    static final String NAME_RENAMED = "na]me /* x */";
    static final String CHILD = "child`s\"";

    @TempDir
    Path project;

    private static Table victim(boolean withReference) {
        var t = table("victim").columns(col("id", "integer").pk());
        if (withReference) {
            t.columns(col("p`id", "integer")).fk("p`id", PARENT_RENAMED, ID, "cascade");
        }
        return t.build();
    }

    private static Table parent(String name, String nameColumn, boolean extra) {
        var t = table(name).columns(col(ID, "integer").pk(), col(nameColumn, "text").notNull().def("'it''s; --'"))
                .index("ix`1\"'", nameColumn)
                .unique("un ique`", nameColumn)
                .unique("order", ID, nameColumn)
                .check("ch\"k`", "\"" + ID.replace("\"", "\"\"") + "\" > 0");
        if (extra) {
            t.columns(col("ex`tra\"", "integer"));
        }
        return t.build();
    }

    private static Table child(boolean rebuilt) {
        return table(CHILD).columns(col("a`", "integer").notNull(), col("b\"", "text").notNull(),
                rebuilt ? col("c;", "text").notNull().def("'x'") : col("c;", "text")).pk("a`", "b\"").build();
    }

    private static Schema first() {
        return schema(List.of(victim(false), parent(PARENT, NAME, false), child(false)),
                view("v`\"iew", "select \"a`\" from \"child`s\"\"\""));
    }

    /** Renames, an added column with an inline reference, an added column, a rebuild under a view. */
    private static Schema second() {
        return schema(List.of(victim(true), parent(PARENT_RENAMED, NAME_RENAMED, true), child(true)),
                view("v`\"iew", "select \"a`\" from \"child`s\"\"\""));
    }

    private static void assertReadBackAsPlanned(Schema from, Schema to, Renames renames) {
        Plan plan = SqlitePlanner.plan(from, to, SchemaDiff.diff(from, to, renames, false));
        String sql = MigrationSql.render(plan);
        assertEquals(plan.statements().size(), StatementSplitter.split(sql).size(), sql);
        assertTrue(plan.statements().stream().noneMatch(s -> s.sql().startsWith("DROP TABLE `victim`")), sql);
    }

    @Test
    void everyStatementWithHostileNamesIsOneStatementAndRunsOnSqlite() throws Exception {
        Renames renames = new Renames(List.of(new TableRename(PARENT, PARENT_RENAMED)),
                List.of(new ColumnRename(PARENT_RENAMED, NAME, NAME_RENAMED)));
        assertReadBackAsPlanned(Schema.EMPTY, first(), Renames.NONE);
        assertReadBackAsPlanned(first(), second(), renames);

        ApplyFixture db = new ApplyFixture(project);
        String created = db.migrateTo(first());
        assertTrue(created.contains(",\n\tCONSTRAINT \"un ique`\" UNIQUE(`na'me; --`),\n\tCONSTRAINT \"order\" UNIQUE("
                + "`i``d\"`,`na'me; --`),\n\tCONSTRAINT \"ch\"\"k`\" CHECK(\"i`d\"\"\" > 0)\n);"), created);
        db.execute("INSERT INTO victim VALUES (1)",
                "INSERT INTO \"par`ent\"\"; DROP TABLE victim; --\" VALUES (1, 'O''Brien')",
                "INSERT INTO \"child`s\"\"\" VALUES (1, 'b', NULL)");
        String sql = db.migrateTo(second(), renames);

        assertTrue(sql.contains("ALTER TABLE `par``ent\"; DROP TABLE victim; --` RENAME TO `new ``par\"ent' [x]`;"), sql);
        assertTrue(sql.contains("RENAME COLUMN \"na'me; --\" TO \"na]me /* x */\";"), sql);
        assertTrue(sql.contains("ALTER TABLE `victim` ADD `p``id` integer REFERENCES \"new `par\"\"ent' [x]\"(\"i`d\"\"\")"
                + " ON UPDATE no action ON DELETE cascade;"), sql);
        assertEquals(List.of("1|O'Brien|null"), db.rows("SELECT * FROM \"new `par\"\"ent' [x]\""));
        assertEquals(List.of("1|b|x"), db.rows("SELECT * FROM \"child`s\"\"\""));
        assertEquals(List.of("1"), db.rows("SELECT * FROM \"v`\"\"iew\""));
        assertEquals(List.of("1|null"), db.rows("SELECT * FROM victim"));
    }
}
