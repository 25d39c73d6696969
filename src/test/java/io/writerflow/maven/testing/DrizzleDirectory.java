package io.writerflow.maven.testing;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.writerflow.maven.migrations.Journal;
import io.writerflow.maven.migrations.JournalEntry;
import io.writerflow.maven.migrations.JournalReader;
import io.writerflow.maven.schema.JsStyleJson;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A drizzle directory written for a test: in drizzle-kit 0.31's journal layout ({@code meta/_journal.json} and
 * {@code <tag>.sql}, written as drizzle-kit writes them), or with {@link #folders} in drizzle-kit 1.0's
 * ({@code <tag>/migration.sql}, the tag being the folder). Migrations are given as SQL; a migration has a snapshot
 * only when the test gives one, so drift and rebuilds see none otherwise. Each added migration is on disk at once.
 */
public final class DrizzleDirectory {

    /** The {@code when} of a new directory's first migration; each next one is a millisecond later. */
    public static final long FIRST_WHEN = 1_700_000_000_000L;

    private static final String JOURNAL = "meta/_journal.json";

    private final Path root;
    private final boolean folders;
    private final String version;
    private final String dialect;
    private final List<JournalEntry> entries;

    private DrizzleDirectory(Path root, boolean folders, String version, String dialect, List<JournalEntry> entries) {
        this.root = root;
        this.folders = folders;
        this.version = version;
        this.dialect = dialect;
        this.entries = new ArrayList<>(entries);
    }

    /** An empty directory in the journal layout; nothing is written until the first migration. */
    public static DrizzleDirectory journal(Path root) {
        return new DrizzleDirectory(root, false, "7", "sqlite", List.of());
    }

    /** An empty directory in drizzle-kit 1.0's layout of {@code <yyyyMMddHHmmss>_<name>/migration.sql} folders. */
    public static DrizzleDirectory folders(Path root) {
        return new DrizzleDirectory(root, true, "7", "sqlite", List.of());
    }

    /** The journal-layout directory at {@code root} as it is, such as one drizzle-kit wrote, to add migrations to. */
    public static DrizzleDirectory open(Path root) {
        Journal journal = JournalReader.read(root.resolve(JOURNAL), root.getFileName() + "/" + JOURNAL);
        return new DrizzleDirectory(root, false, journal.version(), journal.dialect(), journal.entries());
    }

    /** {@code project/drizzle} in the journal layout, with these migrations: tag, sql, tag, sql, ... */
    public static DrizzleDirectory inProject(Path project, String... tagsAndSql) throws IOException {
        DrizzleDirectory drizzle = journal(project.resolve("drizzle"));
        for (int i = 0; i < tagsAndSql.length; i += 2) {
            drizzle.migration(tagsAndSql[i], tagsAndSql[i + 1]);
        }
        return drizzle;
    }

    /** Adds a migration, {@code when} a millisecond after the one before (from {@link #FIRST_WHEN}). */
    public DrizzleDirectory migration(String tag, String sql) throws IOException {
        return migration(tag, sql, entries.isEmpty() ? FIRST_WHEN : entries.get(entries.size() - 1).when() + 1);
    }

    /**
     * Adds a migration created at {@code when} (epoch milliseconds; the journal layout records it); a tag the
     * directory already has gets its SQL replaced, its entry kept. The journal is rewritten with the entries
     * this fixture holds.
     */
    public DrizzleDirectory migration(String tag, String sql, long when) throws IOException {
        return migration(tag, when, out -> out.write(sql));
    }

    /** Adds a migration whose SQL {@code sql} streams into its file, for files too large to hold as a string. */
    public DrizzleDirectory migration(String tag, long when, SqlText sql) throws IOException {
        Files.createDirectories(sql(tag).getParent());
        try (Writer out = Files.newBufferedWriter(sql(tag), StandardCharsets.UTF_8)) {
            sql.writeTo(out);
        }
        if (!folders) {
            if (entries.stream().noneMatch(e -> e.tag().equals(tag))) {
                entries.add(new JournalEntry(entries.size(), "6", when, tag, true));
            }
            writeJournal();
        }
        return this;
    }

    /**
     * Lists {@code tag} at {@code idx} in the journal without writing its SQL, for journals a test makes
     * inconsistent on purpose (entries out of order, skipped or repeated, a tag without its file).
     */
    public DrizzleDirectory entry(int idx, String tag) throws IOException {
        entries.add(new JournalEntry(idx, "6", FIRST_WHEN + entries.size(), tag, true));
        return writeJournal();
    }

    /** Writes {@code json} as the snapshot of the migration {@code tag}, where its layout keeps it. */
    public DrizzleDirectory snapshot(String tag, String json) throws IOException {
        Path file = folders ? root.resolve(tag).resolve("snapshot.json")
                : root.resolve("meta").resolve(tag.substring(0, tag.indexOf('_') + 1) + "snapshot.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, json);
        return this;
    }

    /** Writes the journal as it stands: with no migration yet, an empty one. */
    public DrizzleDirectory writeJournal() throws IOException {
        ObjectNode journal = JsonNodeFactory.instance.objectNode();
        journal.put("version", version);
        journal.put("dialect", dialect);
        ArrayNode list = journal.putArray("entries");
        for (JournalEntry entry : entries) {
            list.addObject().put("idx", entry.idx()).put("version", entry.version()).put("when", entry.when())
                    .put("tag", entry.tag()).put("breakpoints", entry.breakpoints());
        }
        Files.createDirectories(root.resolve("meta"));
        Files.writeString(root.resolve(JOURNAL), JsStyleJson.write(journal));
        return this;
    }

    /** Writes a migration's SQL. */
    @FunctionalInterface
    public interface SqlText {
        void writeTo(Writer out) throws IOException;
    }

    /** The directory. */
    public Path root() {
        return root;
    }

    /** Where the migration {@code tag}'s SQL is. */
    public Path sql(String tag) {
        return folders ? root.resolve(tag).resolve("migration.sql") : root.resolve(tag + ".sql");
    }
}
