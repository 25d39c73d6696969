package io.writerflow.maven.schema;

import java.util.List;
import java.util.Optional;

/**
 * A database schema as drizzle-kit models SQLite: what the drizzle loader reads from schema.js, what a
 * snapshot in {@code drizzle/meta/} stores, and what the introspector reads from a live database. Every
 * source produces this one model, so one diff serves generate, check and drift.
 *
 * <p>Tables and views keep the order their source gives them: drizzle-kit orders them by the name they
 * are exported under, not by table name, and that order is the order of its CREATE statements and
 * snapshot keys.
 */
public record Schema(List<Table> tables, List<View> views) {

    public static final Schema EMPTY = new Schema(List.of(), List.of());

    public Schema {
        tables = List.copyOf(tables);
        views = List.copyOf(views);
    }

    public Optional<Table> table(String name) {
        return tables.stream().filter(t -> t.name().equals(name)).findFirst();
    }
}
