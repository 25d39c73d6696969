package io.writerflow.maven.status;

import io.writerflow.maven.engine.MigrationState;
import io.writerflow.maven.engine.MigrationStatus;
import io.writerflow.maven.engine.NextSteps;
import io.writerflow.maven.engine.StatusReport;
import io.writerflow.maven.engine.drift.Drift;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The status goal's CI gates: which findings of a {@link StatusReport} fail the build. The report itself is
 * always written; the gates only decide, so that a pipeline can read the report and still be stopped.
 *
 * @param failOnPending   fail while any migration is pending
 * @param failOnDrift     fail when the database's schema differs from its last applied migration's snapshot
 * @param failOnChanged   fail when an applied migration's file was edited since it was applied
 * @param changedByCiMode whether {@code failOnChanged} is on only because of CI mode, which the failure says, so
 *                        that a developer surprised by it learns where it came from
 */
public record StatusGates(boolean failOnPending, boolean failOnDrift, boolean failOnChanged,
                          boolean changedByCiMode) {

    /** How many differences a drift failure names; the report lists them all. */
    static final int FIRST_DIFFERENCES = 5;

    /** The states apply refuses to run past, warned about whatever the gates say. */
    private static final Set<MigrationState> BLOCKING = EnumSet.of(MigrationState.CHANGED, MigrationState.FAILED,
            MigrationState.MISSING, MigrationState.SKIPPED);

    /**
     * @param failOnChanged the setting, or null when unset: then it follows CI mode
     * @param ciMode        whether the build runs in CI ({@link CiMode#detect})
     */
    public static StatusGates of(boolean failOnPending, boolean failOnDrift, Boolean failOnChanged, boolean ciMode) {
        boolean changed = failOnChanged != null ? failOnChanged : ciMode;
        return new StatusGates(failOnPending, failOnDrift, changed, failOnChanged == null && ciMode);
    }

    /** The warnings and the failed gates for this report, changed first, then pending, then drift. */
    public GateResult evaluate(StatusReport report) {
        List<String> warnings = report.migrations().stream().filter(m -> BLOCKING.contains(m.state()))
                .map(m -> m.tag() + " is " + m.state().label() + "; apply will refuse to run until it is resolved.")
                .toList();
        List<GateFailure> failures = new ArrayList<>();
        if (failOnChanged) {
            changed(report).ifPresent(failures::add);
        }
        if (failOnPending) {
            pending(report).ifPresent(failures::add);
        }
        if (failOnDrift) {
            drift(report).ifPresent(failures::add);
        }
        return new GateResult(warnings, failures);
    }

    private Optional<GateFailure> changed(StatusReport report) {
        List<MigrationStatus> changed = report.migrations().stream()
                .filter(m -> m.state() == MigrationState.CHANGED).toList();
        if (changed.isEmpty()) {
            return Optional.empty();
        }
        boolean one = changed.size() == 1;
        return Optional.of(new GateFailure(Gate.CHANGED, changed.size() + " applied migration"
                + (one ? " was" : "s were") + " edited since " + report.database() + " applied "
                + (one ? "it" : "them") + " (" + changed.stream().map(MigrationStatus::file)
                .collect(Collectors.joining(", ")) + ")" + (changedByCiMode ? " (failOnChanged is on in CI mode)" : "")
                + ".", NextSteps.restoreEdited(changed.get(0).file())));
    }

    private static Optional<GateFailure> pending(StatusReport report) {
        List<String> pending = report.migrations().stream().filter(m -> m.state() == MigrationState.PENDING)
                .map(MigrationStatus::tag).toList();
        if (pending.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new GateFailure(Gate.PENDING, pending.size() + " migration"
                + (pending.size() == 1 ? " is" : "s are") + " pending (" + String.join(", ", pending) + ") on "
                + report.database() + ".", "run mvn writerflow:apply, or drop -D" + Gate.PENDING.setting()
                + " to only report them."));
    }

    private static Optional<GateFailure> drift(StatusReport report) {
        List<Drift> drift = report.drift().differences();
        if (drift.isEmpty()) {
            return Optional.empty();
        }
        String more = drift.size() > FIRST_DIFFERENCES
                ? "\n    ... and " + (drift.size() - FIRST_DIFFERENCES) + " more (see the report above)" : "";
        return Optional.of(new GateFailure(Gate.DRIFT, report.database() + " has drifted from its migrations: "
                + drift.size() + " difference" + (drift.size() == 1 ? "" : "s") + " (" + report.drift().note()
                + "):\n    " + drift.stream().limit(FIRST_DIFFERENCES).map(Drift::message)
                .collect(Collectors.joining("\n    ")) + more,
                "revert the out-of-band change; or, to keep it, put it into the schema and run mvn"
                        + " writerflow:generate (which compares the schema with the latest snapshot), then apply the"
                        + " migration to the other databases; drop -D" + Gate.DRIFT.setting() + " to only report it."));
    }
}
