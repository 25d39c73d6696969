package io.writerflow.maven.engine.steps;

import io.writerflow.maven.diff.SqlIdentifiers;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a rebuild of a table takes down with it: its own indexes and triggers, which {@code DROP TABLE} drops,
 * and the views and other tables' triggers that read it, which SQLite (and Turso) refuse to leave pointing at a
 * missing table when the new table is renamed into place ("error in view v: no such table: main.t"), with the
 * views reading those views, and the INSTEAD OF triggers of all those views.
 *
 * @param own        the table's indexes (those written with CREATE INDEX) and triggers
 * @param dependents views and triggers elsewhere that read the table, in creation order
 */
public record Neighbours(List<SchemaObject> own, List<SchemaObject> dependents) {

    public Neighbours {
        own = List.copyOf(own);
        dependents = List.copyOf(dependents);
    }

    /**
     * @param table   the table rebuilt
     * @param missing other names whose objects are gone for the moment (dropped earlier by the migration): what
     *                reads them fails the rename just the same
     */
    public static Neighbours of(Catalog catalog, String table, Collection<String> missing) {
        List<SchemaObject> own = catalog.objects().stream()
                .filter(o -> (o.is("index") || o.is("trigger")) && o.belongsTo(table)).toList();
        Set<String> read = new LinkedHashSet<>();
        read.add(table);
        missing.stream().filter(name -> !catalog.has(name)).forEach(read::add);
        Set<SchemaObject> dependents = new LinkedHashSet<>();
        boolean grew = true;
        while (grew) {
            grew = false;
            for (SchemaObject o : catalog.objects()) {
                boolean candidate = o.is("view") || (o.is("trigger") && !o.belongsTo(table));
                if (!candidate || dependents.contains(o)) {
                    continue;
                }
                boolean onDependentView = o.is("trigger") && dependents.stream()
                        .anyMatch(d -> d.is("view") && d.named(o.table()));
                if (onDependentView || read.stream().anyMatch(name -> SqlIdentifiers.mentions(o.sql(), name))) {
                    dependents.add(o);
                    if (o.is("view")) {
                        read.add(o.name());
                    }
                    grew = true;
                }
            }
        }
        List<SchemaObject> ordered = new ArrayList<>(catalog.objects());
        ordered.retainAll(dependents);
        return new Neighbours(own, ordered);
    }

    public boolean isEmpty() {
        return own.isEmpty() && dependents.isEmpty();
    }
}
