package io.writerflow.maven.engine.flyway;

import io.writerflow.maven.migrations.MigrationDirectory;
import org.flywaydb.core.api.resolver.MigrationResolver;
import org.flywaydb.core.api.resolver.ResolvedMigration;

import java.util.Collection;
import java.util.List;

/** Gives Flyway the migrations of a drizzle directory, in directory order, in place of Flyway's V__ files. */
public final class DrizzleMigrationResolver implements MigrationResolver {

    private final MigrationDirectory directory;
    public DrizzleMigrationResolver(MigrationDirectory directory) {
        this.directory = directory;
    }

    @Override
    public Collection<ResolvedMigration> resolveMigrations(Context context) {
        return List.copyOf(directory.migrations().stream().map(m -> new DrizzleMigration(m)).toList());
    }
}
