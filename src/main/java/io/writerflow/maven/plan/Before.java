package io.writerflow.maven.plan;

import io.writerflow.maven.diff.SchemaChange;
import io.writerflow.maven.diff.SchemaChange.RenameColumn;
import io.writerflow.maven.diff.SchemaChange.RenameTable;
import io.writerflow.maven.schema.Column;
import io.writerflow.maven.schema.Schema;
import io.writerflow.maven.schema.Table;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A table as the migration finds it when it reaches the table's own statements: the previous definition,
 * under the names the declared renames (which run first) gave the table and its columns.
 *
 * @param name       the table's name by then (its new name, if renamed)
 * @param table      the previous definition, with its previous names
 * @param newColumns previous column name to current name, for the renamed columns
 */
record Before(String name, Table table, Map<String, String> newColumns) {

    /** @param changes the migration's changes; only its renames matter */
    static Optional<Before> of(Schema from, List<SchemaChange> changes, String name) {
        String previousName = changes.stream().filter(c -> c instanceof RenameTable r && r.to().equals(name))
                .map(c -> ((RenameTable) c).from()).findFirst().orElse(name);
        Map<String, String> renamed = new HashMap<>();
        changes.stream().filter(c -> c instanceof RenameColumn r && r.table().equals(name))
                .map(c -> (RenameColumn) c).forEach(r -> renamed.put(r.from(), r.to()));
        return from.table(previousName).map(t -> new Before(name, t, Map.copyOf(renamed)));
    }

    String previousName() {
        return table.name();
    }

    String currentName(Column column) {
        return newColumns.getOrDefault(column.name(), column.name());
    }

    /** The previous definition of the column that is now called {@code currentName}. */
    Optional<Column> column(String currentName) {
        return table.columns().stream().filter(c -> currentName(c).equals(currentName)).findFirst();
    }
}
