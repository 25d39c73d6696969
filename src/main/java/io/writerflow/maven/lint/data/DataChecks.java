package io.writerflow.maven.lint.data;

import io.writerflow.maven.WriterflowException;
import io.writerflow.maven.lint.DataCondition;
import io.writerflow.maven.lint.Finding;
import io.writerflow.maven.lint.FindingCode;
import io.writerflow.maven.lint.LintedMigration;
import io.writerflow.maven.lint.Severity;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Answers the data-dependent findings (WF3xx, WF401, WF105) with a real database: all their queries
 * ({@link DataQueries}) in one read, then each finding becomes what the data says.
 *
 * <ul>
 *   <li>offending rows: the finding says how many and names a few ("will fail: 3 duplicate values of users
 *       (email), e.g. 'a@x'"), and a WF3xx becomes an error, since it will fail there; a rebuild (WF401) says how
 *       many rows it copies while writes wait;</li>
 *   <li>none, or the table does not exist there yet (an earlier migration of the run creates it): the finding is
 *       <em>cleared</em>, moved out of the findings into {@link LintedMigration#cleared}, which the log lists as
 *       checked; it no longer fails the build;</li>
 *   <li>a query that fails (a function the database lacks, a column an earlier pending migration adds): the
 *       finding stays as it was and says the check could not run, and why.</li>
 * </ul>
 * Suppressed findings are not asked about: they were reviewed.
 */
public final class DataChecks {

    private DataChecks() {
    }

    /** Whether any finding waits for the data: only then is a database opened. */
    public static boolean needed(List<LintedMigration> migrations) {
        return migrations.stream().flatMap(m -> m.findings().stream()).anyMatch(DataChecks::checked);
    }

    public static List<LintedMigration> resolve(List<LintedMigration> migrations, DataReader database) {
        List<String> queries = new ArrayList<>(List.of(DataQueries.TABLES));
        List<Finding> asked = new ArrayList<>();
        migrations.stream().flatMap(m -> m.findings().stream()).filter(DataChecks::checked).forEach(finding -> {
            asked.add(finding);
            queries.add(DataQueries.of(finding.condition().get()).orElse(null));
        });
        List<String> sent = queries.stream().filter(q -> q != null).toList();
        List<DataReader.Answer> answers;
        try {
            answers = database.read(sent);
        } catch (WriterflowException e) {
            return unanswered(migrations, "the data check could not reach " + database.described() + ": "
                    + e.problem());
        }
        if (answers.size() != sent.size() || answers.get(0).error().isPresent()) {
            // without the list of tables, a missing table and an empty one look alike: nothing is cleared
            return unanswered(migrations, "the data check could not read the tables of " + database.described()
                    + answers.stream().findFirst().flatMap(DataReader.Answer::error).map(e -> ": " + e).orElse(""));
        }
        Set<String> tables = new HashSet<>();
        answers.get(0).rows().forEach(row -> tables.add(String.valueOf(row.get(0)).toLowerCase(Locale.ROOT)));
        List<Outcome> outcomes = new ArrayList<>();
        int next = 1;
        for (int i = 0; i < asked.size(); i++) {
            Optional<DataReader.Answer> answer = queries.get(i + 1) == null ? Optional.empty()
                    : Optional.of(answers.get(next++));
            outcomes.add(outcome(asked.get(i), answer, tables, database.described()));
        }
        List<LintedMigration> resolved = new ArrayList<>();
        for (LintedMigration migration : migrations) {
            List<Finding> findings = new ArrayList<>();
            List<Finding> cleared = new ArrayList<>(migration.cleared());
            for (Finding finding : migration.findings()) {
                int at = indexOf(asked, finding);
                if (at < 0) {
                    findings.add(finding);
                } else if (outcomes.get(at).cleared()) {
                    cleared.add(outcomes.get(at).finding());
                } else {
                    findings.add(outcomes.get(at).finding());
                }
            }
            resolved.add(new LintedMigration(migration.tag(), migration.file(), migration.name(), findings, cleared));
        }
        return resolved;
    }

    private static List<LintedMigration> unanswered(List<LintedMigration> migrations, String why) {
        return migrations.stream().map(m -> new LintedMigration(m.tag(), m.file(), m.name(), m.findings().stream()
                .map(f -> checked(f) ? couldNotRun(f, why) : f).toList(), m.cleared())).toList();
    }

    /** What became of a finding: the finding as it now reads, and whether the data cleared it. */
    private record Outcome(Finding finding, boolean cleared) {
    }

    private static boolean checked(Finding finding) {
        return finding.condition().isPresent() && !finding.isSuppressed();
    }

    /** By identity: two findings of one migration may read the same. */
    private static int indexOf(List<Finding> asked, Finding finding) {
        for (int i = 0; i < asked.size(); i++) {
            if (asked.get(i) == finding) {
                return i;
            }
        }
        return -1;
    }

    private static Outcome outcome(Finding finding, Optional<DataReader.Answer> answer, Set<String> tables,
            String database) {
        DataCondition condition = finding.condition().get();
        if (!tables.contains(condition.table().toLowerCase(Locale.ROOT))) {
            return new Outcome(rewritten(finding, "checked on " + database + ": it has no table "
                    + condition.table() + " yet, so no rows", finding.severity()), true);
        }
        if (answer.isEmpty()) {
            return new Outcome(couldNotRun(finding, "the data check cannot ask this of " + database), false);
        }
        if (answer.get().error().isPresent()) {
            String error = answer.get().error().get();
            if (condition instanceof DataCondition.Orphans o
                    && !tables.contains(o.parent().toLowerCase(Locale.ROOT))) {
                error = database + " has no table " + o.parent() + " yet";
            }
            return new Outcome(couldNotRun(finding, "the data check on " + database + " could not run: " + error),
                    false);
        }
        List<List<Object>> rows = answer.get().rows();
        long count = rows.isEmpty() ? 0 : number(rows.get(0).get(rows.get(0).size() - 1));
        if (count == 0) {
            return new Outcome(rewritten(finding, "checked on " + database + ": no offending rows",
                    finding.severity()), true);
        }
        return new Outcome(found(finding, condition, count, examples(rows), database), false);
    }

    /** The finding with the data's answer: how many rows, and which, in place of "will fail if". */
    private static Finding found(Finding finding, DataCondition condition, long count, String examples,
            String database) {
        String n = String.format(Locale.ROOT, "%,d", count);
        String table = condition.table();
        if (finding.code() == FindingCode.TABLE_REBUILD) {
            return with(finding, finding.message() + " (" + table + " has " + rows(n, count) + " on " + database
                    + ")", finding.severity());
        }
        if (finding.code() == FindingCode.REBUILD_WITHOUT_COPY) {
            return with(finding, finding.message() + " (" + rows(n, count) + " of " + table + " on " + database
                    + ")", Severity.ERROR);
        }
        if (condition instanceof DataCondition.Rows) {
            // a NOT NULL column a rebuild adds: whether its copy gives each row a value, the SQL says, not the data
            return rewritten(finding, table + " has " + rows(n, count) + " on " + database
                    + ", which fail unless the copy gives each a value", finding.severity());
        }
        String what;
        if (condition instanceof DataCondition.Duplicates d) {
            what = n + " duplicate value" + (count == 1 ? "" : "s") + " of " + table + " ("
                    + String.join(", ", d.columns()) + ")";
        } else if (condition instanceof DataCondition.Nulls nulls) {
            what = rows(n, count) + " of " + table + " where " + nulls.column() + " is NULL";
        } else if (condition instanceof DataCondition.Orphans o) {
            what = rows(n, count) + " of " + table + " whose " + String.join(", ", o.columns()) + " match no row of "
                    + o.parent();
        } else {
            what = rows(n, count) + " of " + table + " the CHECK rejects";
        }
        return rewritten(finding, "will fail: " + what + " on " + database + (examples.isEmpty() ? ""
                : " (e.g. " + examples + ")"), Severity.ERROR);
    }

    private static Finding couldNotRun(Finding finding, String why) {
        return with(finding, finding.message() + " (" + why + ")", finding.severity());
    }

    /** The message up to its ": will fail if ...", followed by {@code tail}. */
    private static Finding rewritten(Finding finding, String tail, Severity severity) {
        String message = finding.message();
        int cut = message.indexOf(": will fail if ");
        return with(finding, (cut < 0 ? message : message.substring(0, cut)) + ": " + tail, severity);
    }

    private static Finding with(Finding finding, String message, Severity severity) {
        return new Finding(finding.code(), severity, finding.migration(), finding.file(), finding.line(), message,
                finding.suppressed(), finding.condition());
    }

    /** The example keys of the rows, {@code 'a@x', 'b@y'}; a composite key in parentheses. */
    private static String examples(List<List<Object>> rows) {
        return rows.stream().filter(row -> row.size() > 1).map(row -> {
            List<Object> key = row.subList(0, row.size() - 1);
            String shown = key.stream().map(DataChecks::literal).collect(Collectors.joining(", "));
            return key.size() == 1 ? shown : "(" + shown + ")";
        }).collect(Collectors.joining(", "));
    }

    private static String literal(Object value) {
        if (value == null) {
            return "NULL";
        }
        if (value instanceof Number) {
            return value.toString();
        }
        if (value instanceof byte[] bytes) {
            return "a " + bytes.length + "-byte blob";
        }
        String text = value.toString();
        return "'" + (text.length() > 40 ? text.substring(0, 40) + "..." : text).replace("'", "''") + "'";
    }

    private static long number(Object value) {
        return value instanceof Number n ? n.longValue() : Long.parseLong(String.valueOf(value));
    }

    private static String rows(String n, long count) {
        return n + " row" + (count == 1 ? "" : "s");
    }
}
