package io.writerflow.maven.schema;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A database schema as drizzle-kit models SQLite: what the drizzle loader reads from schema.js, what a
 * snapshot in {@code drizzle/meta/} stores, and what the introspector reads from a live database. Every
 * source produces this one model, so one diff serves generate, check and drift.
 *
 * <p>Tables and views are kept sorted by name, as drizzle-kit writes them.
 */
public record Schema(List<Table> tables, List<View> views) {

    public static final Schema EMPTY = new Schema(List.of(), List.of());

    public Schema {
        tables = tables.stream().sorted(Comparator.comparing(Table::name)).toList();
        views = views.stream().sorted(Comparator.comparing(View::name)).toList();
    }

    public Optional<Table> table(String name) {
        return tables.stream().filter(t -> t.name().equals(name)).findFirst();
    }
}
