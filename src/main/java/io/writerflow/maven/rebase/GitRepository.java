package io.writerflow.maven.rebase;

import io.writerflow.maven.WriterflowException;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The few git questions a rebase asks, answered by the {@code git} command (as lint's base does): a CI checkout's
 * worktrees, shallow clones and configuration are git's business. Nothing here changes the repository.
 */
final class GitRepository {

    private static final long TIMEOUT_SECONDS = 120;

    private final Path workTree;

    private GitRepository(Path workTree) {
        this.workTree = workTree;
    }

    /**
     * The repository {@code directory} is in.
     *
     * @throws WriterflowException when git is missing or the directory is in no git working tree
     */
    static GitRepository containing(Path directory) {
        Path existing = directory;
        while (existing != null && !Files.isDirectory(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            throw new WriterflowException(directory + " does not exist, so it is in no git repository.",
                    "Run writerflow:rebase in the project's git checkout.");
        }
        Result top = run(existing, null, "git", "rev-parse", "--show-toplevel");
        if (!top.ok()) {
            throw new WriterflowException("writerflow:rebase reads the branches from git, but " + directory
                    + " is not inside a git working tree.", "Run it in the project's git checkout.");
        }
        return new GitRepository(Path.of(top.text().strip()));
    }

    /** The path of {@code directory} inside the repository, with {@code /}, as git names it. */
    String relative(Path directory) {
        try {
            Path real = workTree.toRealPath();
            Path abs = directory.toAbsolutePath().normalize();
            Path dir = Files.exists(abs) ? abs.toRealPath() : abs;
            return real.relativize(dir).toString().replace('\\', '/');
        } catch (IOException e) {
            throw new WriterflowException("Cannot resolve " + directory + ": " + e.getMessage(), null, e);
        }
    }

    /** The commit {@code ref} names, or empty when it names none. */
    Optional<String> commit(String ref) {
        Result r = git("rev-parse", "--verify", "--quiet", ref + "^{commit}");
        return r.ok() ? Optional.of(r.text().strip()) : Optional.empty();
    }

    /** The parents of a commit: two or more for a merge commit. */
    List<String> parents(String commit) {
        String[] line = require(git("rev-list", "--parents", "-n", "1", commit)).strip().split(" ");
        return List.of(line).subList(1, line.length);
    }

    /** The newest commit both have, or empty for unrelated histories. */
    Optional<String> mergeBase(String a, String b) {
        Result r = git("merge-base", a, b);
        return r.ok() ? Optional.of(r.text().strip()) : Optional.empty();
    }

    /** Whether a merge has been started and not committed. */
    boolean mergeInProgress() {
        return git("rev-parse", "--verify", "--quiet", "MERGE_HEAD").ok();
    }

    /** {@code git status --porcelain} of one directory: changed, staged and untracked files. */
    List<String> uncommitted(String relativeDir) {
        return lines(require(git("status", "--porcelain", "-z", "--untracked-files=all", "--", pathspec(relativeDir))));
    }

    /** The files under the directory at {@code commit}, relative to it, with their content. */
    Map<String, byte[]> files(String commit, String relativeDir) {
        List<String> paths = lines(require(git("ls-tree", "-r", "-z", "--name-only", commit, "--",
                pathspec(relativeDir))));
        Map<String, byte[]> files = new LinkedHashMap<>();
        if (paths.isEmpty()) {
            return files;
        }
        // one cat-file process for all of them: a directory of a few hundred migrations is a few hundred blobs
        ProcessBuilder builder = new ProcessBuilder("git", "cat-file", "--batch").directory(workTree.toFile());
        try {
            Process process = builder.redirectError(ProcessBuilder.Redirect.DISCARD).start();
            Thread feeder = new Thread(() -> feed(process.getOutputStream(), commit, paths), "writerflow-git-feed");
            feeder.start();
            DataInputStream in = new DataInputStream(process.getInputStream());
            for (String path : paths) {
                String header = readLine(in);
                String[] parts = header.split(" ");
                if (parts.length < 3 || !parts[1].equals("blob")) {
                    continue; // a submodule or a missing object: nothing a migration is
                }
                byte[] content = new byte[Integer.parseInt(parts[2])];
                in.readFully(content);
                in.read(); // the newline after each object
                files.put(strip(path, relativeDir), content);
            }
            feeder.join();
            process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return files;
        } catch (IOException e) {
            throw new WriterflowException("git failed reading " + relativeDir + " at " + commit + ": "
                    + e.getMessage(), "Run git status in the project to see why.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WriterflowException("Interrupted while reading git.", null, e);
        }
    }

    private static void feed(OutputStream out, String commit, List<String> paths) {
        try (out) {
            for (String path : paths) {
                out.write((commit + ":" + path + "\n").getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException ignored) {
            // the reader reports what is missing
        }
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("git cat-file ended early");
            }
            line.write(b);
        }
        return line.toString(StandardCharsets.UTF_8);
    }

    private static String pathspec(String relativeDir) {
        return relativeDir.isEmpty() ? "." : relativeDir;
    }

    private static String strip(String path, String relativeDir) {
        return relativeDir.isEmpty() ? path : path.substring(relativeDir.length() + 1);
    }

    private record Result(int exit, String text, String error) {
        boolean ok() {
            return exit == 0;
        }
    }

    private Result git(String... args) {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        return run(workTree, args, command.toArray(String[]::new));
    }

    private static String require(Result result) {
        if (!result.ok()) {
            throw new WriterflowException("git failed: " + result.error().strip(),
                    "Run git status in the project to see why.");
        }
        return result.text();
    }

    private static List<String> lines(String output) {
        List<String> names = new ArrayList<>();
        for (String name : output.split("\0")) {
            if (!name.isBlank()) {
                names.add(name);
            }
        }
        return names;
    }

    private static Result run(Path directory, String[] args, String... command) {
        try {
            Process process = new ProcessBuilder(command).directory(directory.toFile()).start();
            process.getOutputStream().close();
            ByteArrayOutputStream error = new ByteArrayOutputStream();
            Thread errors = new Thread(() -> {
                try {
                    process.getErrorStream().transferTo(error);
                } catch (IOException ignored) {
                    // the exit code says whether git failed
                }
            }, "writerflow-git-stderr");
            errors.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new WriterflowException("git did not answer within " + TIMEOUT_SECONDS + " s.",
                        "Run git status in the project to see why.");
            }
            errors.join();
            return new Result(process.exitValue(), output, error.toString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new WriterflowException("writerflow:rebase needs git, which could not be run: " + e.getMessage(),
                    "Install git and put it on the PATH.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WriterflowException("Interrupted while running git.", null, e);
        }
    }
}
