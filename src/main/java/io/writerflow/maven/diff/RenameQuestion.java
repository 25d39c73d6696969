package io.writerflow.maven.diff;

import java.util.List;
import java.util.Optional;

/**
 * drizzle-kit's question about one created table or column: "Is {@code created} created or renamed from
 * another one?", answered with one of the {@code candidates} (it was renamed from that one) or none (it is
 * new).
 *
 * @param table      the table of a created column; empty when the question is about a created table
 * @param created    the new table's or column's name
 * @param candidates the dropped tables, or the table's dropped columns of a compatible type, not yet taken by
 *                   an earlier answer, in the previous schema's order
 */
public record RenameQuestion(Optional<String> table, String created, List<String> candidates) {

    public RenameQuestion {
        candidates = List.copyOf(candidates);
    }

    /** {@code table} or {@code column}, the word drizzle-kit's question uses. */
    public String entity() {
        return table.isPresent() ? "column" : "table";
    }
}
