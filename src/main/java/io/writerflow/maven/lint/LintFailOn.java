package io.writerflow.maven.lint;

import io.writerflow.maven.WriterflowException;

import java.util.Locale;
import java.util.Optional;

/** {@code writerflow.lintFailOn}: the least severe finding that fails the build, or none. */
public enum LintFailOn {
    ERROR(Optional.of(Severity.ERROR)),
    WARNING(Optional.of(Severity.WARNING)),
    NONE(Optional.empty());

    public static final String PROPERTY = "writerflow.lintFailOn";

    private final Optional<Severity> threshold;

    LintFailOn(Optional<Severity> threshold) {
        this.threshold = threshold;
    }

    public boolean fails(Severity severity) {
        return threshold.map(severity::atLeast).orElse(false);
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws WriterflowException for a value other than error, warning or none, naming the setting */
    public static LintFailOn parse(String value) {
        if (value == null || value.isBlank()) {
            return ERROR;
        }
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new WriterflowException(PROPERTY + "=" + value + " is not a threshold.",
                    "Use error (the default: fail on errors), warning (fail on warnings too) or none (report only).");
        }
    }
}
