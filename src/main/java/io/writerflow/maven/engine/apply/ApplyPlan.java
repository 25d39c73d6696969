package io.writerflow.maven.engine.apply;

import io.writerflow.maven.WriterflowException;
import io.writerflow.maven.engine.EngineSettings;
import io.writerflow.maven.engine.database.DatabaseMessage;
import io.writerflow.maven.engine.database.EmbeddedDatabases;
import io.writerflow.maven.engine.database.ForeignKeyCheck;
import io.writerflow.maven.engine.history.DrizzleHistoryWriter;
import io.writerflow.maven.engine.history.HistoryTable;
import io.writerflow.maven.engine.steps.MigrationSteps;
import io.writerflow.maven.engine.steps.SchemaSource;
import io.writerflow.maven.engine.steps.StepOrigins;
import io.writerflow.maven.migrations.Migration;
import io.writerflow.maven.sql.SqlQuoting;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The one transaction in which an apply runs its pending migrations (or a request's share of them), the same on
 * every transport: [the connection's envelope], BEGIN, the lock's renewal and guard, [the history table], the
 * history's guard, then per migration SAVEPOINT, its history row, its steps, drizzle's history row, the
 * foreign-key guard, the row marked successful with its duration, RELEASE, each step on condition that the one
 * before succeeded; then, for the migration that failed (if one did), ROLLBACK TO its savepoint; the lock's
 * release; COMMIT of what succeeded; a ROLLBACK if a transaction is still open; [the envelope's end]. One
 * commit for all of them, yet a migration is never half applied: a savepoint is released only when all of its
 * statements and its history row succeeded, and the migrations after a failed one do not run.
 *
 * <p>The history rows are the ones Flyway writes (its table, columns and checksums), so Flyway's info, validate,
 * repair and baseline, and older versions of this plugin, read them as their own.
 */
public final class ApplyPlan implements PlanRunner.Transaction {

    /**
     * Which way the migrations go. {@code DOWN} runs each migration's down migration (newest first), records it in
     * the history as Flyway's marker of a deleted migration and removes its row from drizzle's, in the same savepoint.
     */
    public enum Direction {
        UP("apply"), DOWN("rollback");

        private final String goal;

        Direction(String goal) {
            this.goal = goal;
        }

        /** The goal that runs this way, as messages name it. */
        public String goal() {
            return goal;
        }
    }

    /**
     * What the plan runs around the migrations.
     *
     * @param envelopeBefore statements before BEGIN, outside the transaction (turning foreign keys off where the
     *                       engine obeys that only outside one)
     * @param lockGuard      statements that renew the migration lock and fail when this apply no longer holds it
     * @param lockRelease    the statement that releases the lock in the same request, if the lock has one
     */
    record Frame(List<String> envelopeBefore, List<String> envelopeAfter, List<String> lockGuard,
                 Optional<String> lockRelease) {
    }

    /**
     * Where one migration sits in the plan.
     *
     * @param firstStep where its steps start; {@code steps} says which statement each came from
     */
    record Part(Migration migration, int savepoint, int changesBefore, int firstStep, StepOrigins steps,
                int changesAfter, int foreignKeyGuard, int release) {
    }

    private final EngineSettings settings;
    private final List<Migration> pending;
    private final int lastRank;
    private final boolean catchUpDrizzle;
    private final boolean createHistory;
    private final Frame frame;
    private final DrizzleHistoryWriter drizzle;
    private final PlanRunner runner;
    private final ForeignKeyCheck foreignKeys;
    private final SchemaSource schema;
    private final Function<Migration, Set<String>> knownIndexes;
    private final Direction direction;

    final List<Part> parts = new ArrayList<>();
    private int begin;
    private int lockGuard;
    private int rankGuard;
    private int durations;
    private int release = -1;
    private int commit;
    private int rollback;
    private PlanSink sink;
    private int size;
    private int lastChained = -1;
    private final Set<Integer> counters = new java.util.HashSet<>();

    /**
     * @param lastRank       the history's last rank before these migrations
     * @param catchUpDrizzle whether the first migration also records in drizzle's history what the plugin
     *                       applied before drizzle's table existed
     * @param schema         the schema as the steps added so far leave it, for the rebuilds
     * @param knownIndexes   for each migration, the indexes its previous snapshot declares
     */
    ApplyPlan(EngineSettings settings, List<Migration> pending, int lastRank, boolean catchUpDrizzle,
            boolean createHistory, Frame frame, DrizzleHistoryWriter drizzle, PlanRunner runner,
            ForeignKeyCheck foreignKeys, SchemaSource schema, Function<Migration, Set<String>> knownIndexes,
            Direction direction) {
        this.settings = settings;
        this.pending = pending;
        this.lastRank = lastRank;
        this.catchUpDrizzle = catchUpDrizzle;
        this.createHistory = createHistory;
        this.frame = frame;
        this.drizzle = drizzle;
        this.runner = runner;
        this.foreignKeys = foreignKeys;
        this.schema = schema;
        this.knownIndexes = knownIndexes;
        this.direction = direction;
    }

    @Override
    public void write(PlanSink sink) throws SQLException {
        this.sink = sink;
        String history = SqlQuoting.identifier(settings.historyTable());
        for (String sql : frame.envelopeBefore()) {
            chain(sql);
        }
        begin = chain(new PlanStep(PlanStep.Kind.BEGIN, "BEGIN", List.of(), when()));
        int at = begin;
        for (String sql : frame.lockGuard()) {
            at = chain(sql);
        }
        lockGuard = at;
        // inside the transaction: an apply that fails before its first migration leaves no empty history behind
        if (createHistory) {
            chain(HistoryTable.createTable(settings.historyTable()));
            chain(HistoryTable.createIndex(settings.historyTable()));
        }
        rankGuard = chain(new PlanStep(PlanStep.Kind.GUARD, "(SELECT COALESCE(MAX(installed_rank), 0) FROM "
                + history + ") <> " + lastRank, List.of(), when()));
        int rank = lastRank;
        for (int i = 0; i < pending.size(); i++) {
            Migration migration = pending.get(i);
            String savepoint = "writerflow_" + i;
            int sp = chain("SAVEPOINT " + savepoint);
            // the history row first, so that its installed_on is when the migration started: the database's
            // clock then gives the migration's own duration at its end, in the same transaction. A rollback's row
            // is Flyway's marker of a deleted migration (type DELETE, which Flyway's free edition reads; its undo
            // rows need a paid one) with the down migration as its script and checksum: the history keeps that
            // the migration was applied, and when and by whom it was rolled back
            int row = chain(PlanStep.statement(when(), "INSERT INTO " + history + " (installed_rank, version,"
                    + " description, type, script, checksum, installed_by, execution_time, success)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, 0, 0)", (long) ++rank, migration.version(), migration.tag(),
                    direction == Direction.UP ? "SQL" : "DELETE", migration.file(), (long) migration.checksum(),
                    settings.installedBy()));
            // rows the migration changes: SQLite's count before and after its steps (-1 where an engine lacks it)
            int changesBefore = counter(row);
            int first = size;
            StepOrigins origins = new StepOrigins();
            new MigrationSteps(migration, schema, () -> knownIndexes.apply(migration)).forEach(step -> {
                origins.add(step);
                chain(step.sql());
            });
            int changesAfter = counter(lastChained);
            List<String> drizzleRows = direction == Direction.UP
                    ? drizzle.statements(migration, catchUpDrizzle && i == 0) : drizzle.removals(migration);
            for (String sql : drizzleRows) {
                chain(sql);
            }
            String orphans = runner.orphansExist(foreignKeys, schema);
            int fk = orphans == null ? -1 : chain(new PlanStep(PlanStep.Kind.GUARD, orphans, List.of(), when()));
            // success only now, after the last statement: should anything have committed the row early, the
            // history says the migration failed rather than that it was applied (or rolled back)
            chain(PlanStep.statement(when(), "UPDATE " + history + " SET success = 1, execution_time = CAST(ROUND("
                    + "(julianday('now') - julianday(installed_on)) * 86400000) AS INTEGER)"
                    + " WHERE installed_rank = ?", (long) rank));
            parts.add(new Part(migration, sp, changesBefore, first, origins, changesAfter, fk,
                    chain("RELEASE " + savepoint)));
        }
        for (Part part : parts) {
            add(PlanStep.statement(new PlanStep.When.Unfinished(part.savepoint(), part.release()),
                    "ROLLBACK TO writerflow_" + parts.indexOf(part)));
        }
        durations = add(PlanStep.statement(new PlanStep.When.Always(), "SELECT installed_rank, execution_time FROM "
                + history + " WHERE installed_rank > ?", (long) lastRank));
        if (frame.lockRelease().isPresent()) {
            release = add(PlanStep.statement(new PlanStep.When.Always(), frame.lockRelease().get()));
        }
        commit = add(new PlanStep(PlanStep.Kind.END, "COMMIT", List.of(), new PlanStep.When.InTransaction()));
        rollback = add(new PlanStep(PlanStep.Kind.END, "ROLLBACK", List.of(), new PlanStep.When.InTransaction()));
        for (String sql : frame.envelopeAfter()) {
            add(PlanStep.statement(new PlanStep.When.Always(), sql));
        }
    }

    /** The condition of a step chained to the last one. */
    private PlanStep.When when() {
        return lastChained < 0 ? new PlanStep.When.Always() : new PlanStep.When.After(lastChained);
    }

    private int chain(String sql) throws SQLException {
        return chain(PlanStep.statement(when(), sql));
    }

    private int chain(PlanStep step) throws SQLException {
        lastChained = add(step);
        return lastChained;
    }

    /** Reads SQLite's count of changed rows after {@code step}, outside the chain: an engine without it fails only it. */
    private int counter(int step) throws SQLException {
        int counter = add(PlanStep.statement(new PlanStep.When.After(step), "SELECT total_changes()"));
        counters.add(counter);
        return counter;
    }

    /** The first step that failed, leaving out the row counters, which fail nothing. */
    private int firstFailure(PlanOutcome outcome) {
        for (int i = 0; i < outcome.errors().size(); i++) {
            if (outcome.error(i) != null && !counters.contains(i)) {
                return i;
            }
        }
        return -1;
    }

    private int add(PlanStep step) throws SQLException {
        size++;
        return sink.add(step);
    }

    /** Whether the transaction committed. */
    boolean committed(PlanOutcome outcome) {
        return outcome.ok(commit);
    }

    /** Whether the lock was released in the transaction's request. */
    boolean releasedLock(PlanOutcome outcome) {
        return release >= 0 && outcome.ok(release);
    }

    /** Whether {@code part} ran to its end (and so committed, if the transaction did). */
    boolean finished(PlanOutcome outcome, Part part) {
        return outcome.ok(part.release());
    }

    /** A committed migration's duration on the database's clock, as its history row records it. */
    Duration duration(PlanOutcome outcome, int index) {
        List<List<Object>> rows = outcome.rows(durations);
        if (rows == null || index >= rows.size()) {
            return Duration.ZERO;
        }
        Object millis = rows.get(index).get(1);
        return Duration.ofMillis(millis instanceof Number n ? n.longValue() : 0);
    }

    /** Rows the migration's own steps inserted, updated or deleted, or -1 when the engine did not say. */
    long rowsChanged(PlanOutcome outcome, Part part) {
        List<List<Object>> before = outcome.rows(part.changesBefore());
        List<List<Object>> after = outcome.rows(part.changesAfter());
        if (before == null || after == null || before.isEmpty() || after.isEmpty()
                || !(before.get(0).get(0) instanceof Number b) || !(after.get(0).get(0) instanceof Number a)) {
            return -1;
        }
        return a.longValue() - b.longValue();
    }

    /**
     * The failure of a transaction in which not every migration finished, said once with its next step.
     *
     * @param moved      whether this apply committed a migration before the failing one
     * @param current    the database's last applied migration now
     * @param connection for what the message counts after the failure (NULL rows, orphans)
     */
    WriterflowException failure(PlanOutcome outcome, boolean moved, Optional<String> current, Connection connection) {
        boolean committed = committed(outcome);
        String at = current.map(tag -> "at " + tag).orElse("without any migration");
        int step = firstFailure(outcome);
        SQLException error = outcome.error(step);
        Part failed = parts.stream().filter(p -> step >= p.savepoint() && step <= p.release()).findFirst()
                .orElse(null);
        // without COMMIT, nothing committed only if the transaction was still open for the final ROLLBACK
        boolean endedEarly = !committed && !outcome.ok(rollback);
        String rolledBack = endedEarly
                ? "\n  The transaction ended before the " + direction.goal() + "'s COMMIT or ROLLBACK, so what the"
                + " database holds is not known; it was " + at + " before."
                : "\n  " + (direction == Direction.UP ? "The migration was rolled back"
                : "Nothing of its down migration was kept") + "; the database is " + (moved ? "now " : "still ") + at
                + (committed ? "" : " (nothing of this " + direction.goal() + " was committed)") + ".";
        Optional<StepOrigins.Origin> origin = failed == null ? Optional.empty()
                : failed.steps().at(failed.migration(), step - failed.firstStep());
        if (origin.isPresent()) {
            return ApplyFailures.statementFailed(failed.migration(), origin.get().statement(),
                    origin.get().added(), error, rolledBack, connection, direction.goal());
        }
        if (failed != null && step == failed.foreignKeyGuard()) {
            return ApplyFailures.orphans(failed.migration(), runner.recount(failed.migration(),
                    () -> knownIndexes.apply(failed.migration()), foreignKeys), rolledBack);
        }
        if (step > begin && step <= lockGuard) {
            return new HistoryConflict(HistoryConflict.Kind.LOCK_EXPIRED, "The migration lock of "
                    + settings.url().display() + " expired before this " + direction.goal() + " could commit (another"
                    + " apply may have taken it over); nothing was committed and the database is still " + at + ".",
                    null, null, settings.historyTable());
        }
        if (step == rankGuard) {
            return new HistoryConflict(HistoryConflict.Kind.CHANGED_UNDERNEATH, "The history of "
                    + settings.url().display() + " changed after it was read (another process wrote to "
                    + settings.historyTable() + "); nothing was committed.", null, null, settings.historyTable());
        }
        Optional<WriterflowException> fileProblem = error == null ? Optional.empty()
                : EmbeddedDatabases.fileProblem(settings.url(), settings.urlSource(), error);
        if (fileProblem.isPresent()) {
            return fileProblem.get();
        }
        return new WriterflowException("The migrations could not commit on " + settings.url().display() + ": "
                + (error == null ? "the database did not run COMMIT" : DatabaseMessage.of(error))
                + rolledBack, "Run " + direction.goal() + " again; if it fails the same way, run with -X.");
    }
}
