package io.writerflow.maven.migrations;

import io.writerflow.maven.WriterflowException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * drizzle-kit 0.31's layout: {@code meta/_journal.json} decides which {@code <tag>.sql} files are migrations
 * and in which order, as drizzle-orm's migrator does; each has {@code meta/NNNN_snapshot.json}.
 */
final class JournalListing {

    static final String JOURNAL = "meta/_journal.json";

    private JournalListing() {
    }

    static MigrationLayout.Listing list(Path root, String display) {
        Path journalFile = root.resolve(JOURNAL);
        String journalName = display + "/" + JOURNAL;
        if (!Files.isRegularFile(journalFile)) {
            throw new WriterflowException(journalName + " is missing, so the order of the migrations in " + display
                    + " is unknown.", "Restore it from version control, or regenerate the directory with drizzle-kit.");
        }
        List<MigrationEntry> entries = JournalReader.read(journalFile, journalName).entries().stream()
                .map(JournalListing::entry).toList();
        Set<String> listed = new HashSet<>();
        entries.forEach(e -> listed.add(e.sql()));
        return new MigrationLayout.Listing(entries, unlistedSql(root, display, listed));
    }

    /** The entry of a journal line: its {@code .sql} beside the journal, its snapshot under {@code meta/}. */
    static MigrationEntry entry(JournalEntry entry) {
        return new MigrationEntry(Integer.toString(entry.idx()), entry.tag(), entry.when(), entry.tag() + ".sql",
                "meta/" + prefix(entry.tag(), entry.idx()) + "_snapshot.json");
    }

    /** The index prefix of a tag, or the idx written as drizzle-kit writes it when the tag has none. */
    static String prefix(String tag, int idx) {
        // drizzle-kit names the snapshot after the tag's part before its first "_", whatever migrations.prefix was
        int underscore = tag.indexOf('_');
        return underscore >= 0 ? tag.substring(0, underscore) : String.format("%04d", idx);
    }

    static WriterflowException missingSql(MigrationEntry entry, String display) {
        String file = display + "/" + entry.sql();
        return new WriterflowException(display + "/" + JOURNAL + " lists " + entry.tag() + " (idx " + entry.version()
                + ") but " + file + " does not exist.",
                "Restore " + file + " from version control, or remove its entry from the journal if the migration was"
                        + " never applied anywhere.");
    }

    /**
     * {@code .sql} files directly in the directory that no entry names: never applied, by drizzle either. Down
     * migrations ({@code NNNN_tag.down.sql}, see {@link DownFile}) are none of them.
     */
    static List<String> unlistedSql(Path root, String display, Set<String> listed) {
        try (Stream<Path> files = Files.list(root)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(name -> name.endsWith(".sql") && !listed.contains(name) && !DownFile.isDown(name))
                    .sorted()
                    .map(name -> display + "/" + name)
                    .toList();
        } catch (IOException e) {
            throw new WriterflowException("Cannot list " + display + ": " + e.getMessage(),
                    "Check the directory's permissions.", e);
        }
    }
}
