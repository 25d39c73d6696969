package io.writerflow.maven.engine.apply;

import io.writerflow.maven.WriterflowException;
import io.writerflow.maven.engine.ApplyResult.AppliedMigration;
import io.writerflow.maven.engine.ApplyResult;
import io.writerflow.maven.engine.EngineSettings;
import io.writerflow.maven.engine.MigrationState;
import io.writerflow.maven.engine.MigrationStatus;
import io.writerflow.maven.engine.StatusReport;
import io.writerflow.maven.engine.database.OpenDatabase;
import io.writerflow.maven.engine.history.DrizzleHistoryWriter;
import io.writerflow.maven.engine.history.HistoryHead;
import io.writerflow.maven.engine.history.HistoryStatus;
import io.writerflow.maven.engine.lock.MigrationLock;
import io.writerflow.maven.engine.steps.Catalog;
import io.writerflow.maven.engine.steps.KnownIndexes;
import io.writerflow.maven.engine.steps.SchemaSource;
import io.writerflow.maven.libsql.LibsqlTransportException;
import io.writerflow.maven.migrations.Migration;
import io.writerflow.maven.migrations.MigrationDirectory;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Applies the pending migrations through the one plan ({@link ApplyPlan}) on whichever transport the runner
 * speaks, in a number of transactions that does not grow with their count: one, unless a remote request would
 * carry more SQL than a server takes. The migrations before a failing one commit; the failing one is rolled
 * back to its savepoint; none after it runs. A lost answer leaves all of a request committed or none of it,
 * and the history, read again, says which.
 */
public final class PlanExecutor {

    /** Reads the history again after a lost answer; null when it cannot be read either. */
    @FunctionalInterface
    public interface HistoryReread {
        List<HistoryStatus.Row> rows();
    }

    private final EngineSettings settings;
    private final PlanRunner runner;
    private final OpenDatabase database;
    private final MigrationLock lock;
    private final HistoryReread reread;
    private final Consumer<String> notices;

    /** @param notices told of an answer lost for a commit the history then showed */
    public PlanExecutor(EngineSettings settings, PlanRunner runner, OpenDatabase database, MigrationLock lock,
            HistoryReread reread, Consumer<String> notices) {
        this.settings = settings;
        this.runner = runner;
        this.database = database;
        this.lock = lock;
        this.reread = reread;
        this.notices = notices;
    }

    /**
     * @param catalog the schema's objects, which a remote transaction's rebuilds start from (null where the runner
     *                reads the database itself)
     * @param drizzle drizzle's history rows, written in each migration's savepoint
     */
    public ApplyResult apply(MigrationDirectory directory, StatusReport before, HistoryHead head, Catalog catalog,
            DrizzleHistoryWriter drizzle, Consumer<AppliedMigration> listener) throws SQLException {
        Set<String> pendingVersions = before.migrations().stream().filter(s -> s.state() == MigrationState.PENDING)
                .map(MigrationStatus::version).collect(Collectors.toSet());
        List<Migration> pending = directory.migrations().stream()
                .filter(m -> pendingVersions.contains(m.version())).toList();
        SchemaSource schema = runner.schema(catalog);
        try {
            return apply(transactions(pending), before, head, drizzle, schema, KnownIndexes.of(directory), listener);
        } finally {
            if (schema instanceof AutoCloseable closeable) {
                close(closeable);
            }
        }
    }

    /**
     * Runs the down migrations of a rollback, newest first, through the same plan in one transaction (one request
     * on a remote database): each with its removal from the history and drizzle's in one savepoint, so that a
     * migration is either rolled back and pending again, or still applied.
     *
     * @param downs        each migration to roll back, as its down migration (its tag, version and entry; the
     *                     down file's statements), newest first
     * @param knownIndexes for each, the indexes its own snapshot declares (what the down migration starts from)
     * @param listener     told of each migration once it is rolled back and committed
     */
    public ApplyResult rollback(List<Migration> downs, StatusReport before, HistoryHead head, Catalog catalog,
            DrizzleHistoryWriter drizzle, Function<Migration, Set<String>> knownIndexes,
            Consumer<AppliedMigration> listener) throws SQLException {
        SchemaSource schema = runner.schema(catalog);
        try {
            ApplyPlan plan = new ApplyPlan(settings, downs, head.lastRank(), false, false, frame(true), drizzle,
                    runner, database.foreignKeys(), schema, knownIndexes, ApplyPlan.Direction.DOWN);
            PlanOutcome outcome;
            try {
                outcome = runner.run(plan);
            } catch (LibsqlTransportException e) {
                lock.releasedBy(false);
                if (!e.requestMayHaveRun()) { // never sent: no connection
                    throw new WriterflowException("Cannot send the request that rolls back " + describe(downs)
                            + " to " + settings.url().display() + ": " + e.getMessage() + "\n  Nothing of it was"
                            + " sent; the database is still at " + before.current().orElse("no migration") + ".",
                            "Run rollback again when the server answers.", e);
                }
                return rolledBackAfterLoss(downs, before, head.lastRank(), e, listener);
            }
            boolean committed = plan.committed(outcome);
            lock.releasedBy(committed && plan.releasedLock(outcome));
            List<AppliedMigration> undone = new ArrayList<>();
            for (ApplyPlan.Part part : plan.parts) {
                if (committed && plan.finished(outcome, part)) {
                    AppliedMigration migration = new AppliedMigration(part.migration().tag(),
                            part.migration().statements().size(), plan.duration(outcome, undone.size()),
                            plan.rowsChanged(outcome, part));
                    undone.add(migration);
                    listener.accept(migration);
                }
            }
            Optional<String> current = appliedBefore(before,
                    undone.isEmpty() ? null : undone.get(undone.size() - 1).tag());
            if (undone.size() < downs.size()) {
                throw plan.failure(outcome, committed && !undone.isEmpty(), current, database.connection());
            }
            return new ApplyResult(undone, Duration.ZERO, current);
        } finally {
            if (schema instanceof AutoCloseable closeable) {
                close(closeable);
            }
        }
    }

    /**
     * After the answer to a rollback was lost: what the history, read again, shows rolled back (a prefix, newest
     * first: they commit in order, up to the first that failed). Fails, saying what is known, unless all are.
     */
    private ApplyResult rolledBackAfterLoss(List<Migration> downs, StatusReport before, int lastRank,
            LibsqlTransportException e, Consumer<AppliedMigration> listener) {
        List<HistoryStatus.Row> after = reread.rows();
        if (after == null) {
            throw new WriterflowException("No answer from " + settings.url().display() + " to the request that"
                    + " rolls back " + describe(downs) + ": " + e.getMessage() + "; its outcome is unknown (the"
                    + " history could not be read after it either). They commit in one transaction, each with its"
                    + " history update, so the database holds all of them rolled back (up to the first that"
                    + " failed, if one did) or none; nothing was sent again.",
                    "When the server answers, run writerflow:status to see where the database is.", e);
        }
        List<Migration> gone = new ArrayList<>();
        for (Migration migration : downs) {
            if (after.stream().noneMatch(row -> row.deletion() && row.success() && row.rank() > lastRank
                    && migration.version().equals(row.version()))) {
                break;
            }
            gone.add(migration);
        }
        gone.forEach(m -> listener.accept(new AppliedMigration(m.tag(), m.statements().size(), Duration.ZERO)));
        Optional<String> current = appliedBefore(before, gone.isEmpty() ? null : gone.get(gone.size() - 1).tag());
        if (gone.size() < downs.size()) {
            throw new WriterflowException("No answer from " + settings.url().display() + " to the request that"
                    + " rolls back " + describe(downs) + ": " + e.getMessage() + ". The history, read after it, shows "
                    + (gone.isEmpty() ? "none of them" : gone.size() + " of them") + " rolled back: the database is at "
                    + current.orElse("no migration") + ". Nothing was sent again.",
                    "Run rollback again: it reads the history and rolls back only what is still applied.", e);
        }
        notices.accept("No answer from " + settings.url().display() + " to the request that rolls back "
                + describe(downs) + " (" + e.getMessage() + "); the history, read after it, shows "
                + (downs.size() == 1 ? "it" : "all of them") + " rolled back");
        return new ApplyResult(gone.stream().map(m -> new AppliedMigration(m.tag(), m.statements().size(),
                Duration.ZERO)).toList(), Duration.ZERO, current);
    }

    /** The last migration {@code before} has applied ahead of {@code tag}; with no tag, the current one. */
    private static Optional<String> appliedBefore(StatusReport before, String tag) {
        if (tag == null) {
            return before.current();
        }
        return before.migrations().stream().map(MigrationStatus::tag).takeWhile(t -> !t.equals(tag))
                .filter(t -> before.migrations().stream().anyMatch(m -> m.tag().equals(t)
                        && (m.state() == MigrationState.APPLIED || m.state() == MigrationState.CHANGED)))
                .reduce((first, second) -> second);
    }

    private static void close(AutoCloseable closeable) throws SQLException {
        try {
            closeable.close();
        } catch (SQLException e) {
            throw e;
        } catch (Exception e) {
            throw new SQLException(e);
        }
    }

    private ApplyResult apply(List<List<Migration>> transactions, StatusReport before, HistoryHead head,
            DrizzleHistoryWriter drizzle, SchemaSource schema, Function<Migration, Set<String>> knownIndexes,
            Consumer<AppliedMigration> listener) throws SQLException {
        List<AppliedMigration> applied = new ArrayList<>();
        int lastRank = head.lastRank();
        Connection connection = database.connection();
        for (int t = 0; t < transactions.size(); t++) {
            List<Migration> chunk = transactions.get(t);
            boolean last = t == transactions.size() - 1;
            Optional<String> current = current(before, applied);
            ApplyPlan plan = new ApplyPlan(settings, chunk, lastRank, t == 0, t == 0 && !head.exists(),
                    frame(last), drizzle, runner, database.foreignKeys(), schema, knownIndexes,
                    ApplyPlan.Direction.UP);
            PlanOutcome outcome;
            try {
                outcome = runner.run(plan);
            } catch (WriterflowException e) {
                // a migration that could not be read whole: its transaction never ran to COMMIT
                throw new WriterflowException(e.problem() + "\n  Nothing of " + describe(chunk) + " was committed;"
                        + " the database is " + (applied.isEmpty() ? "still " : "") + current.map(tag -> "at " + tag)
                        .orElse("without any migration") + ".", e.nextStep(), e);
            } catch (LibsqlTransportException e) {
                lock.releasedBy(false);
                List<Migration> recorded = recordedAfterLoss(chunk, lastRank, e, current);
                for (Migration migration : recorded) {
                    AppliedMigration done = new AppliedMigration(migration.tag(), migration.statements().size(),
                            Duration.ZERO);
                    applied.add(done);
                    listener.accept(done);
                }
                lastRank += recorded.size();
                continue;
            }
            boolean committed = plan.committed(outcome);
            lock.releasedBy(last && committed && plan.releasedLock(outcome));
            int before0 = applied.size();
            for (ApplyPlan.Part part : plan.parts) {
                if (committed && plan.finished(outcome, part)) {
                    AppliedMigration migration = new AppliedMigration(part.migration().tag(),
                            part.migration().statements().size(), plan.duration(outcome, applied.size() - before0),
                            plan.rowsChanged(outcome, part));
                    applied.add(migration);
                    listener.accept(migration);
                }
            }
            lastRank += applied.size() - before0;
            if (applied.size() - before0 < chunk.size()) {
                throw plan.failure(outcome, committed && !applied.isEmpty(), current(before, applied), connection);
            }
        }
        return new ApplyResult(applied, Duration.ZERO, current(before, applied));
    }

    private static Optional<String> current(StatusReport before, List<AppliedMigration> applied) {
        return applied.isEmpty() ? before.current() : Optional.of(applied.get(applied.size() - 1).tag());
    }

    /** Around the migrations: the runner's envelope, the lock's guard, and in the last transaction its release. */
    private ApplyPlan.Frame frame(boolean last) throws SQLException {
        PlanRunner.Envelope envelope = runner.envelope();
        return new ApplyPlan.Frame(envelope.before(), envelope.after(), lock.transactionGuard(),
                last ? lock.releaseInTransaction() : Optional.empty());
    }

    /**
     * After the answer to a commit was lost: the migrations of {@code chunk} the history now records as applied
     * (a prefix: they commit in order, up to the first that failed). Fails, saying what is known, unless the
     * history shows all of them.
     */
    private List<Migration> recordedAfterLoss(List<Migration> chunk, int lastRank, LibsqlTransportException e,
            Optional<String> current) {
        String was = current.map(tag -> "at " + tag).orElse("without any migration");
        if (!e.requestMayHaveRun()) { // never sent: no connection
            throw new WriterflowException("Cannot send the request that commits " + describe(chunk) + " to "
                    + settings.url().display() + ": " + e.getMessage() + "\n  Nothing of it was sent; the"
                    + " database is still " + was + ".", "Run apply again when the server answers.", e);
        }
        List<HistoryStatus.Row> after = reread.rows();
        if (after == null) {
            throw new WriterflowException("No answer from " + settings.url().display() + " to the request"
                    + " that commits " + describe(chunk) + ": " + e.getMessage() + "; its outcome is unknown"
                    + " (the history could not be read after it either).\n  They commit in one transaction,"
                    + " each migration with its history row, so the database holds them all (up to the first"
                    + " that failed, if one did) or none; nothing was sent again. The database was " + was
                    + " before.", "Run apply again when the server answers: it reads the history and applies"
                            + " only what is missing.", e);
        }
        List<Migration> recorded = new ArrayList<>();
        for (Migration migration : chunk) {
            int rank = lastRank + recorded.size() + 1;
            if (after.stream().noneMatch(row -> row.rank() == rank && row.success()
                    && migration.version().equals(row.version()))) {
                break;
            }
            recorded.add(migration);
        }
        if (recorded.size() < chunk.size()) {
            String now = recorded.isEmpty() ? was : "at " + recorded.get(recorded.size() - 1).tag();
            throw new WriterflowException("No answer from " + settings.url().display() + " to the request"
                    + " that commits " + describe(chunk) + ": " + e.getMessage() + ". The history, read"
                    + " after it, shows " + (recorded.isEmpty() ? "none of them" : recorded.size() + " of them")
                    + " applied: the database is " + now + "; " + chunk.get(recorded.size()).tag()
                    + (recorded.size() + 1 < chunk.size() ? " and the ones after it are" : " is") + " not"
                    + " applied. Nothing was sent again.", "Run apply again: it reads the history and applies"
                            + " only what is missing.", e);
        }
        notices.accept("No answer from " + settings.url().display() + " to the request that commits "
                + describe(chunk) + " (" + e.getMessage() + "); the history, read after it, shows "
                + (chunk.size() == 1 ? "it" : "all of them") + " applied");
        return recorded;
    }

    /**
     * The pending migrations in transactions of at most the runner's SQL, in order: one for any usual apply,
     * while a very large one does not meet a server's limit on a request's size.
     */
    private List<List<Migration>> transactions(List<Migration> pending) {
        List<List<Migration>> transactions = new ArrayList<>();
        List<Migration> current = new ArrayList<>();
        long size = 0;
        for (Migration migration : pending) {
            long own = migration.statements().sqlChars();
            if (!current.isEmpty() && size + own > runner.transactionChars()) {
                transactions.add(current);
                current = new ArrayList<>();
                size = 0;
            }
            current.add(migration);
            size += own;
        }
        transactions.add(current);
        return transactions;
    }

    private static String describe(List<Migration> pending) {
        return pending.size() + " migration" + (pending.size() == 1 ? "" : "s") + " (" + pending.get(0).tag()
                + (pending.size() > 1 ? " to " + pending.get(pending.size() - 1).tag() : "") + ")";
    }
}
