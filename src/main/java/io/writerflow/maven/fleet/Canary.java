package io.writerflow.maven.fleet;

import io.writerflow.maven.WriterflowException;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The canary stage ({@code writerflow.canary}): a number, the first N databases in list order, or a
 * comma-separated list of names, which run first in that order. The runner runs the first {@link Order#canaries}
 * of {@link Order#targets} as its canary stage.
 *
 * @param count how many databases, first in list order; used when {@code names} is empty
 * @param names the canaries by name, in the order given
 */
public record Canary(int count, List<String> names) {

    private static final Pattern NUMBER = Pattern.compile("-?\\d{1,9}");

    public static final Canary NONE = new Canary(0, List.of());

    public Canary {
        names = List.copyOf(names);
    }

    /** Parses the setting; null or blank is no canary stage. */
    public static Canary parse(String text) {
        if (text == null || text.isBlank()) {
            return NONE;
        }
        String value = text.strip();
        if (NUMBER.matcher(value).matches()) {
            int count = Integer.parseInt(value);
            if (count < 0) {
                throw new WriterflowException("writerflow.canary is " + count + ", which cannot be negative. Nothing"
                        + " was run.", "Set it to 0 or more, or to the canaries' names separated by commas.");
            }
            return new Canary(count, List.of());
        }
        Set<String> names = new LinkedHashSet<>(); // a name given twice is one canary
        for (String name : value.split(",")) {
            if (!name.isBlank()) {
                names.add(name.strip());
            }
        }
        return new Canary(0, List.copyOf(names));
    }

    /**
     * The run's order and canary count.
     *
     * @param targets   the databases to run, the canaries first
     * @param canaries  how many of them, first, form the canary stage
     * @param leftOut   canaries named in the list but not in this run (another shard, or not failed in the
     *                  {@code onlyFailed} report): ignored here, said in one warning
     */
    public record Order(List<FleetTarget> targets, int canaries, List<String> leftOut) {

        public Order {
            targets = List.copyOf(targets);
            leftOut = List.copyOf(leftOut);
        }

        /** For the log: {@code the first 2 as canaries} or {@code canaries tenant-a, tenant-b}; empty without. */
        public String describe(Canary canary) {
            return canaries == 0 ? "" : canary.names().isEmpty() ? "the first " + canaries + " as canaries"
                    : "canaries " + targets.subList(0, canaries).stream().map(FleetTarget::name)
                    .collect(Collectors.joining(", "));
        }
    }

    /**
     * Orders {@code selected} (the databases this run takes, in list order) for the canary stage. A name not in
     * {@code listed} (the whole list) fails before anything runs, naming the unknown names and the list; a name
     * in the list but not selected is left out of this run's canaries: each shard runs its own canaries, and
     * warning once is enough to catch a typo'd shard setup without failing the other shards.
     *
     * @param listedAs the list as messages name it
     */
    public Order order(List<FleetTarget> listed, List<FleetTarget> selected, String listedAs) {
        if (names.isEmpty()) {
            return new Order(selected, Math.min(count, selected.size()), List.of());
        }
        Set<String> known = listed.stream().map(FleetTarget::name).collect(Collectors.toSet());
        List<String> unknown = names.stream().filter(n -> !known.contains(n)).toList();
        if (!unknown.isEmpty()) {
            throw new WriterflowException("writerflow.canary names " + String.join(", ", unknown) + ", which "
                    + (unknown.size() == 1 ? "is" : "are") + " not in " + listedAs + "; nothing was run.",
                    "Name canaries as " + listedAs + " names them (such as " + listed.get(0).name()
                            + "), separated by commas, or give a number: the first N of the list.");
        }
        Map<String, FleetTarget> byName = selected.stream()
                .collect(Collectors.toMap(FleetTarget::name, Function.identity()));
        List<FleetTarget> ordered = new ArrayList<>();
        List<String> leftOut = new ArrayList<>();
        for (String name : names) {
            Optional.ofNullable(byName.get(name)).ifPresentOrElse(ordered::add, () -> leftOut.add(name));
        }
        int canaries = ordered.size();
        selected.stream().filter(t -> !names.contains(t.name())).forEach(ordered::add);
        return new Order(ordered, canaries, leftOut);
    }
}
