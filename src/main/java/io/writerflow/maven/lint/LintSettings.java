package io.writerflow.maven.lint;

import io.writerflow.maven.lint.data.DataReader;

import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * How writerflow:lint and writerflow:check lint.
 *
 * @param base   {@code writerflow.base}: lint the migrations new or changed since this git ref
 * @param target the kind of database the migrations are for, looked up only when a statement needs it resolved
 * @param failOn {@code writerflow.lintFailOn}
 * @param data   the configured database, read only, to answer the data-dependent findings; asked only when there
 *               are such findings, and empty when there is no database to read (then they say "will fail if")
 * @param report where the result goes besides the build log (the SARIF file, GitHub annotations), once per run
 */
public record LintSettings(Optional<String> base, Supplier<LintTarget> target, LintFailOn failOn,
                           Supplier<Optional<DataReader>> data, Consumer<LintResult> report) {

    /** Without a database to check the data against, and no report besides the log. */
    public LintSettings(Optional<String> base, Supplier<LintTarget> target, LintFailOn failOn) {
        this(base, target, failOn, Optional::empty, result -> { });
    }
}
