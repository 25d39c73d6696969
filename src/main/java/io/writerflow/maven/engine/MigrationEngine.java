package io.writerflow.maven.engine;

import io.writerflow.maven.WriterflowException;
import io.writerflow.maven.engine.ApplyResult.AppliedMigration;
import io.writerflow.maven.migrations.Migration;
import io.writerflow.maven.migrations.MigrationDirectory;
import io.writerflow.maven.settings.DatabaseUrl;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.callback.Callback;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Applies a drizzle directory to a database and reports its status, with Flyway keeping the history,
 * checksums and per-migration transactions.
 */
public final class MigrationEngine {

    private final EngineSettings settings;

    public MigrationEngine(EngineSettings settings) {
        this.settings = settings;
    }

    /** The database as named in messages. */
    public String database() {
        return settings.url().display();
    }

    public MigrationDirectory loadDirectory() {
        return MigrationDirectory.load(settings.migrationsDir(), settings.migrationsDisplay());
    }

    /**
     * Applies every pending migration, each in its own transaction together with its history row.
     *
     * @param listener told of each migration as soon as it has run
     */
    public ApplyResult apply(MigrationDirectory directory, Consumer<AppliedMigration> listener) {
        long start = System.nanoTime();
        Map<String, Integer> statementCounts = directory.migrations().stream()
                .collect(Collectors.toMap(Migration::tag, m -> m.statements().size()));
        ProgressCallback progress = new ProgressCallback(statementCounts, listener);
        try (SingleConnectionDataSource dataSource = open(false)) {
            probeWriteLock(dataSource.connection());
            Flyway flyway = flyway(dataSource, directory, progress);
            StatusReport before = report(directory, flyway.info().all(), true);
            refuseUnsafeStart(before, dataSource.connection());
            if (before.count(MigrationState.PENDING) == 0) {
                return new ApplyResult(List.of(), Duration.ofNanos(System.nanoTime() - start), before.current());
            }
            try {
                flyway.migrate();
            } catch (FlywayException e) {
                throw translate(e, before, progress.applied(), dataSource.connection());
            }
            List<AppliedMigration> applied = progress.applied();
            Optional<String> current = applied.isEmpty() ? before.current()
                    : Optional.of(applied.get(applied.size() - 1).tag());
            return new ApplyResult(applied, Duration.ofNanos(System.nanoTime() - start), current);
        } catch (FlywayException e) {
            throw translate(e, null, progress.applied(), null);
        } catch (SQLException e) {
            throw EmbeddedDatabases.cannotOpen(settings.url(), settings.urlSource(), e);
        }
    }

    /** Reports every migration's state without changing the database (or creating its file). */
    public StatusReport status(MigrationDirectory directory) {
        if (settings.url() instanceof DatabaseUrl.File file && !Files.exists(file.path())) {
            return report(directory, new MigrationInfo[0], false);
        }
        try (SingleConnectionDataSource dataSource = open(true)) {
            return report(directory, flyway(dataSource, directory).info().all(), true);
        } catch (FlywayException e) {
            throw translate(e, null, List.of(), null);
        } catch (SQLException e) {
            throw EmbeddedDatabases.cannotOpen(settings.url(), settings.urlSource(), e);
        }
    }

    private SingleConnectionDataSource open(boolean readOnly) {
        return EmbeddedDatabases.open(settings.url(), settings.urlSource(), readOnly, settings.busyTimeout());
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

    private Flyway flyway(SingleConnectionDataSource dataSource, MigrationDirectory directory, Callback... callbacks) {
        return Flyway.configure(MigrationEngine.class.getClassLoader())
                .dataSource(dataSource)
                .loggers(FlywayDebugLogCreator.class.getName())
                .table(settings.historyTable())
                .installedBy(settings.installedBy())
                .skipDefaultResolvers(true)
                .resolvers(new DrizzleMigrationResolver(directory))
                .skipDefaultCallbacks(true)
                .callbacks(callbacks)
                .validateMigrationNaming(false)
                .cleanDisabled(true)
                .load();
    }

    private StatusReport report(MigrationDirectory directory, MigrationInfo[] infos, boolean databaseExists) {
        List<MigrationStatus> rows = new ArrayList<>();
        if (infos.length == 0) {
            directory.migrations().forEach(m -> rows.add(new MigrationStatus(
                    Integer.toString(m.entry().idx()), m.tag(), m.file(), MigrationState.PENDING, null, null, null)));
        }
        Map<String, Migration> byVersion = directory.migrations().stream()
                .collect(Collectors.toMap(m -> Integer.toString(m.entry().idx()), m -> m));
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

    /** Refuses to start when applying would build on an unknown or altered past. */
    private void refuseUnsafeStart(StatusReport before, Connection connection) throws SQLException {
        boolean nothingApplied = before.migrations().stream().allMatch(m -> m.state() == MigrationState.PENDING);
        if (nothingApplied) {
            List<String> tables = userTables(connection);
            if (!tables.isEmpty()) {
                throw new WriterflowException("Database " + settings.url().display() + " already has tables ("
                        + String.join(", ", tables.size() > 5 ? tables.subList(0, 5) : tables)
                        + (tables.size() > 5 ? ", ..." : "") + ") but no migration history ("
                        + settings.historyTable() + "), so it is unknown which migrations it already has.",
                        "Apply to an empty database (for a development file: delete it and run apply again)."
                                + " Nothing was changed.");
            }
        }
        for (MigrationStatus m : before.migrations()) {
            switch (m.state()) {
                case CHANGED -> throw m.renumbered() ? new WriterflowException("The database applied "
                        + m.appliedTag() + " as version " + m.version() + appliedWhen(m) + ", but "
                        + settings.migrationsDisplay() + "/meta/_journal.json now lists " + m.tag()
                        + " at idx " + m.version() + ". Nothing was applied.",
                        "Two branches probably each added a migration: keep the applied one at its idx, and"
                                + " regenerate the other on top of it.")
                        : new WriterflowException(m.file() + " was changed after it was applied"
                        + appliedWhen(m) + "; the database ran the old text. Nothing was applied.",
                        "Restore the file as it was (git checkout -- " + m.file()
                                + ") and put the change into a new migration.");
                case FAILED -> throw new WriterflowException("The history records " + m.tag() + " as failed"
                        + appliedWhen(m) + "; the database may hold part of it. Nothing was applied.",
                        "Repair the database by hand, then delete the failed row (version " + m.version() + ") from "
                                + settings.historyTable() + ".");
                case MISSING -> throw new WriterflowException("The database has " + m.tag() + " (version "
                        + m.version() + ") applied" + appliedWhen(m) + ", but " + settings.migrationsDisplay()
                        + "/meta/_journal.json does not list it. Nothing was applied.",
                        "Check out the branch that contains this migration, or point writerflow.out at the"
                                + " directory this database was migrated from.");
                case SKIPPED -> throw new WriterflowException(m.file() + " is not applied, but a later migration"
                        + " is: the journal gained an entry before the database's last migration. Nothing was applied.",
                        "Move the change into a new migration after the last applied one (two branches probably"
                                + " each added a migration; regenerate yours on top).");
                default -> {
                }
            }
        }
    }

    private static String appliedWhen(MigrationStatus m) {
        return m.appliedAt() == null ? "" : " (on " + m.appliedAt() + (m.appliedBy() == null ? "" : " by "
                + m.appliedBy()) + ")";
    }

    private List<String> userTables(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (java.sql.Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(
                "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"
                        + " ORDER BY name")) {
            while (rs.next()) {
                String name = rs.getString(1);
                if (!name.equalsIgnoreCase(settings.historyTable())) {
                    tables.add(name);
                }
            }
        }
        return tables;
    }

    private WriterflowException translate(FlywayException e, StatusReport before, List<AppliedMigration> applied,
                                          Connection connection) {
        Optional<WriterflowException> fileProblem =
                EmbeddedDatabases.fileProblem(settings.url(), settings.urlSource(), e);
        if (fileProblem.isPresent()) {
            return fileProblem.get();
        }
        Optional<String> current = applied.isEmpty()
                ? Optional.ofNullable(before).flatMap(StatusReport::current)
                : Optional.of(applied.get(applied.size() - 1).tag());
        String rolledBack = "\n  The migration was rolled back; the database is "
                + current.map(tag -> "still at " + tag).orElse("still without any migration") + ".";
        StatementFailedException failed = causeOfType(e, StatementFailedException.class);
        if (failed != null) {
            Migration migration = failed.migration();
            String nulls = nullRowsBehind((SQLException) failed.getCause(), connection);
            return new WriterflowException("Migration " + migration.tag() + " failed at statement "
                    + failed.statement().number() + " of " + migration.statements().size() + " ("
                    + migration.file() + ":" + failed.statement().line() + "): "
                    + databaseMessage((SQLException) failed.getCause()) + nulls + rolledBack,
                    nulls.isEmpty()
                            ? "Fix statement " + failed.statement().number() + " in " + migration.file()
                            + " (it never ran to completion, so editing it is safe) and run apply again."
                            : "Give the column a default in the schema and generate again, or fill the NULLs in a"
                            + " migration before this one.");
        }
        ForeignKeyViolationException violation = causeOfType(e, ForeignKeyViolationException.class);
        if (violation != null) {
            return new WriterflowException("Migration " + violation.migration().tag() + " ("
                    + violation.migration().file() + ") would leave rows whose foreign keys point at nothing: "
                    + violation.violationsByReference().entrySet().stream()
                    .map(v -> v.getKey() + " (" + v.getValue() + " row" + (v.getValue() == 1 ? "" : "s") + ")")
                    .collect(Collectors.joining(", ")) + "." + rolledBack,
                    "Make the migration delete or fix those rows, or change the foreign key, then apply again.");
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip();
        return new WriterflowException("Flyway could not complete the operation on " + settings.url().display()
                + ": " + message, "Run with -X for the full trace; the database was left as the last"
                + " committed migration left it.", e);
    }

    /**
     * For "NOT NULL constraint failed: __new_users.name" (a rebuild copying NULLs into a column that became
     * NOT NULL), counts the rows that hold NULL, read after the rollback: the user's next step depends on it.
     */
    private static String nullRowsBehind(SQLException e, Connection connection) {
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("NOT NULL constraint failed: (?:__new_)?([^.\\s]+)\\.([^\\s)]+)")
                .matcher(String.valueOf(e.getMessage()));
        if (!m.find() || connection == null) {
            return "";
        }
        String table = m.group(1);
        String column = m.group(2);
        try (java.sql.Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT count(*) FROM \"" + table.replace("\"", "\"\"")
                     + "\" WHERE \"" + column.replace("\"", "\"\"") + "\" IS NULL")) {
            long count = rs.next() ? rs.getLong(1) : 0;
            return count == 0 ? "" : "\n  " + table + "." + column + " becomes NOT NULL without a default, and "
                    + count + " row" + (count == 1 ? " of " + table + " holds" : "s of " + table + " hold") + " NULL there.";
        } catch (SQLException ignored) {
            return "";
        }
    }

    /** The database's own words, without sqlite-jdbc's wrapping: "SQLITE_ERROR: no such table: x". */
    static String databaseMessage(SQLException e) {
        String message = String.valueOf(e.getMessage());
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("^\\[(SQLITE_[A-Z_]+)][^(]*\\((.*)\\)$", java.util.regex.Pattern.DOTALL).matcher(message);
        return m.matches() ? m.group(1) + ": " + m.group(2) : message;
    }

    private static <T extends Throwable> T causeOfType(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
