package io.writerflow.maven.lint.analysis;

import io.writerflow.maven.diff.SchemaChange;
import io.writerflow.maven.migrations.Statement;

import java.util.List;

/**
 * One statement replayed on the shadow and what it changed in the schema.
 *
 * @param changes the diff of the schema before and after it (drops and creates, never renames: the lint reads
 *                renames from the shape of the changes, see {@link ChangeAnalysis})
 */
public record ReplayStep(Statement statement, List<SchemaChange> changes) {

    public ReplayStep {
        changes = List.copyOf(changes);
    }
}
