package io.writerflow.maven.fleet;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a fleet run did: every database's result in list order.
 *
 * @param canaries     how many databases formed the canary stage
 * @param canaryFailed whether a canary failed, so that the rest did not start
 */
public record FleetResult(List<DatabaseResult> databases, int canaries, boolean canaryFailed, Duration duration) {

    public FleetResult {
        databases = List.copyOf(databases);
    }

    public long count(DatabaseResult.Status status) {
        return databases.stream().filter(d -> d.status() == status).count();
    }

    public List<DatabaseResult> failed() {
        return databases.stream().filter(d -> d.status() == DatabaseResult.Status.FAILED).toList();
    }

    public boolean allOk() {
        return count(DatabaseResult.Status.OK) == databases.size();
    }

    /** How many databases were at each version before the run (the ones that ran), "none" for no migration. */
    public Map<String, Long> before() {
        return perVersion(true);
    }

    /** How many databases were at each version after the run (the ones that ran). */
    public Map<String, Long> after() {
        return perVersion(false);
    }

    private Map<String, Long> perVersion(boolean before) {
        Map<String, Long> counts = new TreeMap<>();
        for (DatabaseResult d : databases) {
            if (d.status() == DatabaseResult.Status.OK) {
                Optional<String> version = before ? d.before() : d.after();
                counts.merge(version.orElse(NONE), 1L, Long::sum);
            }
        }
        return counts;
    }

    /** The version of a database with no migration applied. */
    public static final String NONE = "(none)";
}
