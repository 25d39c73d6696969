package io.writerflow.maven.schema;

import java.util.Optional;

/**
 * Data a statement destroys, by the schema object that held it: a whole table (its rows), or one column (its
 * values). What a down migration records in its {@code -- writerflow:loses} lines, so that rollback can count the
 * rows at stake before it runs.
 *
 * @param table  the table, by its name before the statement runs
 * @param column the column, by its name before the statement runs; empty for the whole table
 */
public record Loss(String table, Optional<String> column) {

    public static Loss table(String table) {
        return new Loss(table, Optional.empty());
    }

    public static Loss column(String table, String column) {
        return new Loss(table, Optional.of(column));
    }

    /** {@code table posts} or {@code column posts.body}, for messages. */
    public String describe() {
        return column.map(c -> "column " + table + "." + c).orElse("table " + table);
    }
}
