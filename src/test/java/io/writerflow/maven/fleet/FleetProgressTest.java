package io.writerflow.maven.fleet;

import io.writerflow.maven.settings.DatabaseUrl;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The progress line's words from its counters and a fake clock, and its timer's end; no timing asserted. */
class FleetProgressTest {

    private static FleetTarget target(String name) {
        return new FleetTarget(name, new DatabaseUrl.File(Path.of(name + ".db"), "file:" + name + ".db"), "t:1");
    }

    private static DatabaseResult result(String name, DatabaseResult.Status status) {
        return new DatabaseResult(name, "file:" + name + ".db", status, Optional.empty(), Optional.empty(), List.of(),
                Duration.ZERO, Optional.empty());
    }

    @Test
    void countsDoneFailedRunningAndRemainingWithTheRateAndTimeLeft() {
        AtomicLong now = new AtomicLong(5_000_000_000L);
        FleetProgress progress = new FleetProgress("apply", 1000, now::get);
        assertEquals("Fleet apply: 0 done, 0 failed, 0 running, 1000 remaining, 0.0/s, ETA unknown", progress.line());
        for (int i = 0; i < 130; i++) {
            progress.started(target("db" + i));
        }
        for (int i = 0; i < 120; i++) {
            progress.finished(result("db" + i, DatabaseResult.Status.OK));
        }
        progress.finished(result("db120", DatabaseResult.Status.FAILED));
        progress.finished(result("db121", DatabaseResult.Status.FAILED));
        now.addAndGet(8_531_000_000L); // 122 ended in 8.531 s: 14.3/s; 878 left: 61 s
        assertEquals("Fleet apply: 120 done, 2 failed, 8 running, 870 remaining, 14.3/s, ETA 1m01s", progress.line());
    }

    @Test
    void timeLeftIsWrittenInSecondsMinutesOrHours() {
        assertEquals("7s", FleetProgress.duration(7));
        assertEquals("1m01s", FleetProgress.duration(61));
        assertEquals("2h05m", FleetProgress.duration(2 * 3600 + 5 * 60 + 59));
    }

    @Test
    void theTimerSaysTheLineAndStopsWhenClosed() throws Exception {
        List<String> said = new CopyOnWriteArrayList<>();
        FleetProgress progress = new FleetProgress("status", 3, System::nanoTime).every(Duration.ofMillis(10), said::add);
        assertTrue(progress.ticking());
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (said.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        progress.close();
        assertFalse(progress.ticking());
        assertTrue(said.get(0).startsWith("Fleet status: 0 done, 0 failed, 0 running, 3 remaining"), said.toString());
    }

    @Test
    void aZeroIntervalSaysNothing() {
        try (FleetProgress progress = new FleetProgress("apply", 3, System::nanoTime).every(Duration.ZERO, line -> {
            throw new AssertionError(line);
        })) {
            assertFalse(progress.ticking());
        }
    }

    @Test
    void theRunnerTellsTheListenerOfEachStart() {
        List<FleetTarget> fleet = List.of(target("a"), target("b"), target("c"));
        FleetProgress progress = new FleetProgress("apply", 3, System::nanoTime);
        List<String> starts = new CopyOnWriteArrayList<>();
        FleetRunner.Listener spy = new FleetRunner.Listener() {
            @Override
            public void started(FleetTarget t) {
                starts.add(t.name());
            }

            @Override
            public void finished(DatabaseResult result) {
            }
        };
        new FleetRunner(2, 0, 5).run(fleet, t -> {
            if (t.name().equals("b")) {
                throw new IllegalStateException("down");
            }
            return new FleetOperation.Outcome(Optional.empty(), Optional.empty(), List.of());
        }, progress.and(spy));
        assertEquals(3, starts.size());
        assertTrue(progress.line().startsWith("Fleet apply: 2 done, 1 failed, 0 running, 0 remaining"),
                progress.line());
    }
}
