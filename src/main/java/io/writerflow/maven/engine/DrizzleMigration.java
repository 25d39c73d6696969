package io.writerflow.maven.engine;

import io.writerflow.maven.migrations.Migration;
import io.writerflow.maven.migrations.Statement;
import org.flywaydb.core.api.CoreMigrationType;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.executor.Context;
import org.flywaydb.core.api.executor.MigrationExecutor;
import org.flywaydb.core.api.resolver.ResolvedMigration;
import org.flywaydb.core.extensibility.MigrationType;
import org.flywaydb.core.internal.jdbc.Results;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Objects;

/**
 * A drizzle migration as Flyway sees it. The version is the journal's {@code idx}, so the history's
 * version column matches the file's number; the description is the tag.
 */
record DrizzleMigration(Migration migration) implements ResolvedMigration, MigrationExecutor {

    static MigrationVersion versionOf(int idx) {
        return MigrationVersion.fromVersion(Integer.toString(idx));
    }

    @Override
    public MigrationVersion getVersion() {
        return versionOf(migration.entry().idx());
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
     * Runs the statements on Flyway's connection, inside the transaction that also writes the history row,
     * then checks foreign keys before that transaction commits. Enforcement is off while migrations run
     * (see {@link EmbeddedDatabases}): a table rebuild drops and re-creates a parent table, which with
     * enforcement on would cascade-delete its children; checking afterwards still refuses a migration
     * that leaves orphans.
     */
    @Override
    public List<Results> execute(Context context) throws SQLException {
        try (java.sql.Statement jdbc = context.getConnection().createStatement()) {
            for (Statement statement : migration.statements()) {
                try {
                    jdbc.execute(statement.sql());
                } catch (SQLException e) {
                    throw new StatementFailedException(migration, statement, e);
                }
            }
            Map<String, Integer> violations = new TreeMap<>();
            try (ResultSet rs = jdbc.executeQuery("PRAGMA foreign_key_check")) {
                while (rs.next()) {
                    violations.merge(rs.getString("table") + " -> " + rs.getString("parent"), 1, Integer::sum);
                }
            }
            if (!violations.isEmpty()) {
                throw new ForeignKeyViolationException(migration, violations);
            }
        }
        return List.of();
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
