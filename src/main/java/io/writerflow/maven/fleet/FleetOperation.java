package io.writerflow.maven.fleet;

import io.writerflow.maven.status.GateFailure;

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
     * @param drift      (status) how the database drifted from its migrations, in short, when it did
     * @param gates      (status) the gates this database fails; the fleet's gate fails on them after the run, so
     *                   that a database behind is reported as behind, not as failed
     */
    record Outcome(Optional<String> before, Optional<String> after, List<String> migrations, Optional<String> drift,
                   List<GateFailure> gates) {

        public Outcome {
            migrations = List.copyOf(migrations);
            gates = List.copyOf(gates);
        }

        /** apply's and rollback's outcome: no drift checked, no gate. */
        public Outcome(Optional<String> before, Optional<String> after, List<String> migrations) {
            this(before, after, migrations, Optional.empty(), List.of());
        }
    }
}
