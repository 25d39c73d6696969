package io.writerflow.maven.migrations;

import com.eclipsesource.json.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import io.writerflow.maven.WriterflowException;
import io.writerflow.maven.schema.JsonFiles;
import io.writerflow.maven.schema.SmallJson;
import io.writerflow.maven.schema.Snapshot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Whether the journal, the {@code .sql} files and the snapshots of a drizzle directory agree, without a
 * database: every problem at once, for a CI gate ({@code writerflow:check}) rather than the first one, as
 * {@link MigrationDirectory#load} reports it. A directory in drizzle-kit 1.0's layout is {@link FolderCheck}'s. The usual cause is a merge of two branches that each added a
 * migration: both get the same index and both snapshots follow the same parent.
 */
public final class DirectoryCheck {

    /** What two branches that each generated a migration should do after merging. */
    static final String REGENERATE = "keep the one merged first; delete the other's .sql, snapshot and journal"
            + " entry, then run mvn writerflow:generate again.";

    /** {@code NNNN_name.sql} and {@code NNNN_snapshot.json}: drizzle-kit's index prefix. */
    private static final Pattern INDEXED = Pattern.compile("(\\d{1,9})_.*");
    private static final Pattern SNAPSHOT = Pattern.compile("(\\d{1,9})_snapshot\\.json");

    /** One disagreement: what is wrong, naming the files, and what to do. */
    public record Problem(String problem, String nextStep) {

        public static Problem of(WriterflowException e) {
            return new Problem(e.problem(), e.nextStep());
        }

        @Override
        public String toString() {
            return WriterflowException.message(problem, nextStep);
        }
    }

    private final Path root;
    private final String display;
    private final String journalName;
    private final List<Problem> problems = new ArrayList<>();

    private DirectoryCheck(Path root, String display) {
        this.root = root;
        this.display = display;
        this.journalName = display + "/" + MigrationDirectory.JOURNAL;
    }

    /**
     * @param root    the drizzle directory; a directory that does not exist has nothing to disagree about
     * @param display how to name it in messages, e.g. {@code drizzle}
     */
    public static List<Problem> check(Path root, String display) {
        try {
            if (MigrationLayout.detect(root, display).filter(l -> l == MigrationLayout.FOLDERS).isPresent()) {
                return FolderCheck.check(root, display);
            }
        } catch (WriterflowException e) {
            return List.of(Problem.of(e)); // both layouts in one directory: nothing else is worth saying
        }
        DirectoryCheck check = new DirectoryCheck(root, display);
        if (Files.isDirectory(root)) {
            check.run();
        }
        return List.copyOf(check.problems);
    }

    private void run() {
        // a down migration (NNNN_tag.down.sql) shares its migration's index without being a second migration
        List<String> sqlFiles = list(root, name -> name.endsWith(".sql") && !DownFile.isDown(name));
        List<String> snapshotFiles = list(root.resolve("meta"), name -> SNAPSHOT.matcher(name).matches());
        Path journalFile = root.resolve(MigrationDirectory.JOURNAL);
        if (!Files.isRegularFile(journalFile)) {
            if (!sqlFiles.isEmpty() || !snapshotFiles.isEmpty()) {
                problems.add(new Problem(journalName + " is missing, so the order of the " + sqlFiles.size()
                        + " migration(s) in " + display + " is unknown.",
                        "Restore it from version control, or regenerate the directory with drizzle-kit."));
            }
            return;
        }
        Optional<List<Entry>> read = entries(journalFile);
        if (read.isEmpty()) {
            return;
        }
        List<Entry> entries = read.get();
        Set<Integer> sharedIndexes = sharedIndexes(entries, sqlFiles);
        checkOrder(entries, sharedIndexes);
        checkFiles(entries, sqlFiles, sharedIndexes);
        checkSnapshots(entries, snapshotFiles, sharedIndexes);
    }

    /** A journal entry as far as the check needs it. */
    private record Entry(int position, int idx, String tag) {

        String file() {
            return tag + ".sql";
        }

        /** {@code 0003} of {@code 0003_add_tags}: the prefix drizzle-kit also gives the snapshot. */
        String prefix() {
            Matcher m = INDEXED.matcher(tag);
            return m.matches() ? m.group(1) : String.format("%04d", idx);
        }

        String snapshot() {
            return "meta/" + prefix() + "_snapshot.json";
        }
    }

    /** The entries, read leniently so that a repeated idx is one problem among others instead of the end. */
    private Optional<List<Entry>> entries(Path journalFile) {
        String content;
        try {
            content = Files.readString(journalFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            problems.add(new Problem("Cannot read " + journalName + ": " + e.getMessage() + ".",
                    "Check that the file is readable."));
            return Optional.empty();
        }
        try {
            JsonValue journal = SmallJson.parse(content, journalName).orElse(null);
            if (journal != null && journal.isObject()) {
                JournalReader.checkDialect(journal, journalName);
            }
            JsonValue array = SmallJson.member(journal, "entries").orElse(null);
            List<Entry> entries = new ArrayList<>();
            boolean wellFormed = array != null && array.isArray();
            for (int i = 0; wellFormed && i < array.asArray().size(); i++) {
                JsonValue entry = array.asArray().get(i);
                Optional<Long> idx = SmallJson.integer(SmallJson.member(entry, "idx").orElse(null));
                JsonValue tag = SmallJson.member(entry, "tag").orElse(null);
                wellFormed = idx.isPresent() && idx.get() >= 0 && idx.get() <= Integer.MAX_VALUE
                        && tag != null && tag.isString() && !tag.asString().isBlank();
                if (wellFormed) {
                    entries.add(new Entry(i, idx.get().intValue(), tag.asString()));
                }
            }
            if (!wellFormed) {
                // the reader's own message says exactly what is wrong and how the format looks
                JournalReader.parse(content, journalName);
            }
            return Optional.of(entries);
        } catch (WriterflowException e) {
            problems.add(Problem.of(e));
            return Optional.empty();
        }
    }

    /**
     * Two files {@code 0003_a.sql} and {@code 0003_b.sql}, or two journal entries with idx 3: two branches each
     * added a migration. Reported once per index, naming every file.
     */
    private Set<Integer> sharedIndexes(List<Entry> entries, List<String> sqlFiles) {
        Map<Integer, Set<String>> byIndex = new TreeMap<>();
        for (String file : sqlFiles) {
            Matcher m = INDEXED.matcher(file);
            if (m.matches()) {
                byIndex.computeIfAbsent(Integer.parseInt(m.group(1)), i -> new TreeSet<>()).add(file);
            }
        }
        Map<Integer, List<Entry>> entriesByIdx = entries.stream()
                .collect(Collectors.groupingBy(Entry::idx, TreeMap::new, Collectors.toList()));
        Set<Integer> shared = new HashSet<>();
        Set<Integer> indexes = new TreeSet<>(byIndex.keySet());
        indexes.addAll(entriesByIdx.keySet());
        for (int index : indexes) {
            Set<String> files = byIndex.getOrDefault(index, Set.of());
            List<Entry> listed = entriesByIdx.getOrDefault(index, List.of());
            if (files.size() < 2 && listed.size() < 2) {
                continue;
            }
            shared.add(index);
            Set<String> named = new TreeSet<>(files);
            listed.forEach(e -> named.add(e.file()));
            String where = listed.size() > 1 ? " (" + listed.size() + " entries with idx " + index + " in "
                    + journalName + ")" : "";
            problems.add(new Problem("Two migrations share the index " + String.format("%04d", index) + ": "
                    + named.stream().map(f -> display + "/" + f).collect(Collectors.joining(" and ")) + where
                    + "; two branches probably each added one.",
                    "Of " + String.join(" and ", named) + ", " + REGENERATE));
        }
        return shared;
    }

    /** drizzle-kit numbers entries 0, 1, 2... in journal order, and the tag starts with the number. */
    private void checkOrder(List<Entry> entries, Set<Integer> sharedIndexes) {
        for (int i = 0; i < entries.size(); i++) {
            Entry entry = entries.get(i);
            int before = i == 0 ? -1 : entries.get(i - 1).idx();
            if (sharedIndexes.contains(entry.idx()) && entry.idx() == before) {
                continue; // reported as a shared index
            }
            if (entry.idx() != before + 1) {
                problems.add(new Problem(journalName + ": entries[" + i + "] (" + entry.tag() + ") has idx "
                        + entry.idx() + " where " + (before + 1) + " is expected: " + (entry.idx() > before
                        ? "the journal skips an index (" + (i == 0 ? "it does not start at 0" : "after idx " + before)
                        + ")" : "the entries are out of idx order") + ".",
                        "Renumber the entries 0, 1, 2... in the order the migrations were generated, renaming each"
                                + " .sql and meta/NNNN_snapshot.json to match, or restore the journal from version"
                                + " control."));
                return;
            }
            Matcher m = INDEXED.matcher(entry.tag());
            if (!m.matches() || Integer.parseInt(m.group(1)) != entry.idx()) {
                problems.add(new Problem(journalName + ": the tag " + entry.tag() + " of entries[" + i
                        + "] does not start with its idx (" + String.format("%04d", entry.idx()) + "_...), as"
                        + " drizzle-kit names the file.",
                        "Rename " + display + "/" + entry.file() + " and its snapshot to "
                                + String.format("%04d", entry.idx()) + "_..., and the tag with them."));
            }
        }
    }

    /** Every entry has its .sql; every .sql is listed. A renamed file shows as both: one problem instead. */
    private void checkFiles(List<Entry> entries, List<String> sqlFiles, Set<Integer> sharedIndexes) {
        Set<String> listed = new HashSet<>();
        entries.forEach(e -> listed.add(e.file()));
        Map<String, String> unlistedByPrefix = new LinkedHashMap<>();
        for (String file : sqlFiles) {
            Matcher m = INDEXED.matcher(file);
            if (!listed.contains(file) && !(m.matches() && sharedIndexes.contains(Integer.parseInt(m.group(1))))) {
                unlistedByPrefix.put(m.matches() ? m.group(1) : file, file);
            }
        }
        for (Entry entry : entries) {
            if (sqlFiles.contains(entry.file()) || sharedIndexes.contains(entry.idx())) {
                continue;
            }
            String renamed = unlistedByPrefix.remove(entry.prefix());
            if (renamed != null) {
                problems.add(new Problem(journalName + " lists " + entry.tag() + " (idx " + entry.idx() + ") but the"
                        + " file with that index is " + display + "/" + renamed + ": the tag does not match the file"
                        + " name.",
                        "Rename " + display + "/" + renamed + " back to " + entry.file() + ", or change the tag in"
                                + " the journal to " + renamed.substring(0, renamed.length() - 4) + "."));
            } else {
                problems.add(new Problem(journalName + " lists " + entry.tag() + " (idx " + entry.idx() + ") but "
                        + display + "/" + entry.file() + " does not exist.",
                        "Restore it from version control, or remove its entry (and its snapshot) if the migration"
                                + " was never applied anywhere."));
            }
        }
        for (String file : unlistedByPrefix.values()) {
            problems.add(new Problem(display + "/" + file + " is not listed in " + journalName + ", so no tool will"
                    + " apply it.",
                    "Delete it if it is a leftover; if it is a migration, generate it again with mvn"
                            + " writerflow:generate (hand-written SQL: -Dwriterflow.custom=true) so that the journal"
                            + " and a snapshot list it."));
        }
    }

    /** Every entry has its snapshot, and the snapshots form one chain through id and prevId. */
    private void checkSnapshots(List<Entry> entries, List<String> snapshotFiles, Set<Integer> sharedIndexes) {
        Set<String> expected = new HashSet<>();
        Map<String, Entry> parentsSeen = new LinkedHashMap<>();
        String previousId = Snapshot.ORIGIN;
        Entry previous = null;
        boolean chainReported = false;
        for (Entry entry : entries) {
            String name = entry.snapshot();
            expected.add(name.substring("meta/".length()));
            if (sharedIndexes.contains(Integer.parseInt(entry.prefix()))) {
                previousId = null; // which of the two the snapshot belongs to is for the user to decide
                previous = entry;
                continue;
            }
            Path file = root.resolve(name);
            if (!Files.isRegularFile(file)) {
                problems.add(new Problem(display + "/" + name + ", the snapshot of " + entry.tag() + ", is missing"
                        + " (drizzle-kit writes one with every migration; generate compares schema.js with the"
                        + " last one).",
                        "Restore it from version control; if it was never committed, delete " + entry.tag()
                                + " (its .sql and journal entry) and run mvn writerflow:generate again."));
                previousId = null;
                previous = entry;
                continue;
            }
            Optional<String[]> ids = ids(file, display + "/" + name);
            if (ids.isEmpty()) {
                previousId = null;
                previous = entry;
                continue;
            }
            String id = ids.get()[0];
            String prevId = ids.get()[1];
            Entry sibling = parentsSeen.putIfAbsent(prevId, entry);
            if (sibling != null) {
                problems.add(new Problem(display + "/" + sibling.snapshot() + " (" + sibling.tag() + ") and "
                        + display + "/" + name + " (" + entry.tag() + ") both follow snapshot " + prevId
                        + ": two branches each added a migration on the same parent.",
                        "Of " + sibling.file() + " and " + entry.file() + ", " + REGENERATE));
                chainReported = true;
            } else if (previousId != null && !previousId.equals(prevId) && !chainReported) {
                problems.add(new Problem(display + "/" + name + " (" + entry.tag() + ") has prevId " + prevId
                        + " but the snapshot before it" + (previous == null ? " is the origin (" + Snapshot.ORIGIN
                        + ")" : ", " + display + "/" + previous.snapshot() + ", has id " + previousId)
                        + ": the snapshot chain is broken.",
                        "Restore the snapshots from version control; if " + entry.tag() + " came from another branch, "
                                + REGENERATE));
                chainReported = true;
            }
            previousId = id;
            previous = entry;
        }
        for (String file : snapshotFiles) {
            if (!expected.contains(file)) {
                problems.add(new Problem(display + "/meta/" + file + " belongs to no entry of " + journalName + ".",
                        "Delete it if its migration was removed; otherwise restore the migration's journal entry"
                                + " and .sql from version control."));
            }
        }
    }

    /** {@code id} and {@code prevId} of a snapshot, or empty (with a problem) when it cannot be read. */
    private Optional<String[]> ids(Path file, String name) {
        try {
            JsonNode node = JsonFiles.parse(Files.readString(file, StandardCharsets.UTF_8), name);
            JsonNode id = node.path("id");
            JsonNode prevId = node.path("prevId");
            if (!id.isTextual() || !prevId.isTextual()) {
                problems.add(new Problem(name + " has no \"id\" and \"prevId\", so it is not a drizzle-kit snapshot.",
                        "Restore it from version control."));
                return Optional.empty();
            }
            return Optional.of(new String[] {id.textValue(), prevId.textValue()});
        } catch (IOException e) {
            problems.add(new Problem("Cannot read " + name + ": " + e.getMessage() + ".",
                    "Check that the file is readable."));
        } catch (WriterflowException e) {
            problems.add(Problem.of(e));
        }
        return Optional.empty();
    }

    private List<String> list(Path dir, Predicate<String> accept) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile)
                    .map(p -> p.getFileName().toString())
                    .filter(accept)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            problems.add(new Problem("Cannot list " + display + ": " + e.getMessage() + ".",
                    "Check the directory's permissions."));
            return List.of();
        }
    }
}
