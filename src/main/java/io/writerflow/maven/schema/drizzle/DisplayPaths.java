package io.writerflow.maven.schema.drizzle;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * How messages name the schema's files: relative to the schema file as the user knows it (the configured
 * {@code writerflow.schema}), so {@code src/lib/db/columns.js} rather than an absolute path or the engine's
 * module name {@code ./columns.js}. Files outside the schema's directory keep their absolute path.
 */
final class DisplayPaths {

    private final Path shownDirectory;
    private final Set<Path> directories = new LinkedHashSet<>();

    /**
     * @param schemaFile the schema file
     * @param shownAs    how messages name it
     */
    DisplayPaths(Path schemaFile, Path shownAs) {
        this.shownDirectory = shownAs.getParent();
        Path directory = schemaFile.toAbsolutePath().normalize().getParent();
        directories.add(directory);
        try {
            directories.add(directory.toRealPath());
        } catch (IOException e) {
            // no real path: the absolute one is all there is
        }
    }

    String display(String path) {
        Path file;
        try {
            file = Path.of(path);
        } catch (RuntimeException e) {
            return path;
        }
        if (!file.isAbsolute()) {
            return path;
        }
        for (Path directory : directories) {
            if (file.startsWith(directory)) {
                Path relative = directory.relativize(file);
                return (shownDirectory == null ? relative : shownDirectory.resolve(relative)).toString();
            }
        }
        return file.toString();
    }
}
