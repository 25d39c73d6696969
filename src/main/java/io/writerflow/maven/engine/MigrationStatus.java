package io.writerflow.maven.engine;

import java.time.Instant;

/**
 * One row of the status report.
 *
 * @param version    the history's version: the journal's {@code idx}, or the migration folder's timestamp
 * @param file       the {@code .sql} file, or {@code null} when it is missing from the directory
 * @param appliedAt  when it was applied, or {@code null}
 * @param appliedBy  who applied it, or {@code null}
 * @param durationMs how long it took to apply, or {@code null}
 * @param appliedTag the tag the history recorded for this version, or {@code null} when not applied; differs
 *                   from {@code tag} when the directory now has another migration at this version
 * @param rolledBack the last time the history records this migration was rolled back (since applied again, when
 *                   it is applied now), or {@code null}
 */
public record MigrationStatus(String version, String tag, String file, MigrationState state, Instant appliedAt,
                              String appliedBy, Integer durationMs, String appliedTag, Rollback rolledBack) {

    /** A rollback of the migration, as its undo row in the history records it. */
    public record Rollback(Instant at, String by, Integer durationMs) {
    }

    public MigrationStatus(String version, String tag, String file, MigrationState state, Instant appliedAt,
                           String appliedBy, Integer durationMs, String appliedTag) {
        this(version, tag, file, state, appliedAt, appliedBy, durationMs, appliedTag, null);
    }

    public MigrationStatus(String version, String tag, String file, MigrationState state, Instant appliedAt,
                           String appliedBy, Integer durationMs) {
        this(version, tag, file, state, appliedAt, appliedBy, durationMs, appliedAt == null ? null : tag);
    }

    /** True when the history applied a different migration under this version than the directory now lists. */
    public boolean renumbered() {
        return appliedTag != null && !appliedTag.equals(tag);
    }
}
