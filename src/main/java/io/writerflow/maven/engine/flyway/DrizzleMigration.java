package io.writerflow.maven.engine.flyway;

import io.writerflow.maven.engine.apply.ApplyPlan;
import io.writerflow.maven.migrations.Migration;
import org.flywaydb.core.api.CoreMigrationType;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.executor.Context;
import org.flywaydb.core.api.executor.MigrationExecutor;
import org.flywaydb.core.api.resolver.ResolvedMigration;
import org.flywaydb.core.extensibility.MigrationType;
import org.flywaydb.core.internal.jdbc.Results;

import java.util.List;
import java.util.Objects;

/**
 * A drizzle migration as Flyway sees it. The version is the journal's {@code idx} or the folder's timestamp,
 * so the history's version column matches the file's number; the description is the tag.
 */
public record DrizzleMigration(Migration migration, MigrationVersion version)
        implements ResolvedMigration, MigrationExecutor {

    /** The version parsed once: Flyway asks for it for every migration before each migration it applies. */
    DrizzleMigration(Migration migration) {
        this(migration, MigrationVersion.fromVersion(migration.version()));
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

    /** Never called: apply runs migrations through its plan ({@link ApplyPlan}); Flyway only reads. */
    @Override
    public List<Results> execute(Context context) {
        throw new IllegalStateException("Flyway was asked to run " + migration.tag()
                + "; apply runs migrations through its plan");
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
