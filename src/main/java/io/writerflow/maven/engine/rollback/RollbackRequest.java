package io.writerflow.maven.engine.rollback;

import io.writerflow.maven.engine.MigrationState;
import io.writerflow.maven.engine.MigrationStatus;
import io.writerflow.maven.engine.StatusReport;
import io.writerflow.maven.migrations.Migration;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Which applied migrations a rollback undoes: every one after {@code target}, or the last {@code steps}.
 *
 * @param acceptDataLoss whether down migrations that destroy data may run ({@code writerflow.acceptDataLoss})
 */
public record RollbackRequest(Optional<Migration> target, int steps, boolean acceptDataLoss) {

    public static RollbackRequest after(Migration target, boolean acceptDataLoss) {
        return new RollbackRequest(Optional.of(target), 0, acceptDataLoss);
    }

    public static RollbackRequest last(int steps, boolean acceptDataLoss) {
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be at least 1: " + steps);
        }
        return new RollbackRequest(Optional.empty(), steps, acceptDataLoss);
    }

    /** The applied migrations to roll back, newest first. */
    public List<MigrationStatus> select(StatusReport before) {
        List<MigrationStatus> applied = new ArrayList<>();
        boolean afterTarget = target.isEmpty();
        for (MigrationStatus m : before.migrations()) {
            if (afterTarget && (m.state() == MigrationState.APPLIED || m.state() == MigrationState.CHANGED)) {
                applied.add(m);
            }
            afterTarget |= target.isPresent() && m.version().equals(target.get().version());
        }
        List<MigrationStatus> selected = target.isPresent() ? applied
                : applied.subList(Math.max(0, applied.size() - steps), applied.size());
        List<MigrationStatus> newestFirst = new ArrayList<>(selected);
        Collections.reverse(newestFirst);
        return newestFirst;
    }
}
