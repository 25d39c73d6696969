package io.writerflow.maven.plan;

import io.writerflow.maven.diff.RenameMeta;
import io.writerflow.maven.diff.SchemaChange;
import io.writerflow.maven.diff.SchemaDiff;
import io.writerflow.maven.schema.Schema;
import io.writerflow.maven.schema.Snapshot;

import java.util.List;

/**
 * The plan that undoes a migration: from its snapshot's schema back to the previous snapshot's, through the same
 * diff and planner as the migration itself, so that what the up direction does safely (rebuilds that keep every
 * row, views taken down and put back, foreign keys checked) the down direction does too. The migration's renames
 * are undone as renames, so a renamed table or column keeps its data on the way back.
 *
 * <p>This is Atlas's "each change knows its reverse" taken a whole migration at a time: the reverse of a rebuild
 * is another rebuild, not the rebuild's statements reversed one by one. What the up migration created and the
 * down migration drops (a table, a column) carries the rows written since; the plan marks those statements as
 * losing data ({@link PlannedStatement#losses()}).
 */
public final class DownPlanner {

    private DownPlanner() {
    }

    /**
     * @param previous the schema before the migration (the previous snapshot's; empty for the first migration)
     * @param current  the migration's snapshot: its schema, and the renames the migration made
     */
    public static Plan plan(Schema previous, Snapshot current) {
        List<SchemaChange> changes = changes(previous, current);
        return SqlitePlanner.plan(current.schema(), previous, changes);
    }

    /**
     * The changes that take {@code current} back to {@code previous}; empty for a migration that changed no
     * schema (hand-written SQL). Nothing here may be a rename nobody declared: the up migration settled every
     * one, so what it did not rename it created or dropped, and the way back drops or creates it.
     */
    public static List<SchemaChange> changes(Schema previous, Snapshot current) {
        return SchemaDiff.diff(current.schema(), previous, RenameMeta.inverse(current.renames(), current.schema()),
                true);
    }
}
