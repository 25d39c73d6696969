package io.writerflow.maven.engine;

import io.writerflow.maven.PluginJar;
import io.writerflow.maven.WriterflowException;
import io.writerflow.maven.engine.ApplyResult.AppliedMigration;
import io.writerflow.maven.engine.apply.ApplyFailures;
import io.writerflow.maven.engine.apply.ApplyPlan;
import io.writerflow.maven.engine.apply.ApplyPreflight;
import io.writerflow.maven.engine.apply.HranaPlanRunner;
import io.writerflow.maven.engine.apply.JdbcPlanRunner;
import io.writerflow.maven.engine.apply.PlanExecutor;
import io.writerflow.maven.engine.apply.PlanRunner;
import io.writerflow.maven.engine.backup.Backup;
import io.writerflow.maven.engine.backup.BackupTarget;
import io.writerflow.maven.engine.backup.Backups;
import io.writerflow.maven.engine.database.EmbeddedDatabases;
import io.writerflow.maven.engine.database.ForeignKeyCheck;
import io.writerflow.maven.engine.database.OpenDatabase;
import io.writerflow.maven.engine.database.RemoteDatabases;
import io.writerflow.maven.engine.database.SingleConnectionDataSource;
import io.writerflow.maven.engine.drift.DriftCache;
import io.writerflow.maven.engine.drift.DriftCheck;
import io.writerflow.maven.engine.drift.DriftAdoption;
import io.writerflow.maven.engine.drift.LiveSchema;
import io.writerflow.maven.engine.flyway.DrizzleMigrationResolver;
import io.writerflow.maven.engine.flyway.FlywayDebugLogCreator;
import io.writerflow.maven.engine.flyway.NoScanning;
import io.writerflow.maven.engine.history.DrizzleAdoption;
import io.writerflow.maven.engine.history.DrizzleHistoryWriter;
import io.writerflow.maven.engine.history.DrizzleTable;
import io.writerflow.maven.engine.history.EmbeddedHistory;
import io.writerflow.maven.engine.history.HistoryHead;
import io.writerflow.maven.engine.history.HistoryRepair;
import io.writerflow.maven.engine.history.HistoryRows;
import io.writerflow.maven.engine.history.HistoryStatus;
import io.writerflow.maven.engine.history.HistoryTable;
import io.writerflow.maven.engine.history.RemoteState;
import io.writerflow.maven.engine.lock.FileMigrationLock;
import io.writerflow.maven.engine.lock.LeaseMigrationLock;
import io.writerflow.maven.engine.lock.MigrationLock;
import io.writerflow.maven.engine.order.OutOfOrder;
import io.writerflow.maven.engine.rollback.RollbackRequest;
import io.writerflow.maven.engine.rollback.Rollbacks;
import io.writerflow.maven.engine.steps.Catalog;
import io.writerflow.maven.engine.steps.KnownIndexes;
import io.writerflow.maven.libsql.Hrana;
import io.writerflow.maven.libsql.HranaClient;
import io.writerflow.maven.libsql.LibsqlConnection;
import io.writerflow.maven.migrations.Migration;
import io.writerflow.maven.migrations.MigrationDirectory;
import io.writerflow.maven.schema.Schema;
import io.writerflow.maven.schema.introspect.SqliteIntrospector;
import io.writerflow.maven.settings.DatabaseUrl;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Applies a drizzle directory to a database and reports its status, with Flyway keeping the history,
 * checksums and per-migration transactions.
 */
public final class MigrationEngine {

    private final EngineSettings settings;
    private final Consumer<String> notices;
    private final Optional<DriftCache> driftCache;

    public MigrationEngine(EngineSettings settings) {
        this(settings, notice -> { });
    }

    /** @param notices told what the user should know while a goal runs, such as waiting for the lock */
    public MigrationEngine(EngineSettings settings, Consumer<String> notices) {
        this(settings, notices, Optional.empty());
    }

    private MigrationEngine(EngineSettings settings, Consumer<String> notices, Optional<DriftCache> driftCache) {
        this.settings = settings;
        this.notices = notices;
        this.driftCache = driftCache;
    }

    /**
     * This engine, keeping status's drift check of an embedded database in {@code directory} while the database's
     * schema and the snapshot are unchanged (see {@link DriftCache}); only when the plugin runs from its jar,
     * whose identity names the results.
     */
    public MigrationEngine keepingDrift(Path directory) {
        return PluginJar.identity().map(jar -> keepingDrift(new DriftCache(directory, jar))).orElse(this);
    }

    MigrationEngine keepingDrift(DriftCache cache) {
        return new MigrationEngine(settings, notices, Optional.of(cache));
    }

    /** The database as named in messages. */
    public String database() {
        return settings.url().display();
    }

    public MigrationDirectory loadDirectory() {
        return MigrationDirectory.load(settings.migrationsDir(), settings.migrationsDisplay());
    }

    /**
     * Applies every pending migration, each atomically together with its history row, under the migration
     * lock, through the one plan ({@link ApplyPlan}): in one transaction on an embedded file, in one request on a
     * remote database (see {@link PlanExecutor}).
     *
     * @param listener told of each migration once it has committed
     */
    public ApplyResult apply(MigrationDirectory directory, ApplyListener listener) {
        return apply(directory, ApplyOptions.NONE, listener);
    }

    /**
     * As {@link #apply(MigrationDirectory, ApplyListener)}, with a backup when {@code options} asks for one:
     * written once the lock is held and the preflight has passed, only when a migration is pending, and before it
     * runs, so it holds the database exactly as the migrations found it. A failed backup stops the apply before
     * any migration runs.
     */
    public ApplyResult apply(MigrationDirectory directory, ApplyOptions options, ApplyListener listener) {
        long start = System.nanoTime();
        return underLock(directory, options.outOfOrder(), (database, lock, starting) -> {
            StatusReport before = options.target().map(starting.before()::upTo).orElse(starting.before());
            if (options.outOfOrder()) {
                before = new OutOfOrder(settings, directory).admit(before);
            }
            new ApplyPreflight(settings).refuseCascadingDrops(database, ApplyPreflight.pending(before, directory));
            DrizzleHistoryWriter drizzleRows = drizzleHistoryWriter(starting.drizzle(), directory, before);
            if (before.count(MigrationState.PENDING) == 0) {
                catchUp(database.connection(), drizzleRows);
                return new ApplyResult(List.of(), Duration.ofNanos(System.nanoTime() - start), before.current());
            }
            Optional<Backup> backup = options.backup().map(target -> backUp(database.connection(), target));
            backup.ifPresent(listener::backedUp);
            List<AppliedMigration> committed = new ArrayList<>();
            ApplyResult result;
            try {
                result = executor(database, lock).apply(directory, before, starting.head(), starting.catalog(),
                        drizzleRows, committed::add);
            } finally {
                committed.forEach(listener::applied);
                caughtUp(drizzleRows, !committed.isEmpty());
            }
            return new ApplyResult(result.applied(), Duration.ofNanos(System.nanoTime() - start), result.current(),
                    backup);
        });
    }

    /**
     * Rolls back applied migrations, newest first, each by its down migration together with its record in the
     * history (and the removal of drizzle's row), under the migration lock, in one transaction through the same
     * plan as apply ({@link PlanExecutor#rollback}): one request on a remote database. Rolled back, a migration is
     * pending again. Refused before anything runs when a migration to roll back has no down migration, or an empty one,
     * or when a down migration loses data and the request does not accept that.
     *
     * @param listener told of each migration once it is rolled back and committed
     */
    public ApplyResult rollback(MigrationDirectory directory, RollbackRequest request, ApplyListener listener) {
        long start = System.nanoTime();
        return underLock(directory, false, (database, lock, starting) -> {
            StatusReport before = starting.before();
            List<Rollbacks.Down> downs = new Rollbacks(directory).downs(request.select(before));
            if (downs.isEmpty()) {
                return new ApplyResult(List.of(), Duration.ofNanos(System.nanoTime() - start), before.current());
            }
            List<Migration> runs = downs.stream().map(Rollbacks.Down::run).toList();
            downs.stream().filter(down -> down.parsed().edited()).forEach(down -> notices.accept(down.run().file()
                    + " was edited after generate wrote it: rollback runs it as it is now"));
            new ApplyPreflight(settings).refuseCascadingDrops(database, runs);
            if (!request.acceptDataLoss()) {
                Rollbacks.refuseDataLoss(downs, database.connection(), database());
            }
            List<AppliedMigration> undone = new ArrayList<>();
            ApplyResult result;
            try {
                result = executor(database, lock).rollback(runs, before, starting.head(), starting.catalog(),
                        drizzleHistoryWriter(starting.drizzle(), directory, before), KnownIndexes.own(directory),
                        undone::add);
            } finally {
                undone.forEach(listener::applied);
            }
            return new ApplyResult(result.applied(), Duration.ofNanos(System.nanoTime() - start), result.current());
        });
    }

    /** What apply and rollback do once the lock is held and the history read. */
    @FunctionalInterface
    private interface Locked<T> {
        T run(OpenDatabase database, MigrationLock lock, Starting starting) throws SQLException;
    }

    /**
     * Where apply and rollback start: the database opened, the migration lock taken, the history read (remote:
     * what the engine supports, the lock, the history and the schema, all in one request), drizzle's history
     * adopted and the preflight passed; then {@code work}, still under the lock.
     */
    private <T> T underLock(MigrationDirectory directory, boolean outOfOrder, Locked<T> work) {
        try (OpenDatabase opened = settings.url() instanceof DatabaseUrl.Remote remote
                ? RemoteDatabases.connect(settings, remote) : open(false);
             MigrationLock lock = lock(opened, opened.remote().isPresent() ? remoteStartReads() : List.of())) {
            OpenDatabase database = opened.remote().isPresent()
                    ? RemoteDatabases.learn(opened, part(((LeaseMigrationLock) lock).alongside(), 0,
                            factReads().size()))
                    : opened;
            Starting starting = database.remote().isPresent()
                    ? remoteStart(database, (LeaseMigrationLock) lock, directory, outOfOrder)
                    : embeddedStart(database, directory, outOfOrder);
            return work.run(database, lock, starting);
        } catch (FlywayException e) {
            throw new ApplyFailures(settings).translate(e);
        } catch (SQLException e) {
            throw cannotOpen(e);
        }
    }

    /** A backup of the database as the migrations find it, leaving out the remote lock this apply holds. */
    private Backup backUp(Connection connection, BackupTarget target) {
        return new Backups(target.directory(), target.clock(), Set.of(settings.lockTable()))
                .write(connection, settings.url());
    }

    /** What the engine supports, read in the request that takes the lock. */
    private List<Hrana.BatchStep> factReads() {
        return RemoteDatabases.factReads(LeaseMigrationLock.TAKING_STEPS,
                condition -> LeaseMigrationLock.failWhen(settings.lockTable(), condition));
    }

    private List<Hrana.BatchStep> remoteStartReads() {
        List<Hrana.BatchStep> reads = new ArrayList<>(factReads());
        reads.addAll(RemoteState.reads(settings.historyTable(), settings.drizzleTable()));
        return reads;
    }

    private static Hrana.BatchResult part(Hrana.BatchResult result, int from, int to) {
        return new Hrana.BatchResult(result.stepResults().subList(from, to), result.stepErrors().subList(from, to));
    }

    /** What an apply starts from, once drizzle's history is adopted and the preflight has passed. */
    private record Starting(StatusReport before, DrizzleTable drizzle, HistoryHead head, Catalog catalog) {
    }

    /** The state read in the request that took the lock; read again only when drizzle's history was adopted. */
    private Starting remoteStart(OpenDatabase database, LeaseMigrationLock lock, MigrationDirectory directory,
            boolean outOfOrder) throws SQLException {
        Hrana.BatchResult alongside = lock.alongside();
        RemoteState state = RemoteState.of(part(alongside, factReads().size(),
                alongside.stepResults().size()), settings.drizzleTable());
        StatusReport before = remoteReport(directory, state);
        if (adoptDrizzleHistory(database.connection(), directory, state.drizzle(), before)) {
            state = RemoteState.read(database.remote().orElseThrow(), settings.historyTable(), settings.drizzleTable());
            before = remoteReport(directory, state);
        }
        new ApplyPreflight(settings).check(before, database, directory, state.tables(), outOfOrder);
        return new Starting(before, state.drizzle(), state.head(), state.catalog());
    }

    private Starting embeddedStart(OpenDatabase database, MigrationDirectory directory, boolean outOfOrder)
            throws SQLException {
        // Flyway starts only to read a history only it can read
        Lazy<Flyway> flyway = new Lazy<>(() -> flyway(database.dataSource(), directory));
        StatusReport before = historyReport(database, directory, flyway);
        DrizzleTable drizzle = DrizzleTable.read(database.connection(), settings.drizzleTable());
        if (adoptDrizzleHistory(database.connection(), directory, drizzle, before)) {
            before = historyReport(database, directory, flyway);
        }
        new ApplyPreflight(settings).check(before, database, directory, null, outOfOrder);
        return new Starting(before, drizzle, HistoryTable.head(database.connection(), settings.historyTable()), null);
    }

    /** The runner of the database's transport, the plan's executor on it. */
    private PlanExecutor executor(OpenDatabase database, MigrationLock lock) {
        if (database.remote().isEmpty()) {
            return new PlanExecutor(settings, new JdbcPlanRunner(database.connection()), database, lock, () -> null,
                    notices);
        }
        HranaClient client = database.remote().get();
        return new PlanExecutor(settings, new HranaPlanRunner(client, database.connection(), lock::failWhen,
                        new PlanRunner.Envelope(database.envelopeBefore(), database.envelopeAfter())),
                database, lock, () -> {
                    try {
                        return RemoteState.read(client, settings.historyTable(), settings.drizzleTable()).rows();
                    } catch (SQLException e) {
                        return null;
                    }
                }, notices);
    }

    /**
     * The status of an embedded database: its history read directly ({@link EmbeddedHistory}), or, for a history
     * only Flyway can read, through Flyway's info.
     */
    private StatusReport historyReport(OpenDatabase database, MigrationDirectory directory, Lazy<Flyway> flyway)
            throws SQLException {
        Optional<List<HistoryStatus.Row>> rows = EmbeddedHistory.read(database.connection(), settings.historyTable());
        return rows.isPresent()
                ? new StatusReport(database(), directory.displayRoot(), true, HistoryStatus.of(directory, rows.get()),
                        directory.unlisted())
                : report(directory, flyway.get().info().all(), true);
    }

    private StatusReport remoteReport(MigrationDirectory directory, RemoteState state) {
        return new StatusReport(database(), directory.displayRoot(), true, HistoryStatus.of(directory, state.rows()),
                directory.unlisted());
    }

    /**
     * Records in the plugin's history what drizzle-kit migrate or drizzle-orm's migrator applied and the history
     * lacks: on the first apply to a database drizzle kept, or after drizzle's migrator ran between two applies.
     *
     * @return whether it recorded any
     */
    private boolean adoptDrizzleHistory(Connection connection, MigrationDirectory directory, DrizzleTable drizzle,
            StatusReport before) throws SQLException {
        if (!drizzle.exists()) {
            return false;
        }
        List<DrizzleAdoption.Adopted> adopted = DrizzleAdoption.read(drizzle, directory, database(),
                appliedVersions(before));
        if (adopted.isEmpty()) {
            return false;
        }
        HistoryRows.insert(connection, settings.historyTable(), adopted.stream()
                .map(a -> new HistoryRows.Row(a.migration(), "drizzle", a.appliedAt())).toList(), List.of());
        java.time.format.DateTimeFormatter when = java.time.format.DateTimeFormatter
                .ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(java.time.ZoneOffset.UTC);
        adopted.forEach(a -> notices.accept("Adopted " + a.migration().tag() + " as applied: drizzle applied it"
                + " (journal time " + when.format(a.appliedAt()) + ", per " + settings.drizzleTable()
                + ") and the file's hash matches"));
        return true;
    }

    /** The versions the history has applied (a changed file's included: it ran). */
    private static Set<String> appliedVersions(StatusReport report) {
        return report.migrations().stream()
                .filter(m -> m.state() == MigrationState.APPLIED || m.state() == MigrationState.CHANGED)
                .map(MigrationStatus::version).collect(Collectors.toSet());
    }

    private DrizzleHistoryWriter drizzleHistoryWriter(DrizzleTable drizzle, MigrationDirectory directory,
            StatusReport before) {
        Set<String> applied = appliedVersions(before);
        return new DrizzleHistoryWriter(settings.drizzleHistory(), drizzle, directory,
                directory.migrations().stream().filter(m -> applied.contains(m.version())).toList());
    }

    /** With nothing to apply, drizzle's history still learns what the plugin applied before, in one transaction. */
    private void catchUp(Connection connection, DrizzleHistoryWriter drizzleRows) throws SQLException {
        if (drizzleRows.catchingUp() > 0) {
            HistoryRows.insert(connection, settings.historyTable(), List.of(), drizzleRows.catchUp());
            caughtUp(drizzleRows, true);
        }
    }

    /** @param committed whether the transaction that caught drizzle's history up committed */
    private void caughtUp(DrizzleHistoryWriter drizzleRows, boolean committed) {
        if (committed && drizzleRows.catchingUp() > 0) {
            int n = drizzleRows.catchingUp();
            notices.accept("Recorded " + n + " migration" + (n == 1 ? "" : "s") + " applied earlier in "
                    + drizzleRows.table() + ", so drizzle's migrator sees " + (n == 1 ? "it" : "them") + " as applied");
        }
    }

    /**
     * Marks an existing database as being at migration {@code at} (a tag or an idx): it and every migration
     * before it are recorded as applied without running. Only for a database whose history is empty.
     *
     * @return the migrations recorded
     */
    public List<Migration> baseline(MigrationDirectory directory, String at) {
        Migration target = directory.find("writerflow.baselineAt", at);
        List<Migration> marked = directory.migrations().subList(0, directory.migrations().indexOf(target) + 1);
        try (OpenDatabase database = open(false); MigrationLock lock = lock(database)) {
            StatusReport before = report(directory,
                    flyway(database.dataSource(), directory).info().all(), true);
            if (before.migrations().stream().anyMatch(m -> m.state() != MigrationState.PENDING)) {
                throw new WriterflowException("Database " + database() + " already has a migration history ("
                        + before.current().orElse("with failed entries") + "); baseline is for a database without"
                        + " one. Nothing was changed.", "Use writerflow:apply (or writerflow:repair for failed or"
                        + " edited entries).");
            }
            Instant now = Instant.now();
            DrizzleHistoryWriter drizzleRows = new DrizzleHistoryWriter(settings.drizzleHistory(),
                    DrizzleTable.read(database.connection(), settings.drizzleTable()), directory, marked);
            HistoryRows.insert(database.connection(), settings.historyTable(), marked.stream()
                    .map(m -> new HistoryRows.Row(m, settings.installedBy() + " (baseline)", now)).toList(),
                    drizzleRows.catchUp());
            caughtUp(drizzleRows, true);
            return List.copyOf(marked);
        } catch (FlywayException e) {
            throw new ApplyFailures(settings).translate(e);
        } catch (SQLException e) {
            throw cannotOpen(e);
        }
    }

    /**
     * Records out-of-band changes as a migration (writerflow:adopt-drift), under the migration lock: with every
     * migration of the directory applied, {@code write} gets the database's live schema and writes the migration
     * that takes the latest snapshot's schema to it (returning its tag, or nothing when there is no drift), which
     * is then recorded in this database's history as applied without running, as baseline records, and in drizzle's
     * as apply would. Elsewhere it is pending and runs for real.
     *
     * @return the migration written and recorded, if there was drift
     */
    public Optional<Migration> adoptDrift(MigrationDirectory directory, Function<Schema, Optional<String>> write) {
        if (settings.url() instanceof DatabaseUrl.File file && !Files.exists(file.path())) {
            throw new WriterflowException("Database " + database() + " (from " + settings.urlSource() + ") does not"
                    + " exist, so it has no drift to adopt. Nothing was written.", "Set writerflow.url to the database"
                    + " that was changed out of band.");
        }
        try (OpenDatabase database = open(false); MigrationLock lock = lock(database)) {
            StatusReport before = currentReport(database, directory);
            DriftAdoption.refuseUnlessUpToDate(before, directory, database());
            Optional<String> tag = write.apply(LiveSchema.read(settings, database.connection()));
            if (tag.isEmpty()) {
                return Optional.empty();
            }
            MigrationDirectory written = loadDirectory();
            Migration adopted = written.find("the migration adopt-drift wrote", tag.get());
            List<Migration> applied = new ArrayList<>(directory.migrations());
            applied.add(adopted);
            DrizzleHistoryWriter drizzleRows = new DrizzleHistoryWriter(settings.drizzleHistory(),
                    DrizzleTable.read(database.connection(), settings.drizzleTable()), written, applied);
            HistoryRows.insert(database.connection(), settings.historyTable(), List.of(new HistoryRows.Row(adopted,
                    settings.installedBy() + " (adopt-drift)", Instant.now())), drizzleRows.catchUp());
            return Optional.of(adopted);
        } catch (FlywayException e) {
            throw new ApplyFailures(settings).translate(e);
        } catch (SQLException e) {
            throw cannotOpen(e);
        }
    }

    /**
     * Repairs the history under the migration lock, as Flyway's repair would, in one transaction (see
     * {@link HistoryRepair}): removes failed history entries, marks entries the directory no longer lists as
     * deleted, and realigns the recorded checksums and descriptions with the files.
     */
    public HistoryRepair.Result repair(MigrationDirectory directory) {
        try (OpenDatabase database = open(false); MigrationLock lock = lock(database)) {
            return HistoryRepair.repair(database.connection(), settings.historyTable(), directory,
                    settings.installedBy());
        } catch (SQLException e) {
            throw cannotOpen(e);
        }
    }

    /** Reports every migration's state without changing the database (or creating its file). */
    public StatusReport status(MigrationDirectory directory) {
        if (settings.url() instanceof DatabaseUrl.File file && !Files.exists(file.path())) {
            return report(directory, new MigrationInfo[0], false).withDrift(DriftCheck.NOTHING_APPLIED);
        }
        try (OpenDatabase database = open(true)) {
            StatusReport report = currentReport(database, directory);
            return report.withDrift(new DriftCheck(settings, directory, driftCache).check(report,
                    database.connection()));
        } catch (FlywayException e) {
            throw new ApplyFailures(settings).translate(e);
        } catch (SQLException e) {
            throw cannotOpen(e);
        }
    }

    /**
     * The application's part of the database's live schema ({@link LiveSchema}), read without changing anything,
     * for generate from the database ({@code writerflow.from=database}).
     *
     * @param asking the setting that asked, named when there is no database to read
     */
    public Schema liveSchema(String asking) {
        if (settings.url() instanceof DatabaseUrl.File file && !Files.exists(file.path())) {
            throw new WriterflowException(asking + " reads the database " + database() + " (from " + settings.urlSource()
                    + "), which does not exist. Nothing was written.", "Set writerflow.url (or drizzle.config's"
                    + " dbCredentials.url, or TURSO_DATABASE_URL) to the database whose schema to start from.");
        }
        try (OpenDatabase database = open(true)) {
            return LiveSchema.read(settings, database.connection());
        } catch (SQLException e) {
            throw cannotOpen(e);
        }
    }

    /** Every migration's state, with what drizzle's migrator applied counted as applied (drift not checked). */
    private StatusReport currentReport(OpenDatabase database, MigrationDirectory directory) throws SQLException {
        StatusReport report;
        DrizzleTable drizzle;
        if (database.remote().isPresent()) {
            RemoteState state = remoteState(database);
            report = remoteReport(directory, state);
            drizzle = state.drizzle();
        } else {
            report = historyReport(database, directory, new Lazy<>(() -> flyway(database.dataSource(), directory)));
            drizzle = DrizzleTable.read(database.connection(), settings.drizzleTable());
        }
        return withDrizzleApplied(report, directory, drizzle);
    }

    /**
     * The database's schema objects (tables, indexes, triggers, views, as {@code sqlite_master} keeps them), read
     * without changing anything; empty when the database file does not exist yet. For generate, which tells
     * what a rebuild will take down and apply will create again.
     */
    /**
     * The application's schema as the database has it (writerflow:pull): every table but the plugin's and drizzle's
     * history and lock tables and those drizzle.config's tablesFilter leaves out, and every view. Empty when the
     * embedded file does not exist.
     */
    public Optional<io.writerflow.maven.schema.Schema> applicationSchema() {
        if (settings.url() instanceof DatabaseUrl.File file && !Files.exists(file.path())) {
            return Optional.empty();
        }
        try (OpenDatabase database = open(true)) {
            io.writerflow.maven.schema.Schema read = new io.writerflow.maven.schema.introspect.SqliteIntrospector(
                    List.of(settings.historyTable(), settings.lockTable(), settings.drizzleTable()))
                    .read(database.connection());
            return Optional.of(new io.writerflow.maven.schema.Schema(read.tables().stream()
                    .filter(t -> settings.tablesFilter().includes(t.name())).toList(), read.views()));
        } catch (SQLException e) {
            throw cannotOpen(e);
        }
    }

    public Optional<Catalog> schemaObjects() {
        if (settings.url() instanceof DatabaseUrl.File file && !Files.exists(file.path())) {
            return Optional.empty();
        }
        try (OpenDatabase database = open(true)) {
            return Optional.of(Catalog.read(database.connection()));
        } catch (SQLException e) {
            throw cannotOpen(e);
        }
    }

    /**
     * The migrations drizzle's migrator applied that the plugin's history lacks (before the plugin's first apply
     * on a database drizzle kept, or after drizzle's migrator ran between two applies) are applied: reported so
     * (by drizzle, to be adopted on the next apply) and counted so by the gates. When drizzle's history and the
     * directory disagree, they stay pending; apply says what is wrong.
     */
    private StatusReport withDrizzleApplied(StatusReport report, MigrationDirectory directory, DrizzleTable drizzle) {
        if (!drizzle.exists()) {
            return report;
        }
        Map<String, Instant> adopted = new HashMap<>();
        try {
            DrizzleAdoption.read(drizzle, directory, database(), appliedVersions(report))
                    .forEach(a -> adopted.put(a.migration().version(), a.appliedAt()));
        } catch (WriterflowException e) {
            return report;
        }
        if (adopted.isEmpty()) {
            return report;
        }
        List<MigrationStatus> migrations = report.migrations().stream().map(m -> adopted.containsKey(m.version())
                && m.state() == MigrationState.PENDING
                ? new MigrationStatus(m.version(), m.tag(), m.file(), MigrationState.APPLIED, adopted.get(m.version()),
                "drizzle (adopted on the next apply)", null) : m).toList();
        return new StatusReport(report.database(), report.directory(), report.databaseExists(), migrations,
                report.unlisted());
    }

    /**
     * One request: the history and drizzle's (instead of the dozen requests of Flyway's info) together with the
     * reads of the drift check, which then finds its answers on the connection.
     */
    private RemoteState remoteState(OpenDatabase database) throws SQLException {
        List<Hrana.BatchStep> reads = new ArrayList<>(RemoteState.reads(settings.historyTable(),
                settings.drizzleTable()));
        SqliteIntrospector.QUERIES.forEach(sql -> reads.add(new Hrana.BatchStep(null, Hrana.Stmt.of(sql))));
        Hrana.BatchResult result = database.remote().orElseThrow().retryingBatch(reads);
        int own = reads.size() - SqliteIntrospector.QUERIES.size();
        RemoteState state = RemoteState.of(part(result, 0, own), settings.drizzleTable());
        LibsqlConnection connection = database.connection().unwrap(LibsqlConnection.class);
        for (int i = 0; i < SqliteIntrospector.QUERIES.size(); i++) {
            if (result.stepResults().get(own + i) != null) {
                connection.prime(SqliteIntrospector.QUERIES.get(i), result.stepResults().get(own + i));
            }
        }
        return state;
    }

    private WriterflowException cannotOpen(SQLException e) {
        return settings.url() instanceof DatabaseUrl.Remote
                ? RemoteDatabases.failure(settings, e, "Nothing was changed.")
                : EmbeddedDatabases.cannotOpen(settings.url(), settings.urlSource(), e);
    }

    /** @param readOnly for goals that never change the database */
    private OpenDatabase open(boolean readOnly) {
        if (settings.url() instanceof DatabaseUrl.Remote remote) {
            return RemoteDatabases.open(settings, remote, !readOnly);
        }
        SingleConnectionDataSource dataSource = EmbeddedDatabases.open(settings.url(), settings.urlSource(), readOnly,
                settings.lockTimeout());
        return new OpenDatabase(dataSource, Optional.empty(), new ForeignKeyCheck.Pragma(), false, false);
    }

    private MigrationLock lock(OpenDatabase database) throws SQLException {
        return lock(database, List.of());
    }

    /** @param alongside reads to send with taking a remote lock (see {@link LeaseMigrationLock#acquire}) */
    private MigrationLock lock(OpenDatabase database, List<Hrana.BatchStep> alongside)
            throws SQLException {
        String holder = MigrationLock.holder(settings.installedBy());
        if (settings.url() instanceof DatabaseUrl.File file) {
            MigrationLock lock = FileMigrationLock.acquire(file.path(), file.display(), holder, settings.lockTimeout(),
                    notices);
            try {
                probeWriteLock(database.connection());
            } catch (SQLException | RuntimeException e) {
                lock.close();
                throw e;
            }
            return lock;
        }
        if (database.remote().isPresent()) {
            return LeaseMigrationLock.acquire(database.remote().get(), settings.lockTable(), settings.url().display(),
                    holder, settings.lockLease(), settings.lockTimeout(), notices, alongside);
        }
        return MigrationLock.NONE;
    }

    /**
     * Takes and releases the write lock once, waiting up to the busy timeout, so that a database held by
     * another process fails here with one clear message instead of inside Flyway, which retries the
     * history table's creation for seconds on its own.
     */
    private static void probeWriteLock(Connection connection) throws SQLException {
        try (java.sql.Statement statement = connection.createStatement()) {
            statement.execute("BEGIN IMMEDIATE");
            statement.execute("ROLLBACK");
        }
    }

    /**
     * Flyway over the directory, for what it reads and writes besides running migrations (info of a history only
     * it can read, baseline's check): the plan runs the migrations.
     */
    private Flyway flyway(SingleConnectionDataSource dataSource, MigrationDirectory directory) {
        return Flyway.configure(MigrationEngine.class.getClassLoader())
                .dataSource(dataSource)
                .loggers(FlywayDebugLogCreator.class.getName())
                .table(settings.historyTable())
                .installedBy(settings.installedBy())
                .skipDefaultResolvers(true)
                .resolvers(new DrizzleMigrationResolver(directory))
                .skipDefaultCallbacks(true)
                .resourceProvider(NoScanning.INSTANCE)
                .javaMigrationClassProvider(NoScanning.INSTANCE)
                .callbackLocations(new org.flywaydb.core.api.Location[0])
                .validateMigrationNaming(false)
                .cleanDisabled(true)
                .load();
    }

    private StatusReport report(MigrationDirectory directory, MigrationInfo[] infos, boolean databaseExists) {
        List<MigrationStatus> rows = new ArrayList<>();
        if (infos.length == 0) {
            directory.migrations().forEach(m -> rows.add(new MigrationStatus(
                    m.version(), m.tag(), m.file(), MigrationState.PENDING, null, null, null)));
        }
        Map<String, Migration> byVersion = directory.migrations().stream()
                .collect(Collectors.toMap(Migration::version, m -> m));
        for (MigrationInfo info : infos) {
            MigrationState state = stateOf(info);
            if (state == null) {
                continue;
            }
            String version = info.getVersion() == null ? "" : info.getVersion().getVersion();
            Migration resolved = info.getState().isResolved() ? byVersion.get(version) : null;
            // for an applied migration Flyway describes it as the history does
            String appliedTag = info.getState().isApplied() ? info.getDescription() : null;
            rows.add(new MigrationStatus(
                    version,
                    resolved != null ? resolved.tag() : info.getDescription(),
                    resolved != null ? resolved.file() : null,
                    state,
                    info.getInstalledOn() == null ? null : info.getInstalledOn().toInstant(),
                    info.getInstalledBy(),
                    info.getExecutionTime(),
                    appliedTag));
        }
        return new StatusReport(settings.url().display(), directory.displayRoot(), databaseExists, rows,
                directory.unlisted());
    }

    private static MigrationState stateOf(MigrationInfo info) {
        return switch (info.getState()) {
            case SUCCESS, OUT_OF_ORDER, BASELINE ->
                    Objects.equals(info.getResolvedChecksum(), info.getAppliedChecksum()) ? MigrationState.APPLIED
                            : MigrationState.CHANGED;
            case PENDING, ABOVE_TARGET -> MigrationState.PENDING;
            case IGNORED -> MigrationState.SKIPPED;
            case FAILED, MISSING_FAILED, FUTURE_FAILED -> MigrationState.FAILED;
            case MISSING_SUCCESS, FUTURE_SUCCESS -> MigrationState.MISSING;
            default -> null;
        };
    }

    /**
     * Runs {@code action} while holding this database's migration lock, taken as apply takes it (waiting up to
     * lockTimeout with the same notice, failing with the same message) and released however the action ends:
     * for a goal that only reads the database but must not read it while an apply changes it, such as a dry
     * run. An embedded file that does not exist yet stays absent (its lock file lives elsewhere).
     */
    public <T> T whileLocked(java.util.function.Supplier<T> action) {
        if (settings.url() instanceof DatabaseUrl.File file) {
            try (MigrationLock lock = FileMigrationLock.acquire(file.path(), file.display(),
                    MigrationLock.holder(settings.installedBy()), settings.lockTimeout(), notices)) {
                return action.get();
            }
        }
        try (OpenDatabase database = open(true); MigrationLock lock = lock(database)) {
            return action.get();
        } catch (SQLException e) {
            throw cannotOpen(e);
        }
    }
}
