package io.writerflow.maven.fleet;

import io.writerflow.maven.WriterflowException;
import io.writerflow.maven.settings.DatabaseUrl;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The runner: parallelism, the canary stage, the maxFailures brake, and results for every database. */
class FleetRunnerTest {

    private static List<FleetTarget> fleet(int size) {
        return IntStream.rangeClosed(1, size).mapToObj(i -> new FleetTarget("db" + i,
                new DatabaseUrl.File(Path.of("db" + i + ".db"), "file:db" + i + ".db"), "fleet.txt:" + i)).toList();
    }

    private static final FleetOperation.Outcome DONE = new FleetOperation.Outcome(Optional.of("0000_a"),
            Optional.of("0001_b"), List.of("0001_b"));

    private final Set<String> started = ConcurrentHashMap.newKeySet();

    private FleetOperation failing(Set<String> names) {
        return target -> {
            started.add(target.name());
            if (names.contains(target.name())) {
                throw new WriterflowException("Database " + target.name() + " is down.\nSecond line", "Wait.");
            }
            return DONE;
        };
    }

    private static List<DatabaseResult.Status> statuses(FleetResult result) {
        return result.databases().stream().map(DatabaseResult::status).toList();
    }

    @Test
    void runsEveryDatabaseInParallelAndReportsInListOrder() {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        FleetResult result = new FleetRunner(4, 0, 0).run(fleet(20), target -> {
            most.accumulateAndGet(running.incrementAndGet(), Math::max);
            Thread.sleep(30);
            running.decrementAndGet();
            return DONE;
        }, FleetRunner.Listener.NONE);
        assertTrue(result.allOk());
        assertEquals(fleet(20).stream().map(FleetTarget::name).toList(),
                result.databases().stream().map(DatabaseResult::name).toList());
        assertEquals(4, most.get(), "parallel=4 runs four at a time");
        assertEquals(java.util.Map.of("0000_a", 20L), result.before());
        assertEquals(java.util.Map.of("0001_b", 20L), result.after());
    }

    @Test
    void aFailingCanaryStartsNothingElse() {
        FleetResult result = new FleetRunner(8, 3, 100).run(fleet(10), failing(Set.of("db2")),
                FleetRunner.Listener.NONE);
        assertEquals(Set.of("db1", "db2", "db3"), started, "only the canaries ran");
        assertTrue(result.canaryFailed());
        assertEquals(DatabaseResult.Status.FAILED, result.databases().get(1).status());
        assertEquals(7, result.count(DatabaseResult.Status.NOT_STARTED));
        assertEquals(2, result.count(DatabaseResult.Status.OK));
    }

    @Test
    void succeedingCanariesLetTheRestRun() {
        FleetResult result = new FleetRunner(8, 3, 0).run(fleet(10), failing(Set.of()), FleetRunner.Listener.NONE);
        assertTrue(result.allOk());
        assertFalse(result.canaryFailed());
        assertEquals(10, started.size());
    }

    @Test
    void theMaxFailuresBrakeStopsNewDatabasesWhileTheRunningOnesFinish() {
        // one at a time: db2 and db4 fail; with maxFailures=1 the second failure stops the run
        FleetResult result = new FleetRunner(1, 0, 1).run(fleet(8), failing(Set.of("db2", "db4")),
                FleetRunner.Listener.NONE);
        assertEquals(List.of(DatabaseResult.Status.OK, DatabaseResult.Status.FAILED, DatabaseResult.Status.OK,
                DatabaseResult.Status.FAILED, DatabaseResult.Status.NOT_STARTED, DatabaseResult.Status.NOT_STARTED,
                DatabaseResult.Status.NOT_STARTED, DatabaseResult.Status.NOT_STARTED), statuses(result));
        assertEquals(Set.of("db1", "db2", "db3", "db4"), started);
    }

    @Test
    void theDefaultBrakeStopsAtTheFirstFailureButLetsTheRunningOnesFinish() throws Exception {
        java.util.concurrent.CountDownLatch othersRunning = new java.util.concurrent.CountDownLatch(3);
        FleetResult result = new FleetRunner(4, 0, 0).run(fleet(12), target -> {
            started.add(target.name());
            if (target.name().equals("db1")) {
                othersRunning.await(); // db2..db4 are running when db1 fails
                throw new IllegalStateException("boom");
            }
            othersRunning.countDown();
            Thread.sleep(target.name().matches("db[234]") ? 200 : 0);
            return DONE;
        }, FleetRunner.Listener.NONE);
        assertEquals(DatabaseResult.Status.FAILED, result.databases().get(0).status());
        assertEquals(List.of(DatabaseResult.Status.OK, DatabaseResult.Status.OK, DatabaseResult.Status.OK),
                statuses(result).subList(1, 4), "the running ones finish");
        assertEquals(8, result.count(DatabaseResult.Status.NOT_STARTED));
    }

    @Test
    void oneFailingDatabaseDoesNotStopTheOthers() {
        java.util.List<DatabaseResult> told = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        FleetResult result = new FleetRunner(3, 0, 1).run(fleet(9), failing(Set.of("db5")), told::add);
        assertEquals(8, result.count(DatabaseResult.Status.OK));
        assertEquals(1, result.failed().size());
        DatabaseResult failed = result.failed().get(0);
        assertEquals("db5", failed.name());
        assertEquals("file:db5.db", failed.url());
        assertEquals(Optional.of("Database db5 is down."), failed.error(), "the first line only");
        assertEquals(9, told.size());
        List<String> summary = FleetSummary.lines("apply", result);
        assertTrue(summary.get(0).startsWith("Fleet apply: 9 databases, 8 ok, 1 failed, 0 not started"), summary.get(0));
        assertTrue(summary.contains("  FAILED db5 (file:db5.db): Database db5 is down."), summary.toString());
        assertTrue(new FleetFailed("apply", result, "r.json").problem().contains("1 of 9 databases failed"));
    }

    @Test
    void badSettingsAreClearErrors() {
        assertTrue(assertThrows(WriterflowException.class, () -> new FleetRunner(0, 0, 0)).getMessage()
                .contains("writerflow.parallel is 0"));
        assertTrue(assertThrows(WriterflowException.class, () -> new FleetRunner(1, -1, 0)).getMessage()
                .contains("writerflow.canary is -1"));
    }
}
