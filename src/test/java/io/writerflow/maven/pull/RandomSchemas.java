package io.writerflow.maven.pull;

import io.writerflow.maven.diff.Renames;
import io.writerflow.maven.diff.SchemaBuilder.ColumnBuilder;
import io.writerflow.maven.diff.SchemaBuilder.TableBuilder;
import io.writerflow.maven.diff.SchemaDiff;
import io.writerflow.maven.plan.MigrationSql;
import io.writerflow.maven.plan.SqlitePlanner;
import io.writerflow.maven.schema.Schema;
import io.writerflow.maven.schema.Table;
import io.writerflow.maven.schema.View;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import static io.writerflow.maven.diff.SchemaBuilder.col;


/**
 * Random schemas in the style of RandomEvolutionTest's evolutions (integer keys with and without AUTOINCREMENT,
 * text/integer/real columns with random NOT NULL and defaults, parents referenced with ON DELETE cascade or no action,
 * label indexes), widened with what a pull must also carry: hostile names, composite keys, unique constraints,
 * expression and partial indexes, checks, generated columns and views. Each step after the first changes the
 * columns ALTER TABLE cannot (so the planner rebuilds tables, and the database's DDL is the rebuild's).
 */
final class RandomSchemas {

    private static final List<String> TYPES = List.of("text", "integer", "real", "numeric", "blob", "varchar(40)");
    private static final List<String> NAMES = List.of("title", "Mixed Case", "order", "2nd", "größe", "sel\"ect",
            "it's", "class", "user-id", "value");

    private final Random random;
    private final int tables;

    RandomSchemas(long seed, int tables) {
        this.random = new Random(seed);
        this.tables = tables;
    }

    /** The SQL that takes {@code from} to {@code to}, as generate plans it. */
    static List<String> statements(Schema from, Schema to) {
        String sql = MigrationSql.render(SqlitePlanner.plan(from, to, SchemaDiff.diff(from, to, Renames.NONE, true)));
        return List.of(sql.split("--> statement-breakpoint"));
    }

    Schema next() {
        List<Table> list = new ArrayList<>();
        for (int t = 0; t < tables; t++) {
            list.add(table(t));
        }
        List<View> views = new ArrayList<>();
        if (random.nextBoolean()) {
            views.add(new View("v_t0", List.of(), Optional.of("select \"id\", \"label\" from \"t0\" where \"id\" > "
                    + random.nextInt(10)), false));
        }
        return new Schema(list, views);
    }

    private Table table(int t) {
        String name = t == 1 && random.nextBoolean() ? "Odd Table" + t : "t" + t;
        ColumnBuilder id = col("id", "integer").pk();
        List<ColumnBuilder> columns = new ArrayList<>(List.of(random.nextBoolean() ? id.autoincrement() : id,
                col("label", "text").notNull().def("''")));
        if (t > 0) {
            columns.add(col("parent_id", "integer"));
        }
        List<String> extra = new ArrayList<>();
        for (int c = 0; c < 2 + random.nextInt(3); c++) {
            String column = NAMES.get(random.nextInt(NAMES.size())) + (c > 0 ? "_" + c : "");
            extra.add(column);
            String type = TYPES.get(random.nextInt(TYPES.size()));
            ColumnBuilder b = col(column, type);
            if (random.nextBoolean()) {
                b = b.notNull().def(defaultOf(type));
            } else if (random.nextBoolean()) {
                b = b.def(defaultOf(type));
            }
            columns.add(b);
        }
        if (random.nextInt(3) == 0) {
            columns.add(col("label_len", "integer").virtual("(length(\"label\"))"));
        }
        if (random.nextInt(4) == 0) {
            columns.add(col("label_up", "text").stored("(upper(\"label\"))"));
        }
        TableBuilder b = io.writerflow.maven.diff.SchemaBuilder.table(name).columns(columns.toArray(ColumnBuilder[]::new)).index(name + "_label_idx", "label");
        if (t > 0) {
            int parent = random.nextInt(t);
            b = b.fk("parent_id", parent == 1 ? list1Name : "t" + parent, "id", random.nextBoolean() ? "cascade" : "no action");
        }
        if (random.nextBoolean()) {
            b = b.unique(name + "_pair_unique", "label", extra.get(0));
        }
        if (random.nextBoolean()) {
            b = b.expressionIndex(name + "_lower_idx", "lower(\"label\")", random.nextBoolean() ? "\"id\" > 0" : null);
        }
        if (random.nextBoolean()) {
            b = b.check(name + "_label_check", "length(\"label\") < " + (100 + random.nextInt(100)));
        }
        if (t == 1) {
            list1Name = name;
        }
        return b.build();
    }

    /** The name table 1 got (it may be hostile), for the tables that reference it. */
    private String list1Name = "t1";

    private String defaultOf(String type) {
        return switch (type) {
            case "integer" -> String.valueOf(random.nextInt(200) - 50);
            case "real" -> random.nextInt(100) + ".5";
            case "numeric" -> random.nextBoolean() ? "1.10" : "(CURRENT_TIMESTAMP)";
            case "blob" -> "x'00ff'";
            default -> "'d''" + random.nextInt(100) + "'";
        };
    }
}
