package io.writerflow.maven.lint;

import io.writerflow.maven.WriterflowException;
import io.writerflow.maven.lint.analysis.Suppressions;

import java.util.List;
import java.util.stream.Collectors;

/** A lint with findings at or above {@code writerflow.lintFailOn}: each named by file:line and code. */
public class LintFailedException extends WriterflowException {

    public LintFailedException(LintResult result) {
        super(problem(result), nextStep(result));
    }

    public static String problem(LintResult result) {
        List<Finding> failing = result.failing();
        return "The lint found " + failing.size() + " finding" + (failing.size() == 1 ? "" : "s") + " at or above "
                + result.failOn().label() + " in the " + reviewed(result) + ":\n" + failing.stream()
                .map(f -> "  " + f.file() + ":" + f.line() + " " + f.code().code() + " " + f.message())
                .collect(Collectors.joining("\n"));
    }

    private static String reviewed(LintResult result) {
        int n = result.migrations().size();
        return n + " migration" + (n == 1 ? "" : "s") + " it reviewed (" + result.scope() + ")";
    }

    public static String nextStep(LintResult result) {
        return "Change the migration, or, where the finding is intended, write -- " + Suppressions.MARKER + " "
                + result.failing().get(0).code().code() + " <why it is safe> on the line above the statement;"
                + " -D" + LintFailOn.PROPERTY + "=none reports without failing.";
    }
}
