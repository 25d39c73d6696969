package io.writerflow.maven.lint;

import java.util.List;

/**
 * What a lint run found.
 *
 * @param scope      which migrations were linted and why, for the summary: {@code new since origin/main}
 * @param migrations the migrations linted, in directory order, each with its findings
 * @param failOn     the threshold the build fails at
 */
public record LintResult(String scope, List<LintedMigration> migrations, LintFailOn failOn) {

    public LintResult {
        migrations = List.copyOf(migrations);
    }

    public List<Finding> findings() {
        return migrations.stream().flatMap(m -> m.findings().stream()).toList();
    }

    /** The findings that fail the build: unsuppressed, at or above the threshold. */
    public List<Finding> failing() {
        return findings().stream().filter(f -> f.fails(failOn)).toList();
    }

    public boolean passed() {
        return failing().isEmpty();
    }

    public long count(Severity severity) {
        return findings().stream().filter(f -> !f.isSuppressed() && f.severity() == severity).count();
    }

    public long suppressed() {
        return findings().stream().filter(Finding::isSuppressed).count();
    }
}
