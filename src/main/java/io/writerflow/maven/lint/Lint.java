package io.writerflow.maven.lint;

import io.writerflow.maven.lint.analysis.MigrationLinter;
import io.writerflow.maven.lint.data.DataChecks;
import io.writerflow.maven.lint.data.DataReader;
import io.writerflow.maven.lint.select.MigrationSelection;
import io.writerflow.maven.migrations.MigrationDirectory;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * writerflow:lint, without Maven: chooses the migrations ({@link MigrationSelection}), replays each on a shadow
 * database and reads what it changed ({@link MigrationLinter}), and applies the suppressions; with a database to
 * read, answers the data-dependent findings with its data ({@link DataChecks}). The result says whether it passes;
 * it goes to the settings' report (SARIF, annotations), and the caller renders it for the log
 * ({@link io.writerflow.maven.lint.report.LintLog}).
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
        List<LintedMigration> linted = selection.migrations().isEmpty() ? List.of()
                : new MigrationLinter(directory, settings.target().get()).lint(selection.migrations());
        if (DataChecks.needed(linted)) {
            Optional<DataReader> data = settings.data().get();
            if (data.isPresent()) {
                try (DataReader database = data.get()) {
                    linted = DataChecks.resolve(linted, database);
                }
            }
        }
        LintResult result = new LintResult(selection.scope(), linted, settings.failOn());
        settings.report().accept(result);
        return result;
    }

    /**
     * The migration generate just wrote, reviewed on its own from the previous snapshot (cheap: one shadow, one
     * migration), for the comment block generate puts on top of it
     * ({@link io.writerflow.maven.lint.report.LintHeader}). Without a database: the data-dependent findings say
     * "will fail if".
     *
     * @param start what the migration was generated from when not the previous snapshot (generate from the live
     *              database)
     */
    public static LintedMigration generated(MigrationDirectory directory, String tag,
            Optional<MigrationLinter.Start> start) {
        List<LintedMigration> linted = new MigrationLinter(directory, LintTarget.UNKNOWN, start)
                .lint(List.of(directory.find("tag", tag)));
        return linted.get(0);
    }
}
