package io.writerflow.maven.fleet;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The fleet's progress line ({@code writerflow.progressInterval}): how many databases are done, failed, running
 * and remaining, the rate and the time left, said on a timer rather than once per database, so that a run over
 * thousands of databases stays readable in a CI log. Counts come from the runner's {@link FleetRunner.Listener}.
 */
public final class FleetProgress implements FleetRunner.Listener, AutoCloseable {

    private final String operation;
    private final int total;
    private final LongSupplier nanoClock;
    private final long start;
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private ScheduledExecutorService timer;

    /**
     * @param total     how many databases the run has
     * @param nanoClock {@link System#nanoTime}; tests give their own
     */
    public FleetProgress(String operation, int total, LongSupplier nanoClock) {
        this.operation = operation;
        this.total = total;
        this.nanoClock = nanoClock;
        this.start = nanoClock.getAsLong();
    }

    @Override
    public void started(FleetTarget target) {
        running.incrementAndGet();
    }

    @Override
    public void finished(DatabaseResult result) {
        running.decrementAndGet();
        (result.status() == DatabaseResult.Status.FAILED ? failed : done).incrementAndGet();
    }

    /** {@code Fleet apply: 120 done, 2 failed, 8 running, 870 remaining, 14.3/s, ETA 1m01s}. */
    public String line() {
        int ended = done.get() + failed.get();
        int now = running.get();
        int remaining = Math.max(0, total - ended - now);
        double seconds = (nanoClock.getAsLong() - start) / 1e9;
        double rate = seconds > 0 ? ended / seconds : 0;
        // the ETA counts the running ones too: they are not done yet
        String eta = rate > 0 ? duration(Math.round((remaining + now) / rate)) : "unknown";
        return String.format(Locale.ROOT, "Fleet %s: %d done, %d failed, %d running, %d remaining, %.1f/s, ETA %s",
                operation, done.get(), failed.get(), now, remaining, rate, eta);
    }

    static String duration(long seconds) {
        if (seconds >= 3600) {
            return String.format(Locale.ROOT, "%dh%02dm", seconds / 3600, seconds % 3600 / 60);
        }
        if (seconds >= 60) {
            return String.format(Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60);
        }
        return seconds + "s";
    }

    /**
     * Says {@link #line} to {@code log} every {@code interval} until {@link #close}, on a daemon thread (a hung
     * database must never keep Maven's JVM alive). A zero or negative interval says nothing.
     */
    public FleetProgress every(Duration interval, Consumer<String> log) {
        if (interval.isZero() || interval.isNegative()) {
            return this;
        }
        timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "writerflow-fleet-progress");
            thread.setDaemon(true);
            return thread;
        });
        long millis = interval.toMillis();
        timer.scheduleAtFixedRate(() -> log.accept(line()), millis, millis, TimeUnit.MILLISECONDS);
        return this;
    }

    /** Whether the timer still runs. */
    public boolean ticking() {
        return timer != null && !timer.isShutdown();
    }

    /** Stops the timer; the summary follows. */
    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
