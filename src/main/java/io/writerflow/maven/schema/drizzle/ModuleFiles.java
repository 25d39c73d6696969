package io.writerflow.maven.schema.drizzle;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Which file a relative import means. drizzle-kit loads schema.js through a CommonJS loader (esbuild), so
 * schemas may import {@code ./columns} for {@code ./columns.js} and {@code ./tables} for
 * {@code ./tables/index.js}, which plain ES module resolution would reject; the same lookups apply here.
 */
final class ModuleFiles {

    private static final List<String> EXTENSIONS = List.of(".js", ".mjs");

    private ModuleFiles() {
    }

    /** The file {@code path} names, or {@code path} itself when nothing matches (reading it then fails). */
    static Path resolve(Path path) {
        if (Files.isRegularFile(path)) {
            return path;
        }
        String name = path.getFileName() == null ? "" : path.getFileName().toString();
        for (String extension : EXTENSIONS) {
            Path candidate = path.resolveSibling(name + extension);
            if (!name.isEmpty() && Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        if (Files.isDirectory(path)) {
            for (String extension : EXTENSIONS) {
                Path candidate = path.resolve("index" + extension);
                if (Files.isRegularFile(candidate)) {
                    return candidate;
                }
            }
        }
        return path;
    }

    /** Whether {@code specifier} names a file (relative or absolute) rather than a package. */
    static boolean isPathSpecifier(String specifier) {
        return specifier.startsWith("./") || specifier.startsWith("../") || specifier.startsWith("/")
                || specifier.equals(".") || specifier.equals("..");
    }
}
