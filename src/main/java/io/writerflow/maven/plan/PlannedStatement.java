package io.writerflow.maven.plan;

import io.writerflow.maven.diff.SchemaChange;
import io.writerflow.maven.schema.Loss;

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
 * @param losses   the tables and columns whose data {@code dataLoss} describes, for a machine to read (a down
 *                 migration's {@code -- writerflow:loses} lines); empty where the note warns of a failure, not a loss
 */
public record PlannedStatement(String sql, String comment, Optional<String> dataLoss, List<SchemaChange> sources,
                               List<Loss> losses) {

    public PlannedStatement {
        sources = List.copyOf(sources);
        losses = List.copyOf(losses);
    }

    PlannedStatement(String sql, String comment, SchemaChange source) {
        this(sql, comment, Optional.empty(), List.of(source), List.of());
    }

    /** The change this statement came from (for a rebuild, the first of its changes). */
    public SchemaChange source() {
        return sources.get(0);
    }

    public boolean destructive() {
        return dataLoss.isPresent();
    }

    /** @param note one sentence per line; {@code losses} the data it names */
    PlannedStatement withDataLoss(String note, List<Loss> losses) {
        return new PlannedStatement(sql, comment, Optional.of(note), sources, losses);
    }
}
