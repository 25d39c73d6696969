package io.writerflow.maven.fleet;

import io.writerflow.maven.WriterflowException;
import io.writerflow.maven.settings.DatabaseUrl;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** writerflow.canary: a number or names, and the order the runner gets. */
class FleetCanaryTest {

    private static final List<FleetTarget> LIST = Stream.of("a", "b", "c", "d", "e").map(n -> new FleetTarget(n,
            new DatabaseUrl.File(Path.of(n + ".db"), "file:" + n + ".db"), "fleet.txt")).toList();

    private static List<String> names(List<FleetTarget> targets) {
        return targets.stream().map(FleetTarget::name).toList();
    }

    @Test
    void aNumberIsTheFirstOfTheList() {
        Canary.Order order = Canary.parse("2").order(LIST, LIST, "fleet.txt");
        assertEquals(List.of("a", "b", "c", "d", "e"), names(order.targets()));
        assertEquals(2, order.canaries());
        assertEquals("the first 2 as canaries", order.describe(Canary.parse("2")));
        assertEquals(5, Canary.parse("9").order(LIST, LIST, "fleet.txt").canaries());
        assertEquals(0, Canary.parse(null).order(LIST, LIST, "fleet.txt").canaries());
        assertEquals(0, Canary.parse("0").order(LIST, LIST, "fleet.txt").canaries());
    }

    @Test
    void namesRunFirstInTheOrderGivenAndTheRestInListOrder() {
        Canary canary = Canary.parse(" d, b ,d");
        Canary.Order order = canary.order(LIST, LIST, "fleet.txt");
        assertEquals(List.of("d", "b", "a", "c", "e"), names(order.targets()));
        assertEquals(2, order.canaries());
        assertEquals("canaries d, b", order.describe(canary));
    }

    @Test
    void unknownNamesAreNamedWithTheListAndNothingRuns() {
        WriterflowException e = assertThrows(WriterflowException.class,
                () -> Canary.parse("b,zed,why").order(LIST, LIST, "fleet.txt"));
        assertEquals("writerflow.canary names zed, why, which are not in fleet.txt; nothing was run.", e.problem());
    }

    @Test
    void aNamedCanaryOutsideTheShardIsLeftOut() {
        List<FleetTarget> shard = List.of(LIST.get(0), LIST.get(2), LIST.get(4)); // a, c, e
        Canary.Order order = Canary.parse("b,e").order(LIST, shard, "fleet.txt");
        assertEquals(List.of("e", "a", "c"), names(order.targets()));
        assertEquals(1, order.canaries());
        assertEquals(List.of("b"), order.leftOut());
    }

    @Test
    void aNegativeNumberIsRefused() {
        assertTrue(assertThrows(WriterflowException.class, () -> Canary.parse("-1")).problem()
                .startsWith("writerflow.canary is -1, which cannot be negative"));
    }

    @Test
    void theRunnerRunsTheNamedCanariesFirst() {
        Canary.Order order = Canary.parse("e").order(LIST, LIST, "fleet.txt");
        FleetResult result = new FleetRunner(4, order.canaries(), 0).run(order.targets(), t -> {
            throw new IllegalStateException(t.name() + " down");
        }, FleetRunner.Listener.NONE);
        assertTrue(result.canaryFailed());
        assertEquals(1, result.count(DatabaseResult.Status.FAILED));
        assertEquals("e", result.failed().get(0).name());
        assertEquals("  A canary failed (e ran first), so no other database was started.",
                FleetSummary.lines("apply", result).get(1));
    }
}
