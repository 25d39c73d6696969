package io.writerflow.maven.fleet;

import java.util.List;
import java.util.Optional;

/**
 * What a fleet does to each database: one call on the engine (apply, status, rollback), with the one-database
 * guarantees that call keeps (the lock, each migration atomic with its history). A failure is thrown.
 */
@FunctionalInterface
public interface FleetOperation {

    Outcome run(FleetTarget target) throws Exception;

    /**
     * @param before     the last applied migration before, if any
     * @param after      the last applied migration after, if any
     * @param migrations the migrations applied, rolled back, or (status) pending
     */
    record Outcome(Optional<String> before, Optional<String> after, List<String> migrations) {

        public Outcome {
            migrations = List.copyOf(migrations);
        }
    }
}
