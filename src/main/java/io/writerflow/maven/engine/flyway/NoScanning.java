package io.writerflow.maven.engine.flyway;

import org.flywaydb.core.api.ClassProvider;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.migration.JavaMigration;
import org.flywaydb.core.api.resource.LoadableResource;

import java.util.Collection;
import java.util.List;

/**
 * Flyway's resources and Java migrations: none. The migrations come from {@link DrizzleMigrationResolver} and
 * the callbacks from the engine, yet without these Flyway scans the plugin's class path for {@code db/migration}
 * and {@code db/callback} on every command.
 */
public final class NoScanning implements ResourceProvider, ClassProvider<JavaMigration> {

    public static final NoScanning INSTANCE = new NoScanning();

    private NoScanning() {
    }

    @Override
    public LoadableResource getResource(String name) {
        return null;
    }

    @Override
    public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
        return List.of();
    }

    @Override
    public Collection<Class<? extends JavaMigration>> getClasses() {
        return List.of();
    }
}
