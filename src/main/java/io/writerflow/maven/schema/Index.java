package io.writerflow.maven.schema;

import java.util.List;
import java.util.Optional;

/**
 * An index ({@code index}, {@code uniqueIndex}, and the unique index drizzle-kit makes for
 * {@code .unique()} on a column).
 *
 * @param columns column names, or SQL expressions where {@link IndexColumn#expression()} is set
 * @param where   the partial index condition, if any
 */
public record Index(String name, List<IndexColumn> columns, boolean unique, Optional<String> where) {

    public Index {
        columns = List.copyOf(columns);
    }

    /** One indexed column or expression. */
    public record IndexColumn(String value, boolean expression) {

        public static IndexColumn column(String name) {
            return new IndexColumn(name, false);
        }
    }

    public List<String> columnValues() {
        return columns.stream().map(IndexColumn::value).toList();
    }
}
