package io.writerflow.maven.lint;

import java.util.Optional;

/**
 * One thing a migration does that a reviewer should know before it is applied.
 *
 * @param migration  the migration's tag, {@code 0003_users}
 * @param file       the migration's file as messages name it, {@code drizzle/0003_users.sql}
 * @param line       1-based line of the file where the statement that causes it starts
 * @param message    one sentence, without the code or the severity
 * @param suppressed the reason of the {@code -- writerflow:lint-ignore} comment that silences it, if one does
 * @param condition  for the findings that depend on the data (WF3xx, WF401, WF105): what to ask a database
 */
public record Finding(FindingCode code, Severity severity, String migration, String file, int line, String message,
                      Optional<String> suppressed, Optional<DataCondition> condition) {

    public static Finding of(FindingCode code, String migration, String file, int line, String message) {
        return new Finding(code, code.severity(), migration, file, line, message, Optional.empty(), Optional.empty());
    }

    public Finding withSeverity(Severity other) {
        return new Finding(code, other, migration, file, line, message, suppressed, condition);
    }

    public Finding suppressedBecause(String reason) {
        return new Finding(code, severity, migration, file, line, message, Optional.of(reason), condition);
    }

    public Finding dependingOn(DataCondition on) {
        return new Finding(code, severity, migration, file, line, message, suppressed, Optional.of(on));
    }

    public boolean isSuppressed() {
        return suppressed.isPresent();
    }

    /** Whether it fails the build at the {@code failOn} threshold: not suppressed and severe enough. */
    public boolean fails(LintFailOn failOn) {
        return !isSuppressed() && failOn.fails(severity);
    }
}
