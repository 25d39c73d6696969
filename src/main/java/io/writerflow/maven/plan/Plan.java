package io.writerflow.maven.plan;

import java.util.List;

/**
 * The statements of one migration, in order, and what generate should warn about.
 *
 * @param warnings data the migration destroys and changes that will fail on some data (a column added NOT
 *                 NULL without a default fails on a table with rows), one sentence each, in statement order
 * @param rebuilds the tables the migration rebuilds, in order
 */
public record Plan(List<PlannedStatement> statements, List<String> warnings, List<Rebuild> rebuilds) {

    public static final Plan EMPTY = new Plan(List.of(), List.of(), List.of());

    public Plan {
        statements = List.copyOf(statements);
        warnings = List.copyOf(warnings);
        rebuilds = List.copyOf(rebuilds);
    }

    /**
     * A table the migration rebuilds (create, copy, drop, rename), which takes down what the schema does not
     * know about (triggers, indexes and views written by hand) until apply creates them again.
     *
     * @param droppedColumns the columns of the old table the new one does not have, by their old names
     */
    public record Rebuild(String table, List<String> droppedColumns) {
        public Rebuild {
            droppedColumns = List.copyOf(droppedColumns);
        }
    }

    public boolean isEmpty() {
        return statements.isEmpty();
    }

    public List<PlannedStatement> destructiveStatements() {
        return statements.stream().filter(PlannedStatement::destructive).toList();
    }
}
