package io.writerflow.maven.generate;

import io.writerflow.maven.schema.Schema;
import io.writerflow.maven.schema.Table;

import java.util.ArrayList;
import java.util.List;

/**
 * One table of the schema generate read, counted as drizzle-kit counts it in the summary it prints before
 * naming the migration file ({@code posts 5 columns 1 indexes 1 fks}): a column's {@code .unique()} is one of
 * its indexes, as in drizzle-kit's snapshot.
 */
public record TableSummary(String table, int columns, int indexes, int foreignKeys) {

    /** The tables of {@code schema}, in its order (drizzle-kit's). */
    public static List<TableSummary> of(Schema schema) {
        return schema.tables().stream().map(TableSummary::of).toList();
    }

    static TableSummary of(Table table) {
        return new TableSummary(table.name(), table.columns().size(), table.indexes().size(),
                table.foreignKeys().size());
    }

    /** The table as one line of the build log: {@code posts: 5 columns, 1 index, 1 foreign key}; no zero counts. */
    public String line() {
        List<String> counts = new ArrayList<>(List.of(count(columns, "column", "columns")));
        if (indexes > 0) {
            counts.add(count(indexes, "index", "indexes"));
        }
        if (foreignKeys > 0) {
            counts.add(count(foreignKeys, "foreign key", "foreign keys"));
        }
        return table + ": " + String.join(", ", counts);
    }

    private static String count(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
