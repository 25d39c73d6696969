package io.writerflow.maven.lint.report;

import io.writerflow.maven.lint.Finding;
import io.writerflow.maven.lint.LintResult;
import io.writerflow.maven.lint.LintedMigration;
import io.writerflow.maven.lint.Severity;

import java.util.ArrayList;
import java.util.List;

/**
 * The build log's view of a lint: per migration a header, then one line per finding,
 * {@code   0003_users.sql:4  WF201 error  adds NOT NULL column ...}, then one summary line. Each line carries the
 * level to log it at: findings that fail the build as errors, other findings as warnings, suppressed ones and the
 * rest as information. Findings the database's data cleared follow a migration's findings, as information
 * ({@code WF301 cleared  adds UNIQUE ...: checked on prod.db: no offending rows}).
 */
public final class LintLog {

    /** The level a line is logged at. */
    public enum Level { INFO, WARN, ERROR }

    public record Line(Level level, String text) {
    }

    private LintLog() {
    }

    public static List<Line> lines(LintResult result) {
        List<Line> lines = new ArrayList<>();
        if (result.migrations().isEmpty()) {
            lines.add(new Line(Level.INFO, "Lint: no migration to review (" + result.scope() + ")."));
            return lines;
        }
        for (LintedMigration migration : result.migrations()) {
            int count = migration.findings().size();
            lines.add(new Line(Level.INFO, "Lint " + migration.file() + ": " + (count == 0 ? "no findings"
                    : count + " finding" + (count == 1 ? "" : "s"))));
            for (Finding finding : migration.findings()) {
                lines.add(new Line(level(finding, result), line(migration.name(), finding)));
            }
            for (Finding finding : migration.cleared()) {
                lines.add(new Line(Level.INFO, "  " + migration.name() + ":" + finding.line() + "  "
                        + finding.code().code() + " cleared  " + finding.message()));
            }
        }
        lines.add(new Line(result.passed() ? Level.INFO : Level.ERROR, summary(result)));
        return lines;
    }

    /** {@code   0003_users.sql:4  WF201 error  adds ...}; a suppressed one ends with its reason. */
    public static String line(String name, Finding finding) {
        return "  " + name + ":" + finding.line() + "  " + finding.code().code() + " "
                + (finding.isSuppressed() ? "suppressed" : finding.severity().label()) + "  " + finding.message()
                + finding.suppressed().map(reason -> " (suppressed: " + reason + ")").orElse("");
    }

    public static String summary(LintResult result) {
        int migrations = result.migrations().size();
        return "Lint of " + migrations + " migration" + (migrations == 1 ? "" : "s") + " (" + result.scope() + "): "
                + count(result.count(Severity.ERROR), "error") + ", " + count(result.count(Severity.WARNING), "warning")
                + ", " + result.suppressed() + " suppressed; " + (result.passed() ? "passes" : "fails") + " at "
                + "writerflow.lintFailOn=" + result.failOn().label() + ".";
    }

    private static Level level(Finding finding, LintResult result) {
        if (finding.isSuppressed()) {
            return Level.INFO;
        }
        return finding.fails(result.failOn()) ? Level.ERROR : Level.WARN;
    }

    private static String count(long n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }
}
