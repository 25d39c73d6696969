package io.writerflow.maven.fleet;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The fleet's summary for the build log: counts, databases per version before and after, the failed ones. */
public final class FleetSummary {

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
        lines.add("  Before: " + versions(result.before()));
        lines.add("  After:  " + versions(result.after()));
        for (DatabaseResult failed : result.failed()) {
            lines.add("  FAILED " + failed.name() + " (" + failed.url() + "): " + failed.error().orElse(""));
        }
        return lines;
    }

    private static String versions(Map<String, Long> counts) {
        return counts.isEmpty() ? "-" : counts.entrySet().stream().map(e -> e.getKey() + " x" + e.getValue())
                .collect(Collectors.joining(", "));
    }
}
