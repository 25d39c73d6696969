package io.writerflow.maven.plan;

import java.util.List;

/**
 * The statements of one migration, in order, and what generate should warn about.
 *
 * @param warnings data the migration destroys and changes that will fail on some data (a column added NOT
 *                 NULL without a default fails on a table with rows), one sentence each, in statement order
 */
public record Plan(List<PlannedStatement> statements, List<String> warnings) {

    public static final Plan EMPTY = new Plan(List.of(), List.of());

    public Plan {
        statements = List.copyOf(statements);
        warnings = List.copyOf(warnings);
    }

    public boolean isEmpty() {
        return statements.isEmpty();
    }

    public List<PlannedStatement> destructiveStatements() {
        return statements.stream().filter(PlannedStatement::destructive).toList();
    }
}
