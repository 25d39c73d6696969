package io.writerflow.maven.fleet;

import io.writerflow.maven.status.Gate;
import io.writerflow.maven.status.GateFailure;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * status's gates ({@code failOnPending}, {@code failOnDrift}, {@code failOnChanged}) across a fleet: each database is
 * judged by the one-database {@link io.writerflow.maven.status.StatusGates} while the fleet runs, and a gate fails
 * the goal when any database fails it, naming how many and the first few, after the report is written.
 */
public final class FleetGates {

    /** How many databases a gate's failure names; the summary and the report name them all. */
    static final int FIRST = 5;

    private FleetGates() {
    }

    /** The gates the fleet fails, in the one-database order (changed, pending, drift). */
    public static List<GateFailure> failures(FleetResult result, String report) {
        List<GateFailure> failures = new ArrayList<>();
        int size = result.databases().size();
        for (Gate gate : Gate.values()) {
            List<String> names = new ArrayList<>();
            Optional<GateFailure> first = Optional.empty();
            for (DatabaseResult d : result.databases()) {
                Optional<GateFailure> own = d.gates().stream().filter(g -> g.gate() == gate).findFirst();
                if (own.isPresent()) {
                    names.add(gate == Gate.PENDING ? d.name() + " (" + d.migrations().size() + " pending)" : d.name());
                    first = first.or(() -> own);
                }
            }
            if (first.isPresent()) {
                failures.add(new GateFailure(gate, names.size() + " of " + size + " database" + (size == 1 ? "" : "s")
                        + " " + finding(gate, names.size() == 1) + " (" + gate.setting() + "): "
                        + FleetSummary.named(names, FIRST) + "; report: " + report,
                        // one database's next step holds for each of them
                        first.get().nextStep()));
            }
        }
        return failures;
    }

    private static String finding(Gate gate, boolean one) {
        return switch (gate) {
            case CHANGED -> (one ? "has" : "have") + " applied migrations edited since";
            case PENDING -> (one ? "is" : "are") + " behind";
            case DRIFT -> (one ? "has" : "have") + " drifted from the migrations";
        };
    }
}
