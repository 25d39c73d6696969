package io.writerflow.maven.migrations;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The file operations behind writing a migration all or nothing: text written beside its target under a
 * temporary name (never taken for a migration, by drizzle or the plugin, since it starts with a dot), then
 * moved over it in one step.
 */
final class AtomicFiles {

    static final String TEMP_SUFFIX = ".writerflow-tmp";

    private AtomicFiles() {
    }

    /** {@code .<name>.writerflow-tmp} beside {@code target}. */
    static Path tempFor(Path target) {
        return target.resolveSibling("." + target.getFileName() + TEMP_SUFFIX);
    }

    /** Writes {@code content} beside {@code target}, returning the temporary file. */
    static Path temp(Path target, String content) throws IOException {
        Path temp = tempFor(target);
        Files.writeString(temp, content, StandardCharsets.UTF_8);
        return temp;
    }

    /** Renames a file or directory, atomically where the file system can. */
    static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    /** Replaces {@code to} with {@code from}, atomically where the file system can. */
    static void replace(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * Creates {@code dir} with the directories above it that are missing, and returns those it created, the
     * outermost first, for {@link #deleteCreated} to remove when what was to be written into them fails.
     */
    static List<Path> createDirectories(Path dir) throws IOException {
        List<Path> missing = new ArrayList<>();
        for (Path p = dir.toAbsolutePath(); p != null && !Files.exists(p); p = p.getParent()) {
            missing.add(0, p);
        }
        Files.createDirectories(dir);
        return missing;
    }

    /** Deletes the directories {@link #createDirectories} created, innermost first, as long as they are empty. */
    static void deleteCreated(List<Path> created) {
        for (int i = created.size() - 1; i >= 0; i--) {
            try {
                Files.deleteIfExists(created.get(i));
            } catch (IOException ignored) {
                return; // not empty (someone else wrote there meanwhile): leave it and what holds it
            }
        }
    }

    /** Removes what a failed write left in {@code dir}: temporary files and directories. */
    static void cleanTemps(Path dir) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(p -> p.getFileName().toString().endsWith(TEMP_SUFFIX)).forEach(AtomicFiles::deleteQuietly);
        } catch (IOException ignored) {
            // nothing more to clean
        }
    }

    /** Deletes a file, or a directory with what it holds; best effort while already failing. */
    static void deleteQuietly(Path path) {
        try (Stream<Path> tree = Files.walk(path)) {
            for (Path p : tree.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException ignored) {
            // best effort
        }
    }
}
