package io.writerflow.maven.migrations;

import io.writerflow.maven.WriterflowException;
import io.writerflow.maven.schema.SnapshotFormat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * How a drizzle directory keeps its migrations. Everything else (apply, status, check, drift, adoption) sees
 * the same {@link MigrationEntry} list whichever layout it is; only listing and adding a migration differ.
 */
public enum MigrationLayout {

    /** drizzle-kit 0.31: {@code meta/_journal.json}, {@code NNNN_tag.sql}, {@code meta/NNNN_snapshot.json}. */
    JOURNAL("journal", SnapshotFormat.V6) {
        @Override
        Listing list(Path root, String display) {
            return JournalListing.list(root, display);
        }

        @Override
        WriterflowException missingSql(MigrationEntry entry, String display) {
            return JournalListing.missingSql(entry, display);
        }

        @Override
        public String listing(String display) {
            return display + "/" + JournalListing.JOURNAL;
        }

        @Override
        public WrittenMigration write(Path root, String name, String sql, String snapshot, long when,
                                      MigrationPrefix prefix, boolean breakpoints,
                                      Optional<Function<String, String>> down) {
            return MigrationWriter.write(root, name, sql, snapshot, when, prefix, breakpoints, down);
        }
    },

    /** drizzle-kit 1.0: {@code <yyyyMMddHHmmss>_<name>/migration.sql} and {@code snapshot.json}, no journal. */
    FOLDERS("folders", SnapshotFormat.V7) {
        @Override
        Listing list(Path root, String display) {
            return FolderListing.list(root, display);
        }

        @Override
        WriterflowException missingSql(MigrationEntry entry, String display) {
            return FolderListing.missingSql(entry, display);
        }

        @Override
        public String listing(String display) {
            return display + " (its migration folders)";
        }

        @Override
        public WrittenMigration write(Path root, String name, String sql, String snapshot, long when,
                                      MigrationPrefix prefix, boolean breakpoints,
                                      Optional<Function<String, String>> down) {
            // drizzle-kit 1.0 names its folders by time whatever the prefix, and keeps no breakpoints flag
            return FolderWriter.write(root, name, sql, snapshot, when, down);
        }
    };

    /** The directory's migrations in order, and the {@code .sql} files that are none of them (never applied). */
    public record Listing(List<MigrationEntry> entries, List<String> unlisted) {

        public Listing {
            entries = List.copyOf(entries);
            unlisted = List.copyOf(unlisted);
        }
    }

    /** The values of {@code writerflow.layout}, for messages. */
    public static final String SETTING_VALUES = "auto (the default: the directory's own layout; journal for a new"
            + " directory), journal (drizzle-kit 0.31: meta/_journal.json, NNNN_name.sql) or folders (drizzle-kit 1.0:"
            + " one <timestamp>_name/ folder per migration)";

    /** A top-level {@code NNNN_name.sql}: drizzle-kit 0.31 names its migrations so. */
    private static final Pattern JOURNAL_SQL = Pattern.compile("\\d{1,9}_.*\\.sql");

    private final String setting;
    private final SnapshotFormat snapshotFormat;

    MigrationLayout(String setting, SnapshotFormat snapshotFormat) {
        this.setting = setting;
        this.snapshotFormat = snapshotFormat;
    }

    /** The value of {@code writerflow.layout} that names this layout. */
    public String setting() {
        return setting;
    }

    /** The format of this layout's snapshots. */
    public SnapshotFormat snapshotFormat() {
        return snapshotFormat;
    }

    abstract Listing list(Path root, String display);

    /** The failure for an entry whose SQL file does not exist, naming it and what to do. */
    abstract WriterflowException missingSql(MigrationEntry entry, String display);

    /** What decides which migrations exist, as messages name it: the journal, or the folders. */
    public abstract String listing(String display);

    /**
     * Adds a migration, its SQL and snapshot, all or nothing.
     *
     * @param name     the migration's name, without the index or timestamp the layout puts before it
     * @param snapshot the snapshot's JSON, in {@link #snapshotFormat()}
     * @param when     the time of generation, in epoch milliseconds; later than the last migration's in any case
     * @param down     the text of its down migration (see {@link DownFile}) for the migration's tag, which only
     *                 the writer knows; empty to write none
     */
    public abstract WrittenMigration write(Path root, String name, String sql, String snapshot, long when,
                                           MigrationPrefix prefix, boolean breakpoints,
                                           Optional<Function<String, String>> down);

    /** {@link #write} without a down migration. */
    public WrittenMigration write(Path root, String name, String sql, String snapshot, long when,
                                  MigrationPrefix prefix, boolean breakpoints) {
        return write(root, name, sql, snapshot, when, prefix, breakpoints, Optional.empty());
    }

    /** {@link #write} with drizzle-kit's default naming: index prefixes, statement breakpoints. */
    public WrittenMigration write(Path root, String name, String sql, String snapshot, long when) {
        return write(root, name, sql, snapshot, when, MigrationPrefix.INDEX, true);
    }

    /**
     * The directory's last migration, the one generate continues from; empty for a directory without any.
     *
     * @throws WriterflowException when the directory mixes the two layouts, its listing is broken, or (in the
     *                             folder layout) two branches each left a migration that the other lacks, or a
     *                             migration sorts before one it was generated after
     */
    public static Optional<MigrationEntry> latest(Path root, String display) {
        Optional<MigrationLayout> layout = detect(root, display);
        if (layout.isEmpty()) {
            return Optional.empty();
        }
        List<MigrationEntry> entries = layout.get().list(root, display).entries();
        if (layout.get() == FOLDERS) {
            // the journal cannot fork unseen: git reports the two branches' entries as a conflict in it
            requireOneOrderedEnd(root, display, entries);
        }
        return entries.isEmpty() ? Optional.empty() : Optional.of(entries.get(entries.size() - 1));
    }

    /**
     * The directory's migrations in order, whichever its layout; empty for a directory without any.
     *
     * @throws WriterflowException when the directory mixes the two layouts or its listing is broken
     */
    public static List<MigrationEntry> entries(Path root, String display) {
        return detect(root, display).map(l -> l.list(root, display).entries()).orElse(List.of());
    }

    private static void requireOneOrderedEnd(Path root, String display, List<MigrationEntry> entries) {
        List<SnapshotChain.Node> nodes = new java.util.ArrayList<>();
        for (MigrationEntry entry : entries) {
            try {
                nodes.add(new SnapshotChain.Node(entry, SnapshotHeader.read(root.resolve(entry.snapshot()),
                        display + "/" + entry.snapshot())));
            } catch (IOException | WriterflowException e) {
                return; // a chain with a gap has no telling ends; writerflow:check names the file
            }
        }
        List<SnapshotChain.Node> ends = SnapshotChain.ends(nodes);
        if (ends.size() > 1) {
            throw SnapshotChain.forked(ends, display);
        }
        // the last folder is then not the end of the chain: its snapshot is not the schema to compare with
        SnapshotChain.outOfOrder(nodes, display).stream().findFirst().ifPresent(e -> {
            throw e;
        });
    }

    /**
     * The layout the directory's files show, or empty for a directory without migrations (or none at all).
     *
     * @throws WriterflowException when it holds both
     */
    public static Optional<MigrationLayout> detect(Path root, String display) {
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        Optional<String> journal = Files.isDirectory(root.resolve("meta")) ? Optional.of(display + "/meta/")
                : topLevelFiles(root, display).stream()
                // a down migration is no journal: 'drizzle-kit up' leaves NNNN_tag.down.sql beside the new folders
                .filter(f -> JOURNAL_SQL.matcher(f).matches() && !DownFile.isDown(f)).findFirst()
                .map(f -> display + "/" + f);
        Optional<String> folder = FolderListing.folders(root, display).stream()
                .filter(f -> !f.equals("meta") && (FolderListing.FOLDER.matcher(f).matches()
                        || Files.exists(root.resolve(f).resolve(FolderListing.SQL))))
                .findFirst().map(f -> display + "/" + f + "/");
        if (journal.isPresent() && folder.isPresent()) {
            throw new WriterflowException(display + " mixes two layouts: drizzle-kit 0.31's journal (" + journal.get()
                    + ") and drizzle-kit 1.0's migration folders (" + folder.get() + "); neither drizzle nor the plugin"
                    + " reads such a directory.",
                    "Keep one layout. To move to drizzle-kit 1.0, run 'npx drizzle-kit up' with drizzle-kit 1.0 on a"
                            + " directory with only the journal's migrations, which turns them into folders; to stay on"
                            + " drizzle-kit 0.31, delete the folders and generate them again (without"
                            + " -Dwriterflow.layout=folders).");
        }
        return journal.map(j -> JOURNAL).or(() -> folder.map(f -> FOLDERS));
    }

    /**
     * The layout generate writes in: the directory's own; for a directory without migrations the one asked for,
     * else drizzle-kit 0.31's journal.
     *
     * @param requested {@code writerflow.layout}, empty for {@code auto}
     * @throws WriterflowException when the directory already has the other layout
     */
    public static MigrationLayout forWriting(Path root, String display, Optional<MigrationLayout> requested) {
        Optional<MigrationLayout> found = detect(root, display);
        if (found.isPresent() && requested.isPresent() && found.get() != requested.get()) {
            throw new WriterflowException("writerflow.layout=" + requested.get().setting() + " but " + display
                    + " already keeps its migrations in the " + found.get().setting() + " layout ("
                    + found.get().listing(display) + "); a directory keeps one layout.",
                    "Leave writerflow.layout at auto to continue the directory as it is"
                            + (found.get() == JOURNAL ? ", or move it to drizzle-kit 1.0's folders with 'npx drizzle-kit"
                            + " up' (drizzle-kit 1.0) first." : "."));
        }
        return found.or(() -> requested).orElse(JOURNAL);
    }

    /**
     * {@code writerflow.layout}: {@code auto} is empty.
     *
     * @throws WriterflowException for any other value than the three
     */
    public static Optional<MigrationLayout> parseSetting(String value) {
        String v = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        if (v.isEmpty() || v.equals("auto")) {
            return Optional.empty();
        }
        for (MigrationLayout layout : values()) {
            if (layout.setting.equals(v)) {
                return Optional.of(layout);
            }
        }
        throw new WriterflowException("writerflow.layout=" + value + " is not a migration directory layout.",
                "Use " + SETTING_VALUES + ".");
    }

    private static List<String> topLevelFiles(Path root, String display) {
        try (Stream<Path> files = Files.list(root)) {
            return files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new WriterflowException("Cannot list " + display + ": " + e.getMessage(),
                    "Check the directory's permissions.", e);
        }
    }
}
