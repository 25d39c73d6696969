package io.writerflow.maven.rebase;

import io.writerflow.maven.WriterflowException;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Replaces the migrations directory with the rebased one, whole or not at all: the new directory is written
 * beside it under a hidden name, then the two are swapped by renames, so that no tool ever sees half a rebase
 * (a journal listing a file not yet written, or two migrations with one number).
 */
final class DirectorySwap {

    private DirectorySwap() {
    }

    /**
     * @param files   the directory's new files, relative to it, written over what is there
     * @param dropped the files now there that go (the branch's migrations under their old names); every other
     *                file is kept as it is
     */
    static void replace(Path dir, Map<String, byte[]> files, Predicate<String> dropped) {
        String name = dir.getFileName().toString();
        Path staging = dir.resolveSibling("." + name + ".writerflow-rebase");
        Path old = dir.resolveSibling("." + name + ".writerflow-old");
        try {
            deleteTree(staging);
            deleteTree(old);
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                Path target = staging.resolve(file.getKey());
                Files.createDirectories(target.getParent());
                Files.write(target, file.getValue());
            }
            Files.createDirectories(staging);
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : walk.filter(Files::isRegularFile).toList()) {
                    String rel = dir.relativize(p).toString().replace('\\', '/');
                    if (!dropped.test(rel) && !files.containsKey(rel)) {
                        Path target = staging.resolve(rel);
                        Files.createDirectories(target.getParent());
                        Files.copy(p, target);
                    }
                }
            }
        } catch (IOException e) {
            deleteQuietly(staging);
            throw new WriterflowException("Cannot write the rebased migrations beside " + dir + ": " + e.getMessage()
                    + ". The directory was left as it was.", "Check the directory's permissions and free space.", e);
        }
        try {
            move(dir, old);
        } catch (IOException e) {
            deleteQuietly(staging);
            throw new WriterflowException("Cannot move " + dir + " aside to replace it: " + e.getMessage()
                    + ". The directory was left as it was.", "Close what holds files open in it, then run again.", e);
        }
        try {
            move(staging, dir);
        } catch (IOException e) {
            try {
                move(old, dir);
            } catch (IOException again) {
                throw new WriterflowException("Cannot put " + dir + " back after a failed rebase: " + again.getMessage(),
                        "Rename " + old + " back to " + dir + " by hand.", again);
            }
            deleteQuietly(staging);
            throw new WriterflowException("Cannot move the rebased migrations into " + dir + ": " + e.getMessage()
                    + ". The directory was left as it was.", "Check the directory's permissions.", e);
        }
        deleteQuietly(old);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private static void deleteTree(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> tree = Files.walk(path)) {
            for (Path p : tree.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static void deleteQuietly(Path path) {
        try {
            deleteTree(path);
        } catch (IOException ignored) {
            // best effort: a hidden leftover, replaced by the next run
        }
    }

}
