package io.writerflow.maven.schema;

import java.util.List;
import java.util.Optional;

/**
 * A table. Columns keep their declaration order (it is the order of {@code CREATE TABLE}); the other
 * lists keep the order drizzle-kit gives them.
 *
 * @param compositePrimaryKeys a primary key over several columns ({@code primaryKey({ columns })}); a
 *                             single-column key is {@link Column#primaryKey()} instead
 */
public record Table(String name, List<Column> columns, List<Index> indexes, List<ForeignKey> foreignKeys,
                    List<PrimaryKey> compositePrimaryKeys, List<Unique> uniqueConstraints, List<Check> checks) {

    public Table {
        columns = List.copyOf(columns);
        indexes = List.copyOf(indexes);
        foreignKeys = List.copyOf(foreignKeys);
        compositePrimaryKeys = List.copyOf(compositePrimaryKeys);
        uniqueConstraints = List.copyOf(uniqueConstraints);
        checks = List.copyOf(checks);
    }

    public Optional<Column> column(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
    }
}
