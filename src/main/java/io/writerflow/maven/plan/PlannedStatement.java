package io.writerflow.maven.plan;

import io.writerflow.maven.diff.SchemaChange;

import java.util.List;
import java.util.Optional;

/**
 * One statement of a migration, with what a reviewer needs to know about it.
 *
 * @param sql      the statement exactly as the migration file holds it (drizzle-kit ends a
 *                 {@code CREATE TABLE} with a newline, other statements with their semicolon)
 * @param comment  what the statement does and why, for humans (not written to the file)
 * @param dataLoss the data this statement destroys, one sentence per line; written into the file as
 *                 {@code -- } comments above the statement, and listed in {@link Plan#warnings()}
 * @param sources  the changes this statement carries out: one, or several for a table rebuild
 */
public record PlannedStatement(String sql, String comment, Optional<String> dataLoss, List<SchemaChange> sources) {

    public PlannedStatement {
        sources = List.copyOf(sources);
    }

    PlannedStatement(String sql, String comment, SchemaChange source) {
        this(sql, comment, Optional.empty(), List.of(source));
    }

    /** The change this statement came from (for a rebuild, the first of its changes). */
    public SchemaChange source() {
        return sources.get(0);
    }

    public boolean destructive() {
        return dataLoss.isPresent();
    }

    PlannedStatement withDataLoss(String note) {
        return new PlannedStatement(sql, comment, Optional.of(note), sources);
    }
}
