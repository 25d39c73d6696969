package io.writerflow.maven.fleet;

import io.writerflow.maven.status.GateFailure;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What a fleet run did to one database.
 *
 * @param name       the database's name in the list
 * @param url        its URL, without secrets
 * @param status     ok, failed, or not started
 * @param before     its last applied migration (tag) before the run, when known
 * @param after      its last applied migration after the run, when known
 * @param migrations the migrations applied (apply), rolled back (rollback) or pending (status)
 * @param duration   how long its operation took; zero when it did not start
 * @param error      the first line of its failure, when it failed
 * @param drift      (status) how it drifted from its migrations, in short, when it did
 * @param gates      (status) the gates ({@code failOnPending}, ...) it fails
 */
public record DatabaseResult(String name, String url, Status status, Optional<String> before, Optional<String> after,
                             List<String> migrations, Duration duration, Optional<String> error,
                             Optional<String> drift, List<GateFailure> gates) {

    public DatabaseResult {
        migrations = List.copyOf(migrations);
        gates = List.copyOf(gates);
    }

    /** A result without status findings (apply, rollback). */
    public DatabaseResult(String name, String url, Status status, Optional<String> before, Optional<String> after,
                          List<String> migrations, Duration duration, Optional<String> error) {
        this(name, url, status, before, after, migrations, duration, error, Optional.empty(), List.of());
    }

    public enum Status {
        OK("ok"), FAILED("failed"), NOT_STARTED("not started");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    static DatabaseResult ok(FleetTarget target, FleetOperation.Outcome outcome, Duration duration) {
        return new DatabaseResult(target.name(), target.display(), Status.OK, outcome.before(), outcome.after(),
                outcome.migrations(), duration, Optional.empty(), outcome.drift(), outcome.gates());
    }

    static DatabaseResult failed(FleetTarget target, String error, Duration duration) {
        return new DatabaseResult(target.name(), target.display(), Status.FAILED, Optional.empty(), Optional.empty(),
                List.of(), duration, Optional.of(error));
    }

    static DatabaseResult notStarted(FleetTarget target) {
        return new DatabaseResult(target.name(), target.display(), Status.NOT_STARTED, Optional.empty(),
                Optional.empty(), List.of(), Duration.ZERO, Optional.empty());
    }
}
