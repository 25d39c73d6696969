package io.writerflow.maven.schema.drizzle.modules;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which file an import of a project file means. drizzle-kit loads the schema through esbuild's CommonJS
 * hooks (esbuild-register in 0.31, tsx in 1.0), so schemas import {@code ./columns} for
 * {@code ./columns.ts}, {@code ./tables} for {@code ./tables/index.ts}, and, as TypeScript's NodeNext habit
 * has it, {@code ./users.js} for {@code ./users.ts}; plain ES module resolution would reject all three.
 */
public final class SourceFiles {

    /** Tried in this order after a name without a known extension, as Node's require tries its extensions. */
    static final List<String> EXTENSIONS = List.of(".js", ".mjs", ".ts", ".tsx", ".mts", ".cts", ".jsx", ".cjs");

    private SourceFiles() {
    }

    /** The file {@code path} names, looked up as drizzle-kit's loaders do, or empty when none matches. */
    public static Optional<Path> find(Path path) {
        for (Path candidate : candidates(path)) {
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The file {@code path} names, or {@code path} itself when nothing matches (reading it then fails). */
    public static Path resolve(Path path) {
        return find(path).orElse(path);
    }

    /** Every file a lookup of {@code path} tries, in order: for messages that say where it looked. */
    public static List<Path> candidates(Path path) {
        List<Path> candidates = new ArrayList<>();
        candidates.add(path);
        String name = path.getFileName() == null ? "" : path.getFileName().toString();
        if (name.isEmpty()) {
            return candidates;
        }
        // ./users.js written for ./users.ts (TypeScript's NodeNext imports name the emitted file)
        for (String[] swap : new String[][]{{".js", ".ts"}, {".js", ".tsx"}, {".jsx", ".tsx"}, {".mjs", ".mts"},
                {".cjs", ".cts"}}) {
            if (name.endsWith(swap[0])) {
                candidates.add(path.resolveSibling(name.substring(0, name.length() - swap[0].length()) + swap[1]));
            }
        }
        for (String extension : EXTENSIONS) {
            candidates.add(path.resolveSibling(name + extension));
        }
        for (String extension : EXTENSIONS) {
            candidates.add(path.resolve("index" + extension));
        }
        return candidates;
    }

    /** Whether the file is TypeScript, which is transpiled before it runs. */
    public static boolean isTypeScript(Path file) {
        String name = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
        return (name.endsWith(".ts") || name.endsWith(".tsx") || name.endsWith(".mts") || name.endsWith(".cts"))
                && !name.endsWith(".d.ts") && !name.endsWith(".d.mts") && !name.endsWith(".d.cts");
    }

    /** Whether {@code specifier} names a file (relative or absolute) rather than a package. */
    public static boolean isPathSpecifier(String specifier) {
        return specifier.startsWith("./") || specifier.startsWith("../") || specifier.startsWith("/")
                || specifier.equals(".") || specifier.equals("..");
    }
}
