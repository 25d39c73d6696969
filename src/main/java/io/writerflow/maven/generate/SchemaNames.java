package io.writerflow.maven.generate;

import io.writerflow.maven.WriterflowException;
import io.writerflow.maven.schema.Check;
import io.writerflow.maven.schema.Column;
import io.writerflow.maven.schema.ForeignKey;
import io.writerflow.maven.schema.Index;
import io.writerflow.maven.schema.Schema;
import io.writerflow.maven.schema.Table;
import io.writerflow.maven.schema.Unique;
import io.writerflow.maven.schema.View;
import io.writerflow.maven.sql.SqlNames;

import java.util.Optional;

import static io.writerflow.maven.sql.SqlNames.shown;

/**
 * Refuses a schema with a name no migration can carry (see {@link SqlNames}), before anything is planned or
 * written, naming the table and the column, index, key or view that has it. Any other name is quoted where it
 * is written, however many quotes, semicolons or dashes it holds.
 */
final class SchemaNames {

    private SchemaNames() {
    }

    /** @param shownAs the schema as messages name it, e.g. {@code src/lib/db/schema.js} */
    static void check(Schema schema, String shownAs) {
        for (Table table : schema.tables()) {
            String t = "table " + shown(table.name());
            require(SqlNames.objectProblem(table.name()), shownAs, t, "the table");
            for (Column column : table.columns()) {
                require(SqlNames.problem(column.name()), shownAs, "column " + shown(column.name()) + " of " + t,
                        "the column");
            }
            for (Index index : table.indexes()) {
                String i = "index " + shown(index.name()) + " of " + t;
                require(SqlNames.objectProblem(index.name()), shownAs, i, "the index");
                index.columns().stream().filter(c -> !c.expression()).forEach(c ->
                        require(SqlNames.problem(c.value()), shownAs, "column " + shown(c.value()) + " of " + i,
                                "the column"));
            }
            for (ForeignKey fk : table.foreignKeys()) {
                String f = "foreign key " + shown(fk.name()) + " of " + t;
                require(SqlNames.problem(fk.name()), shownAs, f, "the foreign key");
                require(SqlNames.problem(fk.tableTo()), shownAs, "table " + shown(fk.tableTo()) + " referenced by "
                        + f, "the table");
                fk.columnsTo().forEach(c -> require(SqlNames.problem(c), shownAs, "column " + shown(c)
                        + " referenced by " + f, "the column"));
            }
            table.compositePrimaryKeys().forEach(pk -> pk.name().ifPresent(name -> require(SqlNames.problem(name),
                    shownAs, "primary key " + shown(name) + " of " + t, "the primary key")));
            for (Unique unique : table.uniqueConstraints()) {
                require(SqlNames.problem(unique.name()), shownAs, "unique constraint " + shown(unique.name())
                        + " of " + t, "the constraint");
            }
            for (Check check : table.checks()) {
                require(SqlNames.problem(check.name()), shownAs, "check " + shown(check.name()) + " of " + t,
                        "the check");
            }
        }
        for (View view : schema.views()) {
            String v = "view " + shown(view.name());
            require(SqlNames.objectProblem(view.name()), shownAs, v, "the view");
            view.columns().forEach(c -> require(SqlNames.problem(c.name()), shownAs, "column " + shown(c.name())
                    + " of " + v, "the column"));
        }
    }

    private static void require(Optional<String> problem, String shownAs, String what, String which) {
        if (problem.isPresent()) {
            throw new WriterflowException(shownAs + ": the " + what + " cannot be created: " + problem.get() + ".",
                    "Give " + which + " another name in " + shownAs + ", then generate again.");
        }
    }
}
