package io.writerflow.maven.report;

import io.writerflow.maven.engine.MigrationState;
import io.writerflow.maven.engine.MigrationStatus;
import io.writerflow.maven.engine.StatusReport;
import io.writerflow.maven.engine.drift.DriftReport;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The status report as a table for people: one line per migration, the drift, then the counts. */
public final class StatusText {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private StatusText() {
    }

    public static List<String> lines(StatusReport report) {
        List<String> lines = new ArrayList<>();
        lines.add("Database " + report.database() + (report.databaseExists() ? "" : " (not created yet)")
                + ", migrations in " + report.directory() + ", at "
                + report.current().orElse("no migration"));
        if (report.migrations().isEmpty()) {
            lines.add("No migrations.");
            return lines;
        }
        int tagWidth = Math.max(9, report.migrations().stream().mapToInt(m -> m.tag().length()).max().orElse(0));
        int stateWidth = Math.max(8, report.migrations().stream().mapToInt(m -> m.state().label().length()).max()
                .orElse(0));
        String format = "  %-" + tagWidth + "s  %-" + stateWidth + "s  %s";
        lines.add(String.format(format, "migration", "state", "details").stripTrailing());
        for (MigrationStatus m : report.migrations()) {
            lines.add(String.format(format, m.tag(), m.state().label(), details(m)).stripTrailing());
        }
        // before the counts, which stay the last line: the summary a log reader looks for
        lines.addAll(drift(report.drift()));
        Map<MigrationState, Long> counts = report.counts();
        lines.add(counts.entrySet().stream()
                .filter(e -> e.getValue() > 0 || e.getKey() == MigrationState.APPLIED
                        || e.getKey() == MigrationState.PENDING)
                .map(e -> e.getValue() + " " + e.getKey().label())
                .collect(Collectors.joining(", ")) + ".");
        return lines;
    }

    /**
     * One line when the database matches or was not compared, else one more line per difference; nothing
     * for a report whose drift nobody asked about.
     */
    static List<String> drift(DriftReport drift) {
        if (!drift.compared()) {
            // compared field by field, not with the record's equals: its first call costs a fresh JVM ~15 ms
            if (drift.note().equals(DriftReport.NOT_CHECKED.note())) {
                return List.of();
            }
            return List.of("Drift: " + drift.note() + ".");
        }
        if (drift.differences().isEmpty()) {
            return List.of("Drift: none (" + drift.note() + ").");
        }
        List<String> lines = new ArrayList<>();
        int count = drift.differences().size();
        lines.add("Drift: " + count + " difference" + (count == 1 ? "" : "s") + " (" + drift.note() + "):");
        drift.differences().forEach(d -> lines.add("  " + d.message()));
        return lines;
    }

    private static String details(MigrationStatus m) {
        String applied = m.appliedAt() == null ? "" : "applied " + WHEN.format(m.appliedAt())
                + (m.appliedBy() == null || m.appliedBy().isBlank() ? "" : " by " + m.appliedBy())
                + (m.durationMs() == null ? "" : " in " + m.durationMs() + " ms");
        String rolledBack = m.rolledBack() == null ? "" : "rolled back"
                + (m.rolledBack().at() == null ? "" : " " + WHEN.format(m.rolledBack().at()))
                + (m.rolledBack().by() == null || m.rolledBack().by().isBlank() ? "" : " by " + m.rolledBack().by());
        return switch (m.state()) {
            // a migration rolled back and applied again says both
            case APPLIED -> rolledBack.isEmpty() ? applied : applied + "; " + rolledBack + " before";
            case PENDING -> rolledBack;
            case CHANGED -> (m.renumbered() ? "database applied " + m.appliedTag() + " at this version; "
                    : m.file() + " edited after it was applied; ") + applied;
            case FAILED -> "failed; " + applied;
            case MISSING -> "not in the migrations directory; " + applied;
            case SKIPPED -> "not applied, but a later migration is: out of order (apply it with"
                    + " -Dwriterflow.outOfOrder=true)";
            case BEYOND_TARGET -> "after the target: left for a later apply" + (rolledBack.isEmpty() ? ""
                    : "; " + rolledBack);
        };
    }
}
