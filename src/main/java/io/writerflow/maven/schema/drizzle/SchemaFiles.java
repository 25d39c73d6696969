package io.writerflow.maven.schema.drizzle;

import io.writerflow.maven.WriterflowException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The files a schema setting names, as drizzle-kit's {@code schema} is read: a file, a directory (the files
 * directly in it), a glob ({@code ./src/db/schema/*}, {@code src/**}{@code /*.schema.ts}), or a list of
 * those; each entry's matches sorted, every file once, in the order of the list.
 */
public final class SchemaFiles {

    private static final List<String> EXTENSIONS = List.of(".ts", ".js", ".mts", ".mjs", ".cts", ".cjs", ".tsx");

    private SchemaFiles() {
    }

    /**
     * @param entries   the setting's entries (a list in drizzle.config; comma-separated in a Maven property)
     * @param directory what relative entries are relative to: the project's directory, or drizzle.config's
     * @param shownAs   how the setting is named in messages
     */
    public static List<Path> resolve(List<String> entries, Path directory, String shownAs) {
        Set<Path> files = new LinkedHashSet<>();
        for (String entry : entries) {
            String trimmed = entry.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            for (Path match : matches(trimmed, directory)) {
                if (Files.isDirectory(match)) {
                    try (Stream<Path> children = Files.list(match)) {
                        children.filter(Files::isRegularFile).sorted().forEach(files::add);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                } else {
                    files.add(match);
                }
            }
        }
        List<Path> schemaFiles = files.stream().map(f -> f.toAbsolutePath().normalize())
                .filter(f -> EXTENSIONS.stream().anyMatch(f.getFileName().toString()::endsWith))
                .filter(f -> !f.getFileName().toString().contains(".d.")).toList();
        if (schemaFiles.isEmpty()) {
            throw new WriterflowException("No schema files found for " + shownAs + " = "
                    + String.join(", ", entries) + " (relative to " + directory + ").",
                    "Point writerflow.schema (or \"schema\" in drizzle.config) at the schema file, a directory of"
                            + " schema files or a glob such as ./src/db/schema/*.ts; a file needs its extension.");
        }
        return schemaFiles;
    }

    /** A file or directory as it is, else the glob's matches, sorted. */
    private static List<Path> matches(String entry, Path directory) {
        Path literal = directory.resolve(entry).normalize();
        if (!isGlob(entry)) {
            return Files.exists(literal) ? List.of(literal) : List.of();
        }
        String pattern = entry.startsWith("./") ? entry.substring(2) : entry;
        int firstGlob = firstGlobCharacter(pattern);
        int baseEnd = pattern.lastIndexOf('/', firstGlob);
        Path base = baseEnd < 0 ? directory : directory.resolve(pattern.substring(0, baseEnd)).normalize();
        String relativePattern = baseEnd < 0 ? pattern : pattern.substring(baseEnd + 1);
        if (!Files.isDirectory(base)) {
            return List.of();
        }
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + relativePattern);
        // as in drizzle-kit's glob, "**/" also matches no directory at all
        PathMatcher shallow = relativePattern.startsWith("**/")
                ? FileSystems.getDefault().getPathMatcher("glob:" + relativePattern.substring(3)) : matcher;
        List<Path> found = new ArrayList<>();
        try (Stream<Path> all = Files.walk(base)) {
            all.filter(p -> !p.equals(base)).filter(p -> !p.toString().contains("/node_modules/"))
                    .filter(p -> matcher.matches(base.relativize(p)) || shallow.matches(base.relativize(p)))
                    .sorted().forEach(found::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    private static boolean isGlob(String entry) {
        return firstGlobCharacter(entry) < entry.length();
    }

    private static int firstGlobCharacter(String entry) {
        for (int i = 0; i < entry.length(); i++) {
            if ("*?[{".indexOf(entry.charAt(i)) >= 0) {
                return i;
            }
        }
        return entry.length();
    }
}
