package io.writerflow.maven.engine.apply;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What became of each step of a plan's transaction: its rows when it succeeded (empty for a statement without
 * any), or its error when it failed; neither when it did not run.
 */
public record PlanOutcome(List<List<List<Object>>> rows, List<SQLException> errors) {

    public PlanOutcome {
        rows = Collections.unmodifiableList(new ArrayList<>(rows));
        errors = Collections.unmodifiableList(new ArrayList<>(errors));
    }

    boolean ok(int step) {
        return step >= 0 && step < rows.size() && rows.get(step) != null;
    }

    /** The rows of a step that succeeded, or null. */
    List<List<Object>> rows(int step) {
        return step < 0 || step >= rows.size() ? null : rows.get(step);
    }

    SQLException error(int step) {
        return step < 0 || step >= errors.size() ? null : errors.get(step);
    }
}
