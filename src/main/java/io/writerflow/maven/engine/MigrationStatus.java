package io.writerflow.maven.engine;

import java.time.Instant;

/**
 * One row of the status report.
 *
 * @param version    the journal {@code idx} (the history's version)
 * @param file       the {@code .sql} file, or {@code null} when it is missing from the directory
 * @param appliedAt  when it was applied, or {@code null}
 * @param appliedBy  who applied it, or {@code null}
 * @param durationMs how long it took to apply, or {@code null}
 * @param appliedTag the tag the history recorded for this version, or {@code null} when not applied; differs
 *                   from {@code tag} when the journal now has another migration at this idx
 */
public record MigrationStatus(String version, String tag, String file, MigrationState state, Instant appliedAt,
                              String appliedBy, Integer durationMs, String appliedTag) {

    public MigrationStatus(String version, String tag, String file, MigrationState state, Instant appliedAt,
                           String appliedBy, Integer durationMs) {
        this(version, tag, file, state, appliedAt, appliedBy, durationMs, appliedAt == null ? null : tag);
    }

    /** True when the history applied a different migration under this version than the journal now lists. */
    public boolean renumbered() {
        return appliedTag != null && !appliedTag.equals(tag);
    }
}
