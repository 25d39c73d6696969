package io.writerflow.maven.engine.lock;

import io.writerflow.maven.WriterflowException;
import io.writerflow.maven.libsql.Hrana;
import io.writerflow.maven.libsql.HranaClient;
import io.writerflow.maven.sql.SqlQuoting;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The migration lock of a remote database: one row in a table of its own, a lease with an expiry time on
 * the server's clock. The holder renews it every third of the lease from a background thread and at the
 * start of every migration's transaction; a crashed holder's lease runs out and the next apply takes it
 * over. Every statement runs in autocommit (no transaction is held open between requests), and taking the
 * lock is one request: drop an expired lease, insert ours unless one exists, read who holds it.
 */
public final class LeaseMigrationLock implements MigrationLock {

    /** Milliseconds since the epoch on the server's clock, so the clients' clocks need not agree. */
    private static final String NOW = "CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)";
    private static final Duration POLL = Duration.ofMillis(250);

    private final HranaClient client;
    private final String table;
    private final String holder;
    private final Duration lease;
    private final ScheduledExecutorService renewer;
    private volatile boolean released;
    private Hrana.BatchResult alongside;

    private LeaseMigrationLock(HranaClient client, String table, String holder, Duration lease) {
        this.client = client;
        this.table = table;
        this.holder = holder;
        this.lease = lease;
        this.renewer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "writerflow-lock-renewal");
            thread.setDaemon(true);
            return thread;
        });
        long period = Math.max(100, lease.toMillis() / 3);
        renewer.scheduleAtFixedRate(this::renewQuietly, period, period, TimeUnit.MILLISECONDS);
    }

    /**
     * @param alongside reads sent in the same request, after the lock is taken, so that what they read is
     *                  what the holder starts from; their results are {@link #alongside()}
     */
    public static LeaseMigrationLock acquire(HranaClient client, String table, String display, String holder,
            Duration lease, Duration timeout, Consumer<String> notices, List<Hrana.BatchStep> alongside)
            throws SQLException {
        String quoted = SqlQuoting.identifier(table);
        List<Hrana.BatchStep> attempt = new java.util.ArrayList<>(List.of(
                new Hrana.BatchStep(null, Hrana.Stmt.of("CREATE TABLE IF NOT EXISTS " + quoted
                        + " (id INTEGER PRIMARY KEY CHECK (id = 1), holder TEXT NOT NULL,"
                        + " acquired_at INTEGER NOT NULL, expires_at INTEGER NOT NULL)")),
                new Hrana.BatchStep(Hrana.ok(0), Hrana.Stmt.of("DELETE FROM " + quoted
                        + " WHERE id = 1 AND expires_at < " + NOW)),
                new Hrana.BatchStep(Hrana.ok(1), Hrana.Stmt.of("INSERT OR IGNORE INTO " + quoted
                        + " (id, holder, acquired_at, expires_at) VALUES (1, ?, " + NOW + ", " + NOW + " + ?)",
                        holder, lease.toMillis())),
                new Hrana.BatchStep(null, Hrana.Stmt.of("SELECT holder, acquired_at, expires_at - " + NOW + " FROM "
                        + quoted + " WHERE id = 1"))));
        attempt.addAll(alongside);
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean told = false;
        while (true) {
            // idempotent for this holder: a second run finds the lock already its own
            Hrana.BatchResult result = client.retryingBatch(attempt);
            for (int i = 0; i < TAKING_STEPS; i++) {
                if (result.stepErrors().get(i) != null) {
                    throw result.stepErrors().get(i);
                }
            }
            List<List<Object>> rows = result.stepResults().get(3).rows();
            if (!rows.isEmpty() && holder.equals(rows.get(0).get(0))) {
                LeaseMigrationLock lock = new LeaseMigrationLock(client, table, holder, lease);
                int n = attempt.size();
                lock.alongside = new Hrana.BatchResult(result.stepResults().subList(TAKING_STEPS, n),
                        result.stepErrors().subList(TAKING_STEPS, n));
                return lock;
            }
            String current = rows.isEmpty() ? "another apply (just released)"
                    : MigrationLock.describe(String.valueOf(rows.get(0).get(0)),
                    Instant.ofEpochMilli(((Number) rows.get(0).get(1)).longValue()))
                    + ", lease ends in " + Math.max(0, ((Number) rows.get(0).get(2)).longValue() / 1000) + " s unless renewed";
            if (System.nanoTime() > deadline) {
                throw new LockNotTaken("Could not take the migration lock of " + display + " within "
                        + MigrationLock.seconds(timeout) + ": another apply holds it (" + current + "). Nothing was"
                        + " changed.", true);
            }
            if (!told) {
                notices.accept("Waiting for the migration lock of " + display + ", held by " + current
                        + " (up to " + MigrationLock.seconds(timeout) + ")");
                told = true;
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new WriterflowException("Interrupted while waiting for the migration lock of " + display + ".",
                        "Run the goal again.");
            }
        }
    }

    /** The results of the reads sent along with the request that took the lock. */
    public Hrana.BatchResult alongside() {
        return alongside;
    }

    private String renewal() {
        return "UPDATE " + SqlQuoting.identifier(table) + " SET expires_at = " + NOW + " + " + lease.toMillis()
                + " WHERE id = 1 AND holder = " + SqlQuoting.literal(holder);
    }

    private void renewQuietly() {
        try {
            client.execute(Hrana.Stmt.of(renewal()));
        } catch (SQLException | RuntimeException ignored) {
            // the next renewal, or the guard in the next migration's transaction, tries again
        }
    }

    /** Renews the lease, then fails the transaction unless this process holds the lock. */
    @Override
    public List<String> transactionGuard() {
        return List.of(renewal(), failWhen("NOT EXISTS (SELECT 1 FROM " + SqlQuoting.identifier(table) + " WHERE id = 1 AND holder = "
                + SqlQuoting.literal(holder) + ")"));
    }

    /** Inserts a NULL holder, which the table's NOT NULL refuses, when the condition holds; else nothing. */
    @Override
    public String failWhen(String condition) {
        return failWhen(table, condition);
    }

    /** {@link #failWhen(String)} for the lock table {@code table}, usable in the request that takes the lock. */
    public static String failWhen(String table, String condition) {
        return "INSERT INTO " + SqlQuoting.identifier(table) + " (id, holder, acquired_at, expires_at)"
                + " SELECT 1, NULL, 0, 0 WHERE " + condition;
    }

    /** How many steps of the request that takes the lock come before the reads sent along with it. */
    public static final int TAKING_STEPS = 4;

    @Override
    public Optional<String> releaseInTransaction() {
        return Optional.of("DELETE FROM " + SqlQuoting.identifier(table) + " WHERE id = 1 AND holder = "
                + SqlQuoting.literal(holder));
    }

    @Override
    public void releasedBy(boolean ran) {
        released = ran;
    }

    @Override
    public void close() {
        renewer.shutdownNow();
        if (released) {
            return;
        }
        try {
            client.execute(new Hrana.Stmt(releaseInTransaction().orElseThrow(), List.of(), false));
        } catch (SQLException | RuntimeException ignored) {
            // the lease expires on its own
        }
    }
}
