package io.writerflow.maven.engine;

import io.writerflow.maven.libsql.LibsqlTransactionException;
import io.writerflow.maven.migrations.Migration;
import org.flywaydb.core.api.CoreMigrationType;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.executor.Context;
import org.flywaydb.core.api.executor.MigrationExecutor;
import org.flywaydb.core.api.resolver.ResolvedMigration;
import org.flywaydb.core.extensibility.MigrationType;
import org.flywaydb.core.internal.jdbc.Results;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A drizzle migration as Flyway sees it. The version is the journal's {@code idx} or the folder's timestamp,
 * so the history's version column matches the file's number; the description is the tag.
 */
record DrizzleMigration(Migration migration, MigrationRun run, MigrationVersion version)
        implements ResolvedMigration, MigrationExecutor {

    /** The version parsed once: Flyway asks for it for every migration before each migration it applies. */
    DrizzleMigration(Migration migration, MigrationRun run) {
        this(migration, run, MigrationVersion.fromVersion(migration.version()));
    }

    @Override
    public MigrationVersion getVersion() {
        return version;
    }

    /** Flyway keeps migrations in hash maps: hashing each one's statements every time would cost their size. */
    @Override
    public int hashCode() {
        return migration.version().hashCode();
    }

    @Override
    public String getDescription() {
        return migration.tag();
    }

    @Override
    public String getScript() {
        return migration.file();
    }

    @Override
    public Integer getChecksum() {
        return migration.checksum();
    }

    @Override
    public MigrationType getType() {
        return CoreMigrationType.SQL;
    }

    @Override
    public String getPhysicalLocation() {
        return migration.file();
    }

    @Override
    public MigrationExecutor getExecutor() {
        return this;
    }

    @Override
    public boolean checksumMatches(Integer checksum) {
        return Objects.equals(checksum, migration.checksum());
    }

    @Override
    public boolean checksumMatchesWithoutBeingIdentical(Integer checksum) {
        return false;
    }

    /**
     * Runs the lock's guard, the migration's steps (its statements, and what keeps a rebuilt table's neighbours:
     * see {@link io.writerflow.maven.engine.steps.MigrationSteps}), drizzle's history row and the foreign-key
     * check on Flyway's connection, inside the transaction that also writes the history row. On a remote
     * database the transaction is sent as one request at commit, so a statement the server refuses surfaces
     * there, or at a read inside the transaction, which runs the transaction so far (see {@link MigrationRun}).
     */
    @Override
    public List<Results> execute(Context context) throws SQLException {
        java.sql.Connection connection = context.getConnection();
        try {
            Map<String, Integer> violations;
            try (java.sql.Statement jdbc = connection.createStatement()) {
                for (String guard : run.transactionGuard()) {
                    jdbc.execute(guard);
                }
                run.started(migration, connection);
                // executed as they are read: a large migration is never held whole
                run.steps(migration, connection).forEach(step -> {
                    run.sending(step);
                    try {
                        jdbc.execute(step.sql());
                    } catch (SQLException e) {
                        throw new StatementFailedException(migration, step.statement(), step.added(), e);
                    }
                });
                run.statementsDone(connection);
                for (String sql : run.drizzleHistory()) {
                    jdbc.execute(sql);
                }
                if (run.guardForeignKeys(connection, jdbc)) {
                    return List.of();
                }
            }
            violations = run.foreignKeys().violations(connection);
            if (!violations.isEmpty()) {
                throw new ForeignKeyViolationException(migration, violations);
            }
            return List.of();
        } catch (LibsqlTransactionException e) {
            throw run.origin(e.statementIndex()) instanceof MigrationRun.Origin.MigrationStatement s
                    ? new StatementFailedException(migration, s.statement(), s.added(), (SQLException) e.getCause())
                    : e;
        }
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public boolean shouldExecute() {
        return true;
    }
}
