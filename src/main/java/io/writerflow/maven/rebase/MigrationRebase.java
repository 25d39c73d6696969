package io.writerflow.maven.rebase;

import io.writerflow.maven.WriterflowException;
import io.writerflow.maven.generate.DownText;
import io.writerflow.maven.migrations.JournalEntry;
import io.writerflow.maven.migrations.JournalReader;
import io.writerflow.maven.migrations.MigrationDirectory;
import io.writerflow.maven.migrations.MigrationEntry;
import io.writerflow.maven.migrations.MigrationLayout;
import io.writerflow.maven.plan.DownPlanner;
import io.writerflow.maven.schema.Schema;
import io.writerflow.maven.schema.Snapshot;
import io.writerflow.maven.schema.SnapshotFormat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code writerflow:rebase}: the branch's migrations moved after main's, as if generated on top of them. Both
 * sides are read from git, not from the working tree (which a merge of two journals leaves in conflict): main's
 * directory at {@code onto}, the branch's at its own commit before the merge; the branch's migrations are those
 * its commit has and the merge base had not. Main's files are written back byte for byte; each branch
 * migration gets the next number, a snapshot chained to main's latest, and SQL planned again from it (see
 * {@link MigrationReplanner}). Everything is checked before anything is written, and the directory is replaced
 * whole (see {@link DirectorySwap}).
 */
public final class MigrationRebase {

    private MigrationRebase() {
    }

    public static RebaseResult rebase(RebaseRequest request) {
        Path dir = request.migrationsDir();
        String display = request.migrationsDisplay();
        GitRepository git = GitRepository.containing(dir);
        String rel = git.relative(dir);
        if (git.mergeInProgress()) {
            throw new WriterflowException("A git merge is in progress: writerflow:rebase reads the branch and main from"
                    + " commits, so the merge must be committed first. Nothing was written.",
                    "Resolve the conflicts (for " + display + " take main's side: git checkout --theirs -- " + rel
                            + " and git add " + rel + "), git commit, then run mvn writerflow:rebase.");
        }
        List<String> dirty = git.uncommitted(rel);
        if (!dirty.isEmpty()) {
            throw new WriterflowException(display + " has uncommitted changes (" + dirty.stream().limit(5)
                    .map(String::strip).collect(Collectors.joining(", ")) + (dirty.size() > 5 ? ", ..." : "")
                    + "); a rebase rewrites the directory and would lose them. Nothing was written.",
                    "Commit them (or stash them: git stash), then run mvn writerflow:rebase again.");
        }
        String head = git.commit("HEAD").orElseThrow(() -> new WriterflowException("The repository has no commit"
                + " yet, so there is no branch to rebase. Nothing was written.", "Commit the migrations first."));
        List<String> parents = git.parents(head);
        String branchTip = parents.size() > 1 ? parents.get(0) : head;
        String ontoCommit;
        String ontoName;
        if (request.onto().isPresent()) {
            ontoName = request.onto().get().strip();
            ontoCommit = git.commit(ontoName).orElseThrow(() -> new WriterflowException("writerflow.onto=" + ontoName
                    + " names no commit of this repository. Nothing was written.",
                    "Use a branch, tag or commit that exists here (git branch -a lists them); in CI fetch it first"
                            + " (git fetch origin main) and pass -Dwriterflow.onto=origin/main."));
        } else if (parents.size() > 1) {
            ontoCommit = parents.get(1);
            ontoName = "the branch merged at HEAD (" + ontoCommit.substring(0, 12) + ")";
        } else {
            throw new WriterflowException("HEAD is no merge commit, so which branch the migrations go after is"
                    + " ambiguous. Nothing was written.", "Name it: mvn writerflow:rebase -Dwriterflow.onto=main (or"
                    + " merge main first: git merge main, then run mvn writerflow:rebase).");
        }
        String base = git.mergeBase(ontoCommit, branchTip).orElseThrow(() -> new WriterflowException(ontoName
                + " and the branch share no history. Nothing was written.", "Check writerflow.onto."));

        Path work = null;
        try {
            work = Files.createTempDirectory("writerflow-rebase");
            Map<String, byte[]> mainFiles = git.files(ontoCommit, rel);
            Path mainDir = materialize(work.resolve("main"), mainFiles);
            Path branchDir = materialize(work.resolve("branch"), git.files(branchTip, rel));
            Path baseDir = materialize(work.resolve("base"), git.files(base, rel));
            return rebase(request, ontoName, mainFiles, mainDir, branchDir, baseDir);
        } catch (IOException e) {
            throw new WriterflowException("Cannot read the branches' migrations into a temporary directory: "
                    + e.getMessage() + ". Nothing was written.", "Check the free space of the temporary directory.", e);
        } finally {
            if (work != null) {
                deleteQuietly(work);
            }
        }
    }

    private static RebaseResult rebase(RebaseRequest request, String ontoName,
                                       Map<String, byte[]> mainFiles, Path mainDir, Path branchDir, Path baseDir)
            throws IOException {
        String display = request.migrationsDisplay();
        String mainDisplay = display + " on " + ontoName;
        List<MigrationEntry> main = MigrationLayout.entries(mainDir, mainDisplay);
        List<MigrationEntry> branch = MigrationLayout.entries(branchDir, display + " on the branch");
        Set<String> baseTags = tags(MigrationLayout.entries(baseDir, display + " at the merge base"));
        Set<String> mainTags = tags(main);
        List<MigrationEntry> own = branch.stream()
                .filter(e -> !baseTags.contains(e.tag()) && !mainTags.contains(e.tag())).toList();
        if (own.isEmpty()) {
            return new RebaseResult(ontoName, List.of(), "the branch added no migration that " + ontoName + " lacks");
        }
        if (main.stream().allMatch(e -> baseTags.contains(e.tag()))) {
            return new RebaseResult(ontoName, List.of(), ontoName + " added no migration since the branch forked:"
                    + " the branch's migrations already follow main's");
        }
        MigrationLayout layout = MigrationLayout.detect(branchDir, display).orElseThrow();
        Optional<MigrationLayout> mainLayout = MigrationLayout.detect(mainDir, mainDisplay);
        if (mainLayout.isPresent() && mainLayout.get() != layout) {
            throw new WriterflowException(ontoName + " keeps " + display + " in the " + mainLayout.get().setting()
                    + " layout, the branch in the " + layout.setting() + " layout. Nothing was written.",
                    "Move the branch to main's layout first (npx drizzle-kit up for drizzle-kit 1.0's folders).");
        }
        refuseApplied(request, branchDir, own);

        SnapshotFormat format = layout.snapshotFormat();
        Optional<MigrationEntry> mainLast = main.isEmpty() ? Optional.empty() : Optional.of(main.get(main.size() - 1));
        Snapshot previous = mainLast.isEmpty() ? origin() : snapshot(mainDir, mainLast.get(), mainDisplay);
        Optional<String> previousTag = mainLast.map(MigrationEntry::tag);
        Map<String, JournalEntry> journal = layout == MigrationLayout.JOURNAL
                ? JournalReader.read(branchDir.resolve(MigrationDirectory.JOURNAL), display + "/"
                + MigrationDirectory.JOURNAL).entries().stream().collect(Collectors.toMap(JournalEntry::tag, e -> e))
                : Map.of();
        RenumberedDirectory out = new RenumberedDirectory(layout, mainFiles, mainLast, display);
        List<RebaseResult.Moved> moved = new ArrayList<>();
        for (MigrationEntry entry : own) {
            int at = branch.indexOf(entry);
            Snapshot ownBefore = at == 0 ? origin() : snapshot(branchDir, branch.get(at - 1), display);
            Snapshot ownAfter = snapshot(branchDir, entry, display);
            String sql = Files.readString(branchDir.resolve(entry.sql()), StandardCharsets.UTF_8);
            MigrationReplanner.Replanned replanned = MigrationReplanner.replan(entry, previous, ownBefore, ownAfter,
                    sql, display + "/" + entry.sql(), format);
            boolean breakpoints = Optional.ofNullable(journal.get(entry.tag())).map(JournalEntry::breakpoints)
                    .orElse(true);
            Optional<Function<String, String>> down = down(branchDir.resolve(entry.down()), replanned, previous,
                    previousTag, entry.tag(), display);
            String tag = out.add(entry, breakpoints, replanned.sql(), replanned.snapshotJson(), down);
            moved.add(new RebaseResult.Moved(entry.tag(), tag, replanned.regenerated()));
            request.log().accept(entry.tag() + " -> " + tag + (replanned.regenerated()
                    ? " (SQL planned again from " + previousTag.orElse("the empty schema") + ")"
                    : " (hand-written SQL kept; it runs on main's schema)"));
            previous = replanned.snapshot();
            previousTag = Optional.of(tag);
        }
        // anything else in the directory (a README, a seed file) is the project's and stays
        Set<String> oldFiles = new HashSet<>();
        own.forEach(e -> oldFiles.addAll(List.of(e.sql(), e.down(), e.snapshot())));
        Set<String> oldFolders = layout == MigrationLayout.FOLDERS
                ? own.stream().map(e -> e.tag() + "/").collect(Collectors.toSet()) : Set.of();
        DirectorySwap.replace(request.migrationsDir(), out.files(),
                path -> oldFiles.contains(path) || oldFolders.stream().anyMatch(path::startsWith));
        return new RebaseResult(ontoName, moved, "");
    }

    /**
     * A down migration for the migration's new place: planned again for a generated migration; a hand-written
     * one's text kept, with its header naming the new tags.
     */
    private static Optional<Function<String, String>> down(Path file, MigrationReplanner.Replanned replanned,
                                                           Snapshot previous, Optional<String> previousTag,
                                                           String oldTag, String display) throws IOException {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        if (replanned.regenerated()) {
            return Optional.of(DownText.planned(DownPlanner.plan(previous.schema(), replanned.snapshot()), previousTag,
                    display));
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        String back = previousTag.map(p -> "the schema of " + p).orElse("the empty schema, before any migration");
        return Optional.of(tag -> retitled(text, oldTag, tag, back));
    }

    /**
     * A hand-written down migration's text with its comments naming the new tags: its heading line says what it
     * goes back to; its statements are kept as they are.
     */
    static String retitled(String text, String oldTag, String newTag, String back) {
        String heading = "-- Down migration of " + oldTag + ": back to ";
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (line.startsWith(heading)) {
                String suffix = line.endsWith(GENERATED) ? GENERATED : ".";
                line = "-- Down migration of " + newTag + ": back to " + back + suffix;
            } else if (line.startsWith("--")) {
                line = line.replace(oldTag, newTag);
            }
            out.append(line).append('\n');
        }
        return out.substring(0, out.length() - 1);
    }

    private static final String GENERATED = " (generated by writerflow; review it).";

    private static void refuseApplied(RebaseRequest request, Path branchDir, List<MigrationEntry> own) {
        Optional<Set<String>> applied = request.applied().tags(MigrationDirectory.load(branchDir,
                request.migrationsDisplay()));
        if (applied.isEmpty()) {
            request.log().accept("No database to check: whether a database already applied the branch's migrations"
                    + " was not checked.");
            return;
        }
        List<String> done = own.stream().map(MigrationEntry::tag).filter(applied.get()::contains).toList();
        if (!done.isEmpty()) {
            throw new WriterflowException("The database already applied " + String.join(", ", done) + ", which the"
                    + " rebase would renumber and rewrite; it would then apply them again under their new numbers."
                    + " Nothing was written.", "Roll them back first (mvn writerflow:rollback), or rebuild that"
                    + " database from main's migrations, then run mvn writerflow:rebase again.");
        }
    }

    private static Snapshot origin() {
        return new Snapshot(Snapshot.ORIGIN, Snapshot.ORIGIN, Schema.EMPTY, Snapshot.Renames.NONE);
    }

    private static Snapshot snapshot(Path dir, MigrationEntry entry, String display) throws IOException {
        String name = display + "/" + entry.snapshot();
        Path file = dir.resolve(entry.snapshot());
        if (!Files.isRegularFile(file)) {
            throw new WriterflowException(name + ", the snapshot of " + entry.tag() + ", is missing. Nothing was"
                    + " written.", "Restore it in that branch, commit, then run mvn writerflow:rebase again.");
        }
        return SnapshotFormat.read(Files.readString(file, StandardCharsets.UTF_8), name);
    }

    private static Set<String> tags(List<MigrationEntry> entries) {
        return entries.stream().map(MigrationEntry::tag).collect(Collectors.toSet());
    }

    private static Path materialize(Path root, Map<String, byte[]> files) throws IOException {
        Files.createDirectories(root);
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            Path target = root.resolve(file.getKey());
            Files.createDirectories(target.getParent());
            Files.write(target, file.getValue());
        }
        return root;
    }

    private static void deleteQuietly(Path path) {
        try (Stream<Path> tree = Files.walk(path)) {
            for (Path p : tree.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException ignored) {
            // a temporary directory: the system cleans it
        }
    }
}
