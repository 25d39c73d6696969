package io.writerflow.maven.lint;

import java.util.Locale;

/**
 * How much a finding matters: {@link #ERROR} for what loses data, breaks the running application or cannot run,
 * {@link #WARNING} for what may fail or hurt depending on the data and the load. Ordered from the most severe, so
 * that {@link LintFailOn} compares them.
 */
public enum Severity {
    ERROR,
    WARNING;

    /** {@code error}, {@code warning}: how the build log and the reports spell it. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether this is at least as severe as {@code other}. */
    public boolean atLeast(Severity other) {
        return compareTo(other) <= 0;
    }
}
