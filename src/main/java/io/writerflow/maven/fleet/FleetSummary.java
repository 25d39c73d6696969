package io.writerflow.maven.fleet;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The fleet's summary for the build log: counts, databases per version before and after (for status: per version,
 * the ones behind and the drifted ones), the failed ones.
 */
public final class FleetSummary {

    /** How many databases a line names; the report has them all. */
    static final int NAMED = 10;

    private FleetSummary() {
    }

    /** @param verb what the operation did, for the headline ("applied", "rolled back", "checked") */
    public static List<String> lines(String operation, FleetResult result) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format("Fleet %s: %d database%s, %d ok, %d failed, %d not started, in %d ms", operation,
                result.databases().size(), result.databases().size() == 1 ? "" : "s",
                result.count(DatabaseResult.Status.OK), result.count(DatabaseResult.Status.FAILED),
                result.count(DatabaseResult.Status.NOT_STARTED), result.duration().toMillis()));
        if (result.canaryFailed()) {
            lines.add("  A canary failed (" + result.databases().subList(0, result.canaries()).stream()
                    .map(DatabaseResult::name).collect(Collectors.joining(", ")) + " ran first), so no other database"
                    + " was started.");
        }
        if (operation.equals("status")) {
            // status changes nothing: one line of versions, then who is behind and who drifted
            lines.add("  Versions: " + versions(result.after()));
            List<String> behind = result.databases().stream().filter(d -> d.status() == DatabaseResult.Status.OK
                    && !d.migrations().isEmpty()).map(d -> d.name() + " (" + d.migrations().size() + " pending)")
                    .toList();
            if (!behind.isEmpty()) {
                lines.add("  Behind (" + behind.size() + "): " + named(behind, NAMED));
            }
            List<String> drifted = result.databases().stream().filter(d -> d.drift().isPresent())
                    .map(d -> d.name() + " (" + d.drift().get() + ")").toList();
            if (!drifted.isEmpty()) {
                lines.add("  Drifted (" + drifted.size() + "): " + named(drifted, NAMED));
            }
        } else {
            lines.add("  Before: " + versions(result.before()));
            lines.add("  After:  " + versions(result.after()));
        }
        for (DatabaseResult failed : result.failed()) {
            lines.add("  FAILED " + failed.name() + " (" + failed.url() + "): " + failed.error().orElse(""));
        }
        return lines;
    }

    /** {@code a, b, c and 7 more}: at most {@code limit} names. */
    static String named(List<String> names, int limit) {
        String first = String.join(", ", names.subList(0, Math.min(limit, names.size())));
        return names.size() > limit ? first + " and " + (names.size() - limit) + " more" : first;
    }

    private static String versions(Map<String, Long> counts) {
        return counts.isEmpty() ? "-" : counts.entrySet().stream().map(e -> e.getKey() + " x" + e.getValue())
                .collect(Collectors.joining(", "));
    }
}
