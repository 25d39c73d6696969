package io.writerflow.maven.settings;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What a project's drizzle.config says that the plugin uses, read as drizzle-kit reads it. The plugin's own
 * configuration and {@code -D} properties win over each of these.
 *
 * @param file            the config file
 * @param shownAs         how messages name it (relative to the project)
 * @param schema          {@code schema}: files, directories or globs, relative to the config's directory
 * @param out             {@code out}, relative to the config's directory
 * @param turso           {@code dialect: 'turso'} (or an older config's {@code driver: 'turso'})
 * @param driver          {@code driver}, when it only changes how drizzle-kit connects ({@code d1-http},
 *                        {@code expo}, {@code durable-sqlite}): then {@code dbCredentials} is not a URL
 * @param url             {@code dbCredentials.url}, as a URL the plugin reads ({@code file:} added to a path); may
 *                        carry a token ({@code ?authToken=}), so it is never printed
 * @param authToken       {@code dbCredentials.authToken}; never printed
 * @param migrationsTable {@code migrations.table}: drizzle's own history table
 * @param prefix          {@code migrations.prefix}: how new migrations are numbered
 * @param breakpoints     {@code breakpoints}
 * @param casing          {@code casing}: {@code snake_case} or {@code camelCase}
 * @param tablesFilter    {@code tablesFilter}: globs of the tables the project owns
 * @param warnings        what to tell the user about the config (an older drizzle-kit's form, say)
 */
public record DrizzleConfig(Path file, String shownAs, List<String> schema, Optional<String> out, boolean turso,
                            Optional<String> driver, Optional<String> url, Optional<AuthToken> authToken,
                            Optional<String> migrationsTable, Optional<String> prefix, Optional<Boolean> breakpoints,
                            Optional<String> casing, List<String> tablesFilter, List<String> warnings) {

    public DrizzleConfig {
        schema = List.copyOf(schema);
        tablesFilter = List.copyOf(tablesFilter);
        warnings = List.copyOf(warnings);
    }

    /** The directory relative paths in the config are relative to (drizzle-kit runs in it). */
    public Path directory() {
        return file.toAbsolutePath().normalize().getParent();
    }

    @Override
    public String toString() {
        return "DrizzleConfig[" + shownAs + "]"; // dbCredentials.url may carry ?authToken=
    }

    /** {@code out} as a path. */
    public Optional<Path> outDirectory() {
        return out.map(o -> directory().resolve(o).normalize());
    }
}
