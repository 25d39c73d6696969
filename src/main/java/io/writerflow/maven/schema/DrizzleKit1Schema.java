package io.writerflow.maven.schema;

import io.writerflow.maven.sql.SqlQuoting;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A schema as drizzle-kit 1.0 models the same schema code, from the model drizzle-kit 0.31 gives (which is
 * what the schema loader produces). Two things differ in substance, and a directory in drizzle-kit 1.0's
 * layout has to be compared and continued in 1.0's terms, or every generate would rebuild tables that did
 * not change and drizzle-kit 1.0 would see changes the plugin never wrote:
 * <ul>
 *   <li>{@code .unique()} and {@code unique().on(...)} are UNIQUE constraints of the table in 1.0, where 0.31
 *   made them unique indexes. The 0.31 model cannot tell them from a {@code uniqueIndex()} of the same
 *   shape, so an index keeps what the directory's last snapshot says it is, and a new one is a constraint
 *   when it has the name drizzle gives an unnamed one ({@code users_email_unique}).</li>
 *   <li>A CHECK's condition names its columns without the table ({@code "score" > 0}, not
 *   {@code "users"."score" > 0}), as drizzle-kit 1.0 writes them.</li>
 *   <li>A column that is the primary key is NOT NULL: a version "7" snapshot cannot say otherwise (it writes
 *   {@code notNull: false} for every key column), so a table-level {@code primaryKey({ columns: [c] })} on a
 *   nullable column would otherwise differ from its own snapshot.</li>
 * </ul>
 * And a view has no columns in 1.0's snapshot (the diff compares views by their definition only).
 */
public final class DrizzleKit1Schema {

    private DrizzleKit1Schema() {
    }

    /**
     * @param loaded   the schema code's model, as drizzle-kit 0.31 has it
     * @param previous the directory's last snapshot (drizzle-kit 1.0's model), to keep what it says
     */
    public static Schema of(Schema loaded, Schema previous) {
        return new Schema(loaded.tables().stream().map(t -> table(t, previous.table(t.name()))).toList(),
                loaded.views().stream().map(v -> new View(v.name(), List.of(), v.definition(), v.existing())).toList());
    }

    private static Table table(Table table, Optional<Table> before) {
        List<Index> indexes = new ArrayList<>();
        List<Unique> uniques = new ArrayList<>(table.uniqueConstraints());
        for (Index index : table.indexes()) {
            if (isConstraint(table.name(), index, before)) {
                uniques.add(new Unique(index.name(), index.columnValues()));
            } else {
                indexes.add(index);
            }
        }
        String qualifier = SqlQuoting.identifier(table.name()) + ".";
        List<Check> checks = table.checks().stream().map(c -> new Check(c.name(), c.value().replace(qualifier, "")))
                .toList();
        List<Column> columns = table.columns().stream().map(c -> c.primaryKey() && !c.notNull() ? new Column(c.name(),
                c.type(), true, true, c.autoincrement(), c.defaultValue(), c.generated()) : c).toList();
        return new Table(table.name(), columns, indexes, table.foreignKeys(), table.compositePrimaryKeys(), uniques,
                checks);
    }

    private static boolean isConstraint(String table, Index index, Optional<Table> before) {
        boolean couldBe = index.unique() && index.where().isEmpty()
                && index.columns().stream().noneMatch(Index.IndexColumn::expression);
        if (!couldBe) {
            return false;
        }
        if (before.isPresent()) {
            if (before.get().uniqueConstraints().stream().anyMatch(u -> u.name().equals(index.name()))) {
                return true;
            }
            if (before.get().indexes().stream().anyMatch(i -> i.name().equals(index.name()))) {
                return false;
            }
        }
        return index.name().equals(DefaultNames.unique(table, index.columnValues()));
    }
}
