package io.writerflow.maven.fleet;

import io.writerflow.maven.WriterflowException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs one operation on every database of a fleet, on {@code parallel} threads: first the canary stage (the first
 * {@code canary} databases in list order), and the rest only when every canary succeeded; once more than
 * {@code maxFailures} databases have failed no further database starts, while the running ones finish. A failing
 * database never stops the others' results: every database ends ok, failed, or not started, in list order.
 */
public final class FleetRunner {

    /**
     * Told of each database as its operation starts and once it has ended (on the thread that runs it). A
     * database the brake or a failed canary keeps from starting is told of neither.
     */
    @FunctionalInterface
    public interface Listener {
        void finished(DatabaseResult result);

        /** Its operation is about to start; the progress line counts it as running. */
        default void started(FleetTarget target) {
        }

        /** This listener, then {@code other}. */
        default Listener and(Listener other) {
            Listener first = this;
            return new Listener() {
                @Override
                public void started(FleetTarget target) {
                    first.started(target);
                    other.started(target);
                }

                @Override
                public void finished(DatabaseResult result) {
                    first.finished(result);
                    other.finished(result);
                }
            };
        }

        Listener NONE = result -> { };
    }

    private final int parallel;
    private final int canary;
    private final int maxFailures;

    /**
     * @param parallel    how many databases run at once (at least 1)
     * @param canary      how many databases, first in list order, run before the rest (0: none)
     * @param maxFailures how many failures the run tolerates before it stops starting databases (0: stop at the
     *                    first)
     */
    public FleetRunner(int parallel, int canary, int maxFailures) {
        if (parallel < 1) {
            throw new WriterflowException("writerflow.parallel is " + parallel + "; at least one database has to run"
                    + " at a time. Nothing was run.", "Set writerflow.parallel to 1 or more (default 8).");
        }
        if (canary < 0 || maxFailures < 0) {
            throw new WriterflowException("writerflow." + (canary < 0 ? "canary is " + canary : "maxFailures is "
                    + maxFailures) + ", which cannot be negative. Nothing was run.",
                    "Set it to 0 or more.");
        }
        this.parallel = parallel;
        this.canary = canary;
        this.maxFailures = maxFailures;
    }

    public FleetResult run(List<FleetTarget> targets, FleetOperation operation, Listener listener) {
        long start = System.nanoTime();
        int canaries = Math.min(canary, targets.size());
        AtomicInteger failures = new AtomicInteger();
        AtomicInteger counter = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallel, Math.max(1, targets.size())), task -> {
            Thread thread = new Thread(task, "writerflow-fleet-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        List<DatabaseResult> results = new ArrayList<>(targets.size());
        boolean canaryFailed = false;
        try {
            results.addAll(stage(pool, targets.subList(0, canaries), operation, listener, failures));
            canaryFailed = results.stream().anyMatch(r -> r.status() != DatabaseResult.Status.OK);
            List<FleetTarget> rest = targets.subList(canaries, targets.size());
            if (canaryFailed) {
                rest.forEach(t -> results.add(DatabaseResult.notStarted(t)));
            } else {
                results.addAll(stage(pool, rest, operation, listener, failures));
            }
        } finally {
            pool.shutdownNow();
        }
        return new FleetResult(results, canaries, canaryFailed, Duration.ofNanos(System.nanoTime() - start));
    }

    private List<DatabaseResult> stage(ExecutorService pool, List<FleetTarget> targets, FleetOperation operation,
            Listener listener, AtomicInteger failures) {
        List<Future<DatabaseResult>> running = new ArrayList<>(targets.size());
        for (FleetTarget target : targets) {
            running.add(pool.submit(() -> {
                if (failures.get() > maxFailures) {
                    return DatabaseResult.notStarted(target); // the brake: the running ones finish, no new one starts
                }
                listener.started(target);
                DatabaseResult result = one(target, operation);
                if (result.status() == DatabaseResult.Status.FAILED) {
                    failures.incrementAndGet();
                }
                listener.finished(result);
                return result;
            }));
        }
        List<DatabaseResult> results = new ArrayList<>(targets.size());
        for (Future<DatabaseResult> future : running) {
            try {
                results.add(future.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while the fleet ran", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause()); // one() catches everything; never seen
            }
        }
        return results;
    }

    private static DatabaseResult one(FleetTarget target, FleetOperation operation) {
        long start = System.nanoTime();
        try {
            FleetOperation.Outcome outcome = operation.run(target);
            return DatabaseResult.ok(target, outcome, Duration.ofNanos(System.nanoTime() - start));
        } catch (Exception | LinkageError | AssertionError e) {
            return DatabaseResult.failed(target, firstLine(e), Duration.ofNanos(System.nanoTime() - start));
        }
    }

    /** The failure's first line: the problem a {@link WriterflowException} states, else the message. */
    static String firstLine(Throwable e) {
        String text = e instanceof WriterflowException w && w.problem() != null ? w.problem() : e.getMessage();
        if (text == null || text.isBlank()) {
            text = e.getClass().getSimpleName();
        }
        String line = text.strip().lines().findFirst().orElse(text).strip();
        return line;
    }
}
