package io.writerflow.maven.fleet;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which databases of a fleet one run takes, and in which order: the shard of the list, then those a previous
 * report records as failed or not started ({@code writerflow.onlyFailed}), then the canaries first. Says what it
 * chose in one line ({@link #scope}) and what it left out in warnings; refuses (an unknown canary, an unreadable
 * report) before anything runs.
 *
 * @param order    the databases to run, canaries first
 * @param scope    for the log: {@code 40 databases in fleet.txt, 3 of them in shard 2/16}
 * @param warnings databases named but left out of this run, one line each
 */
public record FleetSelection(Canary.Order order, String scope, List<String> warnings) {

    public FleetSelection {
        warnings = List.copyOf(warnings);
    }

    /** A previous report to take the failures of, and how messages name it. */
    public record PreviousReport(Path file, String shownAs) {
    }

    /**
     * @param listed   every database of the list or discovery, in its order
     * @param listedAs the list as messages name it ({@code fleet.txt}, {@code organization acme})
     */
    public static FleetSelection of(List<FleetTarget> listed, String listedAs, Shard shard,
            Optional<PreviousReport> onlyFailed, Canary canary) {
        List<FleetTarget> selected = shard.of(listed);
        String inShard = shard.count() > 1 ? " (shard " + shard + ")" : "";
        StringBuilder scope = new StringBuilder().append(listed.size()).append(" database")
                .append(listed.size() == 1 ? "" : "s").append(" in ").append(listedAs);
        if (shard.count() > 1) {
            scope.append(", ").append(selected.size()).append(" of them in shard ").append(shard);
        }
        List<String> warnings = new ArrayList<>();
        if (onlyFailed.isPresent()) {
            PreviousReport previous = onlyFailed.get();
            Set<String> again = FleetReport.failedIn(previous.file(), previous.shownAs());
            Set<String> names = selected.stream().map(FleetTarget::name).collect(Collectors.toSet());
            again.stream().filter(n -> !names.contains(n)).forEach(n -> warnings.add(n + " failed in "
                    + previous.shownAs() + " but is not in " + listedAs + inShard + "; left alone."));
            selected = selected.stream().filter(t -> again.contains(t.name())).toList();
            scope.append(", ").append(selected.size()).append(" of them failed or not started in ")
                    .append(previous.shownAs());
        }
        if (selected.isEmpty()) {
            return new FleetSelection(new Canary.Order(List.of(), 0, List.of()), scope.toString(), warnings);
        }
        Canary.Order order = canary.order(listed, selected, listedAs);
        List<String> leftOut = order.leftOut();
        if (!leftOut.isEmpty()) {
            warnings.add("Canar" + (leftOut.size() == 1 ? "y " : "ies ") + String.join(", ", leftOut)
                    + " of writerflow.canary " + (leftOut.size() == 1 ? "is" : "are") + " not in this run" + inShard
                    + "; left out of its canary stage.");
        }
        return new FleetSelection(order, scope.toString(), warnings);
    }

    /** The databases this run takes, canaries first. */
    public List<FleetTarget> targets() {
        return order.targets();
    }

    public boolean isEmpty() {
        return order.targets().isEmpty();
    }
}
