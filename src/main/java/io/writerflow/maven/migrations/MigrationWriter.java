package io.writerflow.maven.migrations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.writerflow.maven.WriterflowException;
import io.writerflow.maven.schema.JsStyleJson;
import io.writerflow.maven.schema.JsonFiles;
import io.writerflow.maven.schema.SnapshotCodec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Adds a migration to a drizzle directory as drizzle-kit does: {@code NNNN_tag.sql},
 * {@code meta/NNNN_snapshot.json} and a new {@code meta/_journal.json} entry, with the plugin's
 * {@code NNNN_tag.down.sql} when there is one (see {@link DownFile}). All of them or none: each file is
 * written beside its target first, the journal (which makes the migration exist, for both tools) is
 * replaced last, and a failure removes what was already moved in, and the directories it created: the directory
 * is left as it was.
 */
public final class MigrationWriter {


    private MigrationWriter() {
    }

    /**
     * @param root     the drizzle directory; created with its {@code meta/} when missing
     * @param name     the tag without its index prefix, e.g. {@code add_documents_score}
     * @param sql      the migration file's text
     * @param snapshot the snapshot of the schema after this migration, as {@link SnapshotCodec#write} writes it
     * @param when     the journal's creation time in epoch milliseconds
     */
    public static WrittenMigration write(Path root, String name, String sql, String snapshot, long when) {
        return write(root, name, sql, snapshot, when, MigrationPrefix.INDEX, true);
    }

    /**
     * @param prefix      how the tag and the snapshot's name start (drizzle.config's {@code migrations.prefix})
     * @param breakpoints whether {@code sql} separates its statements with {@code --> statement-breakpoint},
     *                    recorded in the journal entry as drizzle-kit records it
     */
    public static WrittenMigration write(Path root, String name, String sql, String snapshot, long when,
                                         MigrationPrefix prefix, boolean breakpoints) {
        return write(root, name, sql, snapshot, when, prefix, breakpoints, Optional.empty());
    }

    /** @param down the down migration's text for the migration's tag, written as {@code <tag>.down.sql}; or none */
    public static WrittenMigration write(Path root, String name, String sql, String snapshot, long when,
                                         MigrationPrefix prefix, boolean breakpoints,
                                         Optional<Function<String, String>> down) {
        Path meta = root.resolve("meta");
        Path journalFile = meta.resolve("_journal.json");
        List<Path> created = new ArrayList<>();
        List<Path> createdDirectories = List.of();
        boolean written = false;
        try {
            ObjectNode journal = readOrCreateJournal(journalFile);
            ArrayNode entries = (ArrayNode) journal.get("entries");
            int idx = 0;
            long previousWhen = 0;
            for (JsonNode entry : entries) {
                idx = Math.max(idx, entry.path("idx").asInt() + 1);
                previousWhen = Math.max(previousWhen, entry.path("when").asLong());
            }
            long entryWhen = Math.max(when, previousWhen + 1);
            String tagPrefix = prefix.of(idx, entryWhen);
            JournalEntry entry = new JournalEntry(idx, "6", entryWhen, tagPrefix + "_" + name, breakpoints);

            Path sqlFile = root.resolve(entry.tag() + ".sql");
            Path snapshotFile = meta.resolve(tagPrefix + "_snapshot.json");
            Optional<Path> downFile = down.map(d -> root.resolve(DownFile.path(entry.tag() + ".sql")));
            List<Path> targets = new ArrayList<>(List.of(sqlFile, snapshotFile));
            downFile.ifPresent(targets::add);
            for (Path target : targets) {
                if (Files.exists(target)) {
                    throw new WriterflowException(target + " already exists but the journal does not list it.",
                            "Delete it (or add it to the journal), then generate again.");
                }
            }
            ObjectNode node = entries.addObject();
            node.put("idx", entry.idx());
            node.put("version", entry.version());
            node.put("when", entry.when());
            node.put("tag", entry.tag());
            node.put("breakpoints", entry.breakpoints());

            createdDirectories = AtomicFiles.createDirectories(meta);
            Path sqlTemp = AtomicFiles.temp(sqlFile, sql);
            Path snapshotTemp = AtomicFiles.temp(snapshotFile, snapshot);
            Optional<Path> downTemp = downFile.isEmpty() ? Optional.empty()
                    : Optional.of(AtomicFiles.temp(downFile.get(), down.get().apply(entry.tag())));
            Path journalTemp = AtomicFiles.temp(journalFile, JsStyleJson.write(journal));
            AtomicFiles.replace(sqlTemp, sqlFile);
            created.add(sqlFile);
            if (downTemp.isPresent()) {
                AtomicFiles.replace(downTemp.get(), downFile.get());
                created.add(downFile.get());
            }
            AtomicFiles.replace(snapshotTemp, snapshotFile);
            created.add(snapshotFile);
            AtomicFiles.replace(journalTemp, journalFile);
            written = true;
            return new WrittenMigration(JournalListing.entry(entry), sqlFile, snapshotFile, downFile);
        } catch (IOException e) {
            created.forEach(AtomicFiles::deleteQuietly);
            throw new WriterflowException("Cannot write the migration into " + root + ": " + e.getMessage()
                    + ". The directory was left as it was.", "Check the directory's permissions and free space.", e);
        } catch (RuntimeException e) {
            created.forEach(AtomicFiles::deleteQuietly);
            throw e;
        } finally {
            AtomicFiles.cleanTemps(root);
            AtomicFiles.cleanTemps(meta);
            if (!written) {
                // an empty meta/ left behind would make the next generate take the directory for a broken one
                AtomicFiles.deleteCreated(createdDirectories);
            }
        }
    }

    private static ObjectNode readOrCreateJournal(Path journalFile) throws IOException {
        if (!Files.exists(journalFile)) {
            ObjectNode journal = JsonNodeFactory.instance.objectNode();
            journal.put("version", "7");
            journal.put("dialect", "sqlite");
            journal.putArray("entries");
            return journal;
        }
        // keeps whatever else the file holds, in its order, as drizzle-kit's read-modify-write does
        JsonNode journal = JsonFiles.parse(Files.readString(journalFile, StandardCharsets.UTF_8), journalFile.toString());
        if (!(journal instanceof ObjectNode object) || !journal.path("entries").isArray()) {
            throw new WriterflowException(journalFile + " is not a drizzle journal.", "Restore it from version control.");
        }
        return object;
    }
}
