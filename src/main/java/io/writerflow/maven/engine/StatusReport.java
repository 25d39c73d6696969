package io.writerflow.maven.engine;

import io.writerflow.maven.engine.drift.DriftReport;
import io.writerflow.maven.migrations.Migration;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the status goal reports: every migration of the directory and of the history, in order.
 *
 * @param databaseExists false when the database file has not been created yet (nothing applied)
 * @param unlisted       {@code .sql} files that are no migration of the directory
 * @param drift          how the database differs from its last applied migration's snapshot
 */
public record StatusReport(String database, String directory, boolean databaseExists,
                           List<MigrationStatus> migrations, List<String> unlisted, DriftReport drift) {

    public StatusReport {
        migrations = List.copyOf(migrations);
        unlisted = List.copyOf(unlisted);
    }

    /** A report whose drift was not checked (apply's own reads). */
    public StatusReport(String database, String directory, boolean databaseExists, List<MigrationStatus> migrations,
            List<String> unlisted) {
        this(database, directory, databaseExists, migrations, unlisted, DriftReport.NOT_CHECKED);
    }

    public StatusReport withDrift(DriftReport checked) {
        return new StatusReport(database, directory, databaseExists, migrations, unlisted, checked);
    }

    /**
     * This report for a run that goes only up to {@code target} (Flyway's {@code target}): the pending
     * migrations after it are {@link MigrationState#BEYOND_TARGET}, which apply leaves alone and the pending
     * gate does not count.
     */
    public StatusReport upTo(Migration target) {
        List<MigrationStatus> marked = new ArrayList<>();
        boolean beyond = false;
        for (MigrationStatus m : migrations) {
            marked.add(beyond && m.state() == MigrationState.PENDING ? new MigrationStatus(m.version(), m.tag(),
                    m.file(), MigrationState.BEYOND_TARGET, null, null, null, null, m.rolledBack()) : m);
            beyond |= m.version().equals(target.version());
        }
        return new StatusReport(database, directory, databaseExists, marked, unlisted, drift);
    }

    /** The last migration that the database has applied, if any. */
    public Optional<String> current() {
        return migrations.stream()
                .filter(m -> m.state() == MigrationState.APPLIED || m.state() == MigrationState.CHANGED)
                .reduce((first, second) -> second)
                .map(MigrationStatus::tag);
    }

    public Map<MigrationState, Long> counts() {
        Map<MigrationState, Long> counts = new EnumMap<>(MigrationState.class);
        for (MigrationState state : MigrationState.values()) {
            counts.put(state, 0L);
        }
        migrations.forEach(m -> counts.merge(m.state(), 1L, Long::sum));
        return counts;
    }

    public long count(MigrationState state) {
        return counts().get(state);
    }
}
