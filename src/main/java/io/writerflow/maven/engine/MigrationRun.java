package io.writerflow.maven.engine;

import io.writerflow.maven.engine.steps.KnownIndexes;
import io.writerflow.maven.engine.steps.MigrationSteps;
import io.writerflow.maven.engine.steps.SchemaSource;
import io.writerflow.maven.engine.steps.Step;
import io.writerflow.maven.engine.steps.StepOrigins;
import io.writerflow.maven.libsql.LibsqlConnection;
import io.writerflow.maven.migrations.Migration;
import io.writerflow.maven.migrations.Statement;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * What the migrations of one apply share: the lock's transaction guard, the foreign-key check, drizzle's
 * history rows, the indexes each migration's previous snapshot declares (for its rebuilds, see
 * {@link MigrationSteps}), and, for a remote database whose transaction only runs at commit, where the running
 * migration's steps sit in that transaction, so a statement the server refuses at commit is named by file and
 * line.
 */
final class MigrationRun {

    /** Where a failed statement of a committed-at-once transaction came from. */
    sealed interface Origin {
        record LockGuard() implements Origin {
        }

        /** @param added empty for the migration's own statement; else what apply ran around it, and why */
        record MigrationStatement(Migration migration, Statement statement, Optional<Step.Added> added)
                implements Origin {
        }

        record ForeignKeyGuard(Migration migration) implements Origin {
        }

        record Other() implements Origin {
        }
    }

    private final MigrationLock lock;
    private final ForeignKeyCheck foreignKeys;
    private final Function<Migration, Set<String>> knownIndexes;
    private DrizzleHistoryWriter drizzle;
    private StepOrigins origins = new StepOrigins();
    private Migration current;
    private boolean first;
    private int offset = -1;
    private int foreignKeyGuard = -1;
    private long rowsChanged = -1;
    private long changesBefore = -1;

    MigrationRun(MigrationLock lock, ForeignKeyCheck foreignKeys) {
        this(lock, foreignKeys, KnownIndexes.none());
    }

    /** @param knownIndexes for each migration, the indexes its previous snapshot declares (lower case) */
    MigrationRun(MigrationLock lock, ForeignKeyCheck foreignKeys, Function<Migration, Set<String>> knownIndexes) {
        this.lock = lock;
        this.foreignKeys = foreignKeys;
        this.knownIndexes = knownIndexes;
    }

    /** What to run for {@code migration} on {@code connection}, which also answers the rebuilds' schema reads. */
    MigrationSteps steps(Migration migration, Connection connection) {
        return new MigrationSteps(migration, SchemaSource.of(connection), () -> knownIndexes.apply(migration));
    }

    /** Called before each step of the running migration is executed. */
    void sending(Step step) {
        if (offset >= 0) {
            origins.add(step);
        }
    }

    List<String> transactionGuard() {
        return lock.transactionGuard();
    }

    ForeignKeyCheck foreignKeys() {
        return foreignKeys;
    }

    /**
     * Adds the foreign-key check to the running migration's transaction as a statement that fails it when
     * a row points at nothing; false when the lock cannot make such a statement (an embedded database, where
     * the caller reads the violations before the commit instead).
     */
    boolean guardForeignKeys(Connection connection, java.sql.Statement jdbc) throws SQLException {
        if (lock.transactionGuard().isEmpty()) {
            return false;
        }
        String orphans = foreignKeys.orphansExist(connection);
        if (orphans != null) {
            foreignKeyGuard = pending(connection);
            jdbc.execute(lock.failWhen(orphans));
        }
        return true;
    }

    /** Records each migration in drizzle's history table too, as {@code drizzle} decides. */
    void recordInDrizzleHistory(DrizzleHistoryWriter drizzle) {
        this.drizzle = drizzle;
    }

    /** Called after the guard, before the migration's first statement. */
    void started(Migration migration, Connection connection) throws SQLException {
        first = current == null;
        current = migration;
        offset = pending(connection);
        origins = new StepOrigins();
        foreignKeyGuard = -1;
        // A remote transaction runs at commit, so its changes are unknown here. Embedded: total_changes()
        // counts rows inserted, updated and deleted, where a statement's update count would also carry the
        // previous statement's count over a CREATE or DROP.
        rowsChanged = -1;
        changesBefore = offset < 0 ? totalChanges(connection) : -1;
    }

    /** Called after the running migration's last statement. */
    void statementsDone(Connection connection) throws SQLException {
        if (changesBefore >= 0) {
            rowsChanged = totalChanges(connection) - changesBefore;
        }
    }

    /** What the running migration's transaction writes into drizzle's history table, after its statements. */
    List<String> drizzleHistory() {
        return drizzle == null ? List.of() : drizzle.statements(current, first);
    }

    private static long totalChanges(Connection connection) throws SQLException {
        try (java.sql.Statement statement = connection.createStatement();
             java.sql.ResultSet rs = statement.executeQuery("SELECT total_changes()")) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    /** Rows changed by the migration that started last, or -1 when the driver cannot tell. */
    long rowsChanged() {
        return rowsChanged;
    }

    private static int pending(Connection connection) throws SQLException {
        return connection.isWrapperFor(LibsqlConnection.class)
                ? connection.unwrap(LibsqlConnection.class).pendingStatements().size() : -1;
    }

    Migration current() {
        return current;
    }

    /** What the transaction's statement {@code index} (0-based) was. */
    Origin origin(int index) {
        if (current == null || offset < 0 || index < 0) {
            return new Origin.Other();
        }
        if (index < offset) {
            return index >= offset - lock.transactionGuard().size() ? new Origin.LockGuard() : new Origin.Other();
        }
        if (index == foreignKeyGuard) {
            return new Origin.ForeignKeyGuard(current);
        }
        return origins.at(current, index - offset)
                .<Origin>map(o -> new Origin.MigrationStatement(current, o.statement(), o.added()))
                .orElse(new Origin.Other());
    }
}
