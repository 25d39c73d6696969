package io.writerflow.maven.lint;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * How writerflow:lint and writerflow:check lint.
 *
 * @param base   {@code writerflow.base}: lint the migrations new or changed since this git ref
 * @param target the kind of database the migrations are for, looked up only when a statement needs it resolved
 * @param failOn {@code writerflow.lintFailOn}
 */
public record LintSettings(Optional<String> base, Supplier<LintTarget> target, LintFailOn failOn) {
}
