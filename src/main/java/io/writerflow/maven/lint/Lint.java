package io.writerflow.maven.lint;

import io.writerflow.maven.lint.analysis.MigrationLinter;
import io.writerflow.maven.lint.select.MigrationSelection;
import io.writerflow.maven.migrations.MigrationDirectory;

import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * writerflow:lint, without Maven: chooses the migrations ({@link MigrationSelection}), replays each on a shadow
 * database and reads what it changed ({@link MigrationLinter}), and applies the suppressions. The result says
 * whether it passes; the caller renders it ({@link io.writerflow.maven.lint.report.LintLog}).
 */
public final class Lint {

    private Lint() {
    }

    /**
     * @param pending the tags pending on the database, asked only without a base; empty when there is none to ask
     */
    public static LintResult run(MigrationDirectory directory, LintSettings settings,
            Supplier<Optional<Set<String>>> pending) {
        MigrationSelection selection = MigrationSelection.of(directory, settings.base(), pending);
        if (selection.migrations().isEmpty()) {
            return new LintResult(selection.scope(), java.util.List.of(), settings.failOn());
        }
        return new LintResult(selection.scope(),
                new MigrationLinter(directory, settings.target().get()).lint(selection.migrations()),
                settings.failOn());
    }
}
