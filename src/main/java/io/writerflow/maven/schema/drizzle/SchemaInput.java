package io.writerflow.maven.schema.drizzle;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A schema to read: its files (drizzle-kit's {@code schema}, resolved by {@link SchemaFiles}), how messages
 * name them, the process the code sees, and drizzle.config's {@code casing}.
 *
 * @param shownAs how messages name the schema: the file as configured, relative to the project
 */
public record SchemaInput(List<Path> files, String shownAs, ScriptEnvironment environment, Optional<String> casing) {

    public SchemaInput {
        files = List.copyOf(files);
    }

    /** One file, in the project's environment, without casing. */
    public static SchemaInput of(Path file, String shownAs) {
        Path parent = file.toAbsolutePath().normalize().getParent();
        return new SchemaInput(List.of(file), shownAs, ScriptEnvironment.of(parent), Optional.empty());
    }
}
