package io.writerflow.maven.check;

import io.writerflow.maven.migrations.DirectoryCheck.Problem;

import java.util.List;
import java.util.Optional;

/**
 * What {@link ProjectCheck} found.
 *
 * @param directory how messages name the migrations directory
 * @param problems  every problem, each with its next step; empty when the project passes
 * @param schema    how messages name the schema the migrations were compared with, when there was one
 * @param warnings  what does not fail the check but is worth fixing (migrations without a down migration)
 */
public record CheckResult(String directory, List<Problem> problems, Optional<String> schema,
                          List<Problem> warnings) {

    public CheckResult {
        problems = List.copyOf(problems);
        warnings = List.copyOf(warnings);
    }

    public boolean passed() {
        return problems.isEmpty();
    }

    /** The line for a project that passes. */
    public String summary() {
        return "Migrations in " + directory + " are consistent" + schema.map(s -> " and capture " + s).orElse("")
                + ".";
    }

    /** The failure for a project that does not pass: every problem at once, numbered. */
    public CheckFailedException failure() {
        if (passed()) {
            throw new IllegalStateException("the check passed");
        }
        return new CheckFailedException(directory, problems);
    }
}
