package io.writerflow.maven.engine;

import io.writerflow.maven.WriterflowException;
import io.writerflow.maven.engine.ApplyResult.AppliedMigration;
import io.writerflow.maven.engine.steps.Catalog;
import io.writerflow.maven.engine.steps.KnownIndexes;
import io.writerflow.maven.engine.steps.MigrationSteps;
import io.writerflow.maven.engine.steps.SchemaSource;
import io.writerflow.maven.engine.steps.ShadowSchema;
import io.writerflow.maven.engine.steps.StepOrigins;
import io.writerflow.maven.libsql.Hrana;
import io.writerflow.maven.libsql.HranaClient;
import io.writerflow.maven.libsql.LibsqlConnection;
import io.writerflow.maven.libsql.LibsqlException;
import io.writerflow.maven.libsql.LibsqlTransportException;
import io.writerflow.maven.migrations.Migration;
import io.writerflow.maven.migrations.MigrationDirectory;
import io.writerflow.maven.sql.SqlQuoting;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Applies the pending migrations of a remote database in a number of HTTP requests that does not grow with
 * their count: one read of the history, then ONE request, one transaction, in which every migration runs
 * inside its own savepoint together with its history row (see {@link Transaction}). The migrations before
 * a failing one commit; the failing one is rolled back to its savepoint; none after it runs. A lost answer
 * leaves all of that committed or none of it. The history rows are the ones Flyway writes, so Flyway
 * (status on files, repair, baseline) reads them as its own.
 */
final class PipelinedApply {

    private final EngineSettings settings;
    private final OpenDatabase database;
    private final LeaseMigrationLock lock;
    private final HranaClient client;
    private final Consumer<String> notices;

    /** @param notices told of an answer lost for a commit the history then showed */
    PipelinedApply(EngineSettings settings, OpenDatabase database, LeaseMigrationLock lock,
            Consumer<String> notices) {
        this.settings = settings;
        this.notices = notices;
        this.database = database;
        this.lock = lock;
        this.client = database.remote().orElseThrow();
    }

    /**
     * The state this apply starts from: the history, whether its table exists, the tables, drizzle's table, and
     * the schema's objects (which a rebuild's neighbours are worked out from, see {@link ShadowSchema}).
     */
    record State(boolean historyExists, List<HistoryStatus.Row> rows, List<String> tables, DrizzleTable drizzle,
                 Catalog catalog) {
        int lastRank() {
            return rows.stream().mapToInt(HistoryStatus.Row::rank).max().orElse(0);
        }
    }

    /** The reads that make a {@link State}, to send alone or along with taking the lock. */
    static List<Hrana.BatchStep> stateReads(String historyTable, String drizzleTable) {
        List<Hrana.BatchStep> reads = new ArrayList<>(List.of(
                new Hrana.BatchStep(null, Hrana.Stmt.of("SELECT count(*) FROM sqlite_master WHERE type = 'table'"
                        + " AND name = ?", historyTable)),
                new Hrana.BatchStep(null, Hrana.Stmt.of("SELECT " + HistoryStatus.COLUMNS + " FROM "
                        + SqlQuoting.identifier(historyTable) + " ORDER BY installed_rank")),
                new Hrana.BatchStep(null, Hrana.Stmt.of("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')"
                        + " AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name"))));
        reads.addAll(DrizzleTable.reads(drizzleTable));
        reads.add(new Hrana.BatchStep(null, Hrana.Stmt.of(Catalog.QUERY)));
        return reads;
    }

    /** One request: {@link #stateReads}. */
    static State readState(HranaClient client, String historyTable, String drizzleTable) throws SQLException {
        return state(client.retryingBatch(stateReads(historyTable, drizzleTable)), drizzleTable);
    }

    /** The state from the results of {@link #stateReads}. */
    static State state(Hrana.BatchResult result, String drizzleTable) throws SQLException {
        for (int i : new int[] {0, 2, 3, CATALOG}) {
            if (result.stepResults().get(i) == null) {
                throw result.stepErrors().get(i);
            }
        }
        boolean exists = ((Number) result.stepResults().get(0).rows().get(0).get(0)).intValue() > 0;
        List<HistoryStatus.Row> rows = new ArrayList<>();
        if (exists) {
            if (result.stepResults().get(1) == null) {
                throw result.stepErrors().get(1);
            }
            result.stepResults().get(1).rows().forEach(r -> rows.add(HistoryStatus.Row.of(r)));
        }
        List<String> tables = result.stepResults().get(2).rows().stream().map(r -> String.valueOf(r.get(0))).toList();
        DrizzleTable drizzle = DrizzleTable.of(drizzleTable, result.stepResults().get(3), result.stepResults().get(4),
                result.stepErrors().get(4));
        return new State(exists, rows, tables, drizzle, Catalog.of(result.stepResults().get(CATALOG).rows()));
    }

    /** Where {@link #stateReads} reads the schema's objects. */
    private static final int CATALOG = 5;

    /** @param drizzle drizzle's history rows, written in each migration's savepoint */
    ApplyResult apply(MigrationDirectory directory, StatusReport before, State state, DrizzleHistoryWriter drizzle,
            Consumer<AppliedMigration> listener) throws SQLException {
        List<Migration> pending = directory.migrations().stream()
                .filter(m -> before.migrations().stream().anyMatch(s -> s.state() == MigrationState.PENDING
                        && s.version().equals(m.version())))
                .toList();
        LibsqlConnection connection = database.connection().unwrap(LibsqlConnection.class);
        // one copy of the schema follows the statements of every request, in order
        try (ShadowSchema schema = new ShadowSchema(state.catalog(), lock::failWhen)) {
            return apply(requests(pending), before, state, drizzle, connection, schema, KnownIndexes.of(directory),
                    listener);
        }
    }

    private ApplyResult apply(List<List<Migration>> requests, StatusReport before, State state,
            DrizzleHistoryWriter drizzle, LibsqlConnection connection, ShadowSchema schema,
            Function<Migration, Set<String>> knownIndexes, Consumer<AppliedMigration> listener) throws SQLException {
        List<AppliedMigration> applied = new ArrayList<>();
        int lastRank = state.lastRank();
        for (int r = 0; r < requests.size(); r++) {
            List<Migration> chunk = requests.get(r);
            boolean last = r == requests.size() - 1;
            Optional<String> current = applied.isEmpty() ? before.current()
                    : Optional.of(applied.get(applied.size() - 1).tag());
            Transaction tx = new Transaction(chunk, lastRank, r == 0, r == 0 && !state.historyExists(), last,
                    drizzle, connection, schema, knownIndexes);
            Hrana.BatchResult result;
            try {
                result = client.batch(tx::write);
            } catch (LibsqlTransportException e) {
                lock.releasedBy(false);
                String was = current.map(tag -> "at " + tag).orElse("without any migration");
                if (!e.requestMayHaveRun()) { // never sent: no connection
                    throw new WriterflowException("Cannot send the request that commits " + describe(chunk) + " to "
                            + settings.url().display() + ": " + e.getMessage() + "\n  Nothing of it was sent; the"
                            + " database is still " + was + ".", "Run apply again when the server answers.", e);
                }
                List<Migration> recorded = recordedAfterLoss(chunk, lastRank);
                if (recorded == null) {
                    throw new WriterflowException("No answer from " + settings.url().display() + " to the request"
                            + " that commits " + describe(chunk) + ": " + e.getMessage() + "; its outcome is unknown"
                            + " (the history could not be read after it either).\n  They commit in one transaction,"
                            + " each migration with its history row, so the database holds them all (up to the first"
                            + " that failed, if one did) or none; nothing was sent again. The database was " + was
                            + " before.", "Run apply again when the server answers: it reads the history and applies"
                                    + " only what is missing.", e);
                }
                for (Migration migration : recorded) {
                    AppliedMigration done = new AppliedMigration(migration.tag(), migration.statements().size(),
                            Duration.ZERO);
                    applied.add(done);
                    listener.accept(done);
                }
                lastRank += recorded.size();
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
                continue;
            }
            boolean committed = result.stepResults().get(tx.commit) != null;
            lock.releasedBy(last && committed && result.stepResults().get(tx.release) != null);
            int before0 = applied.size();
            for (Transaction.Part part : tx.parts) {
                if (committed && result.stepResults().get(part.release()) != null) {
                    AppliedMigration migration = new AppliedMigration(part.migration().tag(),
                            part.migration().statements().size(), tx.duration(result, applied.size() - before0));
                    applied.add(migration);
                    listener.accept(migration);
                }
            }
            lastRank += applied.size() - before0;
            if (applied.size() - before0 < chunk.size()) {
                throw tx.failure(result, committed && !applied.isEmpty(), committed, applied.isEmpty()
                        ? before.current() : Optional.of(applied.get(applied.size() - 1).tag()));
            }
        }
        return new ApplyResult(applied, Duration.ZERO, applied.isEmpty() ? before.current()
                : Optional.of(applied.get(applied.size() - 1).tag()));
    }

    /**
     * After the answer to a commit was lost: the migrations of {@code chunk} the history now records as applied
     * (a prefix: they commit in order, up to the first that failed), or null when the history cannot be read
     * either. A migration the history records is applied in full: its row commits with its statements.
     */
    private List<Migration> recordedAfterLoss(List<Migration> chunk, int lastRank) {
        State after;
        try {
            after = readState(client, settings.historyTable(), settings.drizzleTable());
        } catch (SQLException e) {
            return null;
        }
        List<Migration> recorded = new ArrayList<>();
        for (Migration migration : chunk) {
            int rank = lastRank + recorded.size() + 1;
            boolean there = after.rows().stream().anyMatch(row -> row.rank() == rank && row.success()
                    && migration.version().equals(row.version()));
            if (!there) {
                break;
            }
            recorded.add(migration);
        }
        return recorded;
    }

    /** How much SQL one request carries at most; a single larger migration goes alone. */
    static final int REQUEST_SQL_CHARS = 8 * 1024 * 1024;

    /**
     * The pending migrations in requests of at most {@link #REQUEST_SQL_CHARS} of SQL, in order: one request
     * for any usual apply, while a very large one does not meet a server's limit on a request's size.
     */
    private static List<List<Migration>> requests(List<Migration> pending) {
        List<List<Migration>> requests = new ArrayList<>();
        List<Migration> current = new ArrayList<>();
        long size = 0;
        for (Migration migration : pending) {
            long own = migration.statements().sqlChars();
            if (!current.isEmpty() && size + own > REQUEST_SQL_CHARS) {
                requests.add(current);
                current = new ArrayList<>();
                size = 0;
            }
            current.add(migration);
            size += own;
        }
        requests.add(current);
        return requests;
    }

    private static String describe(List<Migration> pending) {
        return pending.size() + " migration" + (pending.size() == 1 ? "" : "s") + " (" + pending.get(0).tag()
                + (pending.size() > 1 ? " to " + pending.get(pending.size() - 1).tag() : "") + ")";
    }

    /**
     * The one batch, written into the request as it is produced (a migration's statements as they are read from
     * its file): [foreign keys off], BEGIN, the lock's renewal and guard, then per migration SAVEPOINT, its
     * history row, its statements, drizzle's history row, the foreign-key guard, the row's duration, RELEASE,
     * each step on condition that the one before
     * succeeded; then, for the migration that failed (if one did), ROLLBACK TO its savepoint; the lock's
     * release; COMMIT of what succeeded; a ROLLBACK if a transaction is still open; [foreign keys on]. One
     * commit for all of them, yet a migration is never half applied: a savepoint is released only when all of
     * its statements and its history row succeeded.
     */
    private final class Transaction {

        /**
         * Where one migration sits in the batch.
         *
         * @param firstStep where its steps start; {@code steps} says which statement each came from
         */
        record Part(Migration migration, int savepoint, int firstStep, StepOrigins steps,
                    int foreignKeyGuard, int history, int release) {
        }

        /** Each committed migration's duration on the server's clock, as its history row records it. */
        Duration duration(Hrana.BatchResult result, int index) {
            Hrana.StmtResult rows = result.stepResults().get(durations);
            if (rows == null || index >= rows.rows().size()) {
                return Duration.ZERO;
            }
            Object millis = rows.rows().get(index).get(1);
            return Duration.ofMillis(millis instanceof Number n ? n.longValue() : 0);
        }

        final List<Part> parts = new ArrayList<>();
        int begin;
        int lockGuard;
        int rankGuard;
        int durations;
        int release;
        int commit;
        int rollback;

        private final List<Migration> pending;
        private final int lastRank;
        private final boolean firstRequest;
        private final boolean createHistory;
        private final boolean releaseLock;
        private final DrizzleHistoryWriter drizzle;
        private final LibsqlConnection connection;
        private final ShadowSchema schema;
        private final Function<Migration, Set<String>> knownIndexes;
        private final String orphans;
        private HranaClient.StepSink sink;
        private int size;

        /**
         * @param lastRank     the history's last rank before these migrations
         * @param firstRequest whether this is the apply's first request, whose first migration catches drizzle's
         *                     history up
         * @param releaseLock  whether this is the apply's last request, which also releases the lock
         * @param schema       the schema as the steps added so far leave it, for the rebuilds
         * @param knownIndexes for each migration, the indexes its previous snapshot declares
         */
        Transaction(List<Migration> pending, int lastRank, boolean firstRequest, boolean createHistory,
                boolean releaseLock, DrizzleHistoryWriter drizzle, LibsqlConnection connection, ShadowSchema schema,
                Function<Migration, Set<String>> knownIndexes) throws SQLException {
            this.pending = pending;
            this.lastRank = lastRank;
            this.firstRequest = firstRequest;
            this.createHistory = createHistory;
            this.releaseLock = releaseLock;
            this.drizzle = drizzle;
            this.connection = connection;
            this.schema = schema;
            this.knownIndexes = knownIndexes;
            this.orphans = database.foreignKeys() instanceof ForeignKeyCheck.Pragma pragma
                    ? pragma.orphansExist(database.connection()) : null;
        }

        /** Writes the batch's steps into {@code sink}, noting where each part sits. */
        void write(HranaClient.StepSink sink) throws SQLException {
            this.sink = sink;
            String history = SqlQuoting.identifier(settings.historyTable());
            for (Hrana.Stmt stmt : connection.envelopeBefore()) {
                chain(stmt);
            }
            if (createHistory) {
                chain(Hrana.Stmt.of(HistoryTable.createTable(settings.historyTable())));
                chain(Hrana.Stmt.of(HistoryTable.createIndex(settings.historyTable())));
            }
            begin = chain(Hrana.Stmt.of("BEGIN"));
            int at = begin;
            for (String sql : lock.transactionGuard()) {
                at = chain(Hrana.Stmt.of(sql));
            }
            lockGuard = at;
            rankGuard = chain(Hrana.Stmt.of(lock.failWhen("(SELECT COALESCE(MAX(installed_rank), 0) FROM " + history
                    + ") <> " + lastRank)));
            int rank = lastRank;
            for (int i = 0; i < pending.size(); i++) {
                Migration migration = pending.get(i);
                String savepoint = "writerflow_" + i;
                int sp = chain(Hrana.Stmt.of("SAVEPOINT " + savepoint));
                // the history row first, so that its installed_on is when the migration started: the server's
                // clock then gives the migration's own duration at its end, in the same request
                int row = chain(Hrana.Stmt.of("INSERT INTO " + history + " (installed_rank, version, description,"
                        + " type, script, checksum, installed_by, execution_time, success)"
                        + " VALUES (?, ?, ?, 'SQL', ?, ?, ?, 0, 0)", (long) ++rank,
                        migration.version(), migration.tag(), migration.file(),
                        (long) migration.checksum(), settings.installedBy()));
                int first = size;
                StepOrigins origins = new StepOrigins();
                new MigrationSteps(migration, schema, () -> knownIndexes.apply(migration)).forEach(step -> {
                    origins.add(step);
                    chain(Hrana.Stmt.of(step.sql()));
                });
                for (String sql : drizzle.statements(migration, firstRequest && i == 0)) {
                    chain(Hrana.Stmt.of(sql));
                }
                int fk = orphans == null ? -1 : chain(Hrana.Stmt.of(lock.failWhen(orphans)));
                // success only now, after the last statement: should anything have committed the row early,
                // the history says the migration failed rather than that it was applied
                chain(Hrana.Stmt.of("UPDATE " + history + " SET success = 1, execution_time = CAST(ROUND("
                        + "(julianday('now') - julianday(installed_on)) * 86400000) AS INTEGER)"
                        + " WHERE installed_rank = ?", (long) rank));
                parts.add(new Part(migration, sp, first, origins, fk, row,
                        chain(Hrana.Stmt.of("RELEASE " + savepoint))));
            }
            for (Part part : parts) {
                add(new Hrana.BatchStep(Hrana.and(Hrana.ok(part.savepoint()), Hrana.not(Hrana.ok(part.release()))),
                        Hrana.Stmt.of("ROLLBACK TO writerflow_" + parts.indexOf(part))));
            }
            durations = always(Hrana.Stmt.of("SELECT installed_rank, execution_time FROM " + history
                    + " WHERE installed_rank > ?", (long) lastRank));
            release = releaseLock ? always(lock.release()) : -1;
            commit = add(new Hrana.BatchStep(Hrana.not(Hrana.isAutocommit()), Hrana.Stmt.of("COMMIT")));
            rollback = add(new Hrana.BatchStep(Hrana.not(Hrana.isAutocommit()), Hrana.Stmt.of("ROLLBACK")));
            for (Hrana.Stmt stmt : connection.envelopeAfter()) {
                always(stmt);
            }
        }

        /** A step that runs only if the one before it succeeded; returns its index. */
        private int chain(Hrana.Stmt stmt) throws SQLException {
            return add(new Hrana.BatchStep(size == 0 ? null : Hrana.ok(size - 1), stmt));
        }

        private int always(Hrana.Stmt stmt) throws SQLException {
            return add(new Hrana.BatchStep(null, stmt));
        }

        private int add(Hrana.BatchStep step) throws SQLException {
            size++;
            return sink.add(step);
        }

        /** @param moved whether this apply committed a migration before the failing one */
        WriterflowException failure(Hrana.BatchResult result, boolean moved, boolean committed,
                Optional<String> current) {
            String at = current.map(tag -> "at " + tag).orElse("without any migration");
            int step = result.firstErrorStep();
            LibsqlException error = step < 0 ? null : result.stepErrors().get(step);
            Part failed = parts.stream().filter(p -> step >= p.savepoint() && step <= p.release()).findFirst()
                    .orElse(null);
            // without COMMIT, nothing committed only if the transaction was still open for the final ROLLBACK
            boolean endedEarly = !committed && result.stepResults().get(rollback) == null;
            String rolledBack = endedEarly
                    ? "\n  The transaction ended before the apply's COMMIT or ROLLBACK, so what the database holds is"
                    + " not known; it was " + at + " before."
                    : "\n  The migration was rolled back; the database is " + (moved ? "now " : "still ") + at
                    + (committed ? "" : " (nothing of this apply was committed)") + ".";
            Optional<StepOrigins.Origin> origin = failed == null ? Optional.empty()
                    : failed.steps().at(failed.migration(), step - failed.firstStep());
            if (origin.isPresent()) {
                return ApplyFailures.statementFailed(failed.migration(), origin.get().statement(),
                        origin.get().added(), error, rolledBack, database.connection());
            }
            if (failed != null && step == failed.foreignKeyGuard()) {
                return ApplyFailures.orphans(failed.migration(), ApplyFailures.recount(new MigrationSteps(
                        failed.migration(), SchemaSource.of(database.connection()),
                        () -> knownIndexes.apply(failed.migration())), database.connection(), database.foreignKeys()),
                        rolledBack);
            }
            if (step > begin && step <= lockGuard) {
                return new WriterflowException("The migration lock of " + settings.url().display() + " expired before"
                        + " this apply could commit (another apply may have taken it over); nothing was committed and"
                        + " the database is still " + at + ".",
                        "Run apply again. If migrations take longer than the lease, raise writerflow.lockLease.");
            }
            if (step == rankGuard) {
                return new WriterflowException("The history of " + settings.url().display() + " changed after it was"
                        + " read (another process wrote to " + settings.historyTable() + "); nothing was committed.",
                        "Run writerflow:status to see the history, then apply again.");
            }
            return new WriterflowException("The migrations could not commit on " + settings.url().display() + ": "
                    + (error == null ? "the server did not run COMMIT" : error.getMessage()) + rolledBack,
                    "Run apply again; if it fails the same way, run with -X.");
        }
    }
}
