package io.writerflow.maven.engine.steps;

import io.writerflow.maven.diff.SqlIdentifiers;
import io.writerflow.maven.sql.SqlQuoting;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What generate says about a table it rebuilds: the triggers, indexes and views around it in the database that
 * the schema does not declare (so the migration does not create them again). Apply keeps them (see
 * {@link RebuildKeeping}); one that uses a column the rebuild drops will make apply fail, so that is said too.
 */
public final class UndeclaredNeighbours {

    private UndeclaredNeighbours() {
    }

    /**
     * @param database       the database as named in messages
     * @param droppedColumns the columns of the table the rebuild drops
     * @param declared       the names of the indexes and views the schema declares (any case)
     * @return a warning, or empty when the rebuild takes down nothing the schema does not declare
     */
    public static Optional<String> warning(Catalog catalog, String database, String table,
            Collection<String> droppedColumns, Set<String> declared) {
        Set<String> known = declared.stream().map(n -> n.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        Neighbours neighbours = Neighbours.of(catalog, table, List.of());
        List<SchemaObject> undeclared = new ArrayList<>(neighbours.own());
        undeclared.addAll(neighbours.dependents());
        undeclared.removeIf(o -> known.contains(o.name().toLowerCase(Locale.ROOT)));
        if (undeclared.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder warning = new StringBuilder("Rebuilding " + table + ": database " + database + " has "
                + undeclared.stream().map(o -> o.describe() + (neighbours.own().contains(o) ? "" : " (reads " + table
                + ")")).collect(Collectors.joining(", ")) + ", which the schema does not declare; apply creates "
                + (undeclared.size() == 1 ? "it" : "them") + " again after the rebuild, unchanged.");
        for (SchemaObject o : undeclared) {
            List<String> used = droppedColumns.stream().filter(c -> SqlIdentifiers.mentions(o.sql(), c)).toList();
            if (!used.isEmpty()) {
                warning.append(" ").append(o.describe()).append(" uses ").append(String.join(", ", used))
                        .append(", which the rebuild drops: apply will fail creating it again; add DROP ")
                        .append(o.type().toUpperCase(Locale.ROOT)).append(" ").append(SqlQuoting.identifier(o.name()))
                        .append("; to the migration before the rebuild (and a CREATE ")
                        .append(o.type().toUpperCase(Locale.ROOT)).append(" that fits the new table after it).");
            }
        }
        return Optional.of(warning.toString());
    }
}
