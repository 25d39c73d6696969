package io.writerflow.maven.lint.select;

import io.writerflow.maven.WriterflowException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The files of a directory that are new or changed since a git ref: what {@code git diff --name-only REF} lists
 * (committed, staged and unstaged changes against the ref) plus the untracked files git does not ignore, since a
 * migration just generated is often not added yet. Runs the {@code git} command rather than a Java git library:
 * a CI checkout's shallow clones, worktrees and credentials are git's business, and git is always there where a
 * base ref means anything.
 */
public final class GitChanges {

    private static final long TIMEOUT_SECONDS = 60;

    private GitChanges() {
    }

    /**
     * @param directory the directory whose files are listed, relative to it with {@code /}
     * @param ref       the base: a branch, tag or commit ({@code origin/main})
     * @param setting   the setting that named the ref, for messages
     * @throws WriterflowException when git is missing, the directory is in no repository, or the ref names no commit
     */
    public static Set<String> since(Path directory, String ref, String setting) {
        String wanted = ref.strip();
        if (!run(directory, setting, wanted, "git", "rev-parse", "--is-inside-work-tree").ok()) {
            throw new WriterflowException(setting + "=" + wanted + " asks for the migrations changed since a git ref,"
                    + " but " + directory + " is not inside a git working tree.",
                    "Run the build in a git checkout, or leave " + setting + " unset to lint the pending (or the"
                            + " latest) migration.");
        }
        Result commit = run(directory, setting, wanted, "git", "rev-parse", "--verify", "--quiet",
                wanted + "^{commit}");
        if (!commit.ok()) {
            throw new WriterflowException(setting + "=" + wanted + " names no commit of this repository.",
                    "Use a branch, tag or commit that exists here; in CI fetch the base first (git fetch origin main,"
                            + " or a checkout with fetch-depth: 0) and pass -D" + setting + "=origin/main.");
        }
        Set<String> files = new LinkedHashSet<>();
        files.addAll(lines(run(directory, setting, wanted, "git", "diff", "--name-only", "--relative", "-z",
                commit.output().strip(), "--", ".")));
        files.addAll(lines(run(directory, setting, wanted, "git", "ls-files", "--others", "--exclude-standard", "-z",
                "--", ".")));
        return files;
    }

    private record Result(int exit, String output, String error) {
        boolean ok() {
            return exit == 0;
        }
    }

    private static List<String> lines(Result result) {
        if (!result.ok()) {
            throw new WriterflowException("git failed listing the changed migrations: " + result.error().strip(),
                    "Run the same git command by hand to see why.");
        }
        List<String> names = new ArrayList<>();
        for (String name : result.output().split("\0")) {
            if (!name.isBlank()) {
                names.add(name.replace('\\', '/'));
            }
        }
        return names;
    }

    private static Result run(Path directory, String setting, String ref, String... command) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            // both streams read at once: git's output is small, and a full pipe would block it
            ByteArrayOutputStream error = new ByteArrayOutputStream();
            Thread errors = new Thread(() -> copy(process.getErrorStream(), error), "writerflow-git-stderr");
            errors.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new WriterflowException("git did not answer within " + TIMEOUT_SECONDS + " s listing the"
                        + " migrations changed since " + ref + ".", "Run git status in the project to see why.");
            }
            errors.join();
            return new Result(process.exitValue(), output, error.toString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new WriterflowException(setting + "=" + ref + " needs git, which could not be run: "
                    + e.getMessage(), "Install git and put it on the PATH, or leave " + setting + " unset.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WriterflowException("Interrupted while git listed the changed migrations.", null, e);
        }
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) {
        try {
            in.transferTo(out);
        } catch (IOException e) {
            // the exit code says whether git failed
        }
    }
}
