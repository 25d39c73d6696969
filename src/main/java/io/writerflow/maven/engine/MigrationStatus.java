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
 */
public record MigrationStatus(String version, String tag, String file, MigrationState state, Instant appliedAt,
                              String appliedBy, Integer durationMs) {
}
