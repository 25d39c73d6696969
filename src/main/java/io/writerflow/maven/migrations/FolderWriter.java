package io.writerflow.maven.migrations;

import io.writerflow.maven.WriterflowException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Adds a migration to a directory in drizzle-kit 1.0's layout: {@code <yyyyMMddHHmmss>_<name>/migration.sql}
 * and {@code snapshot.json}, with the plugin's {@code down.sql} when there is one. All or none: they are written into a hidden folder, which is then renamed to the
 * migration's name in one step, so no tool ever sees a folder with one file.
 */
final class FolderWriter {

    private FolderWriter() {
    }

    /** @param when the time of generation; as drizzle-kit, at least a second after the last folder's timestamp */
    static WrittenMigration write(Path root, String name, String sql, String snapshot, long when) {
        return write(root, name, sql, snapshot, when, Optional.empty());
    }

    /** @param down the down migration's text for the folder's name, written as {@code down.sql} in it; or none */
    static WrittenMigration write(Path root, String name, String sql, String snapshot, long when,
                                  Optional<Function<String, String>> down) {
        long last = lastTimestamp(root);
        long at = Math.max(when, last + 1000);
        String stamp = Instant.ofEpochMilli(at).atZone(ZoneOffset.UTC).format(FolderListing.TIMESTAMP);
        String tag = stamp + "_" + name;
        Path folder = root.resolve(tag);
        if (Files.exists(folder)) {
            throw new WriterflowException(folder + " already exists.", "Delete it, or generate again a second later.");
        }
        Path temp = AtomicFiles.tempFor(folder);
        List<Path> createdDirectories = List.of();
        boolean written = false;
        try {
            createdDirectories = AtomicFiles.createDirectories(root);
            Files.createDirectories(temp);
            Files.writeString(temp.resolve(FolderListing.SQL), sql);
            Files.writeString(temp.resolve(FolderListing.SNAPSHOT), snapshot);
            if (down.isPresent()) {
                Files.writeString(temp.resolve(DownFile.FOLDER_FILE), down.get().apply(tag));
            }
            AtomicFiles.move(temp, folder);
            written = true;
        } catch (IOException e) {
            throw new WriterflowException("Cannot write the migration into " + root + ": " + e.getMessage()
                    + ". The directory was left as it was.", "Check the directory's permissions and free space.", e);
        } finally {
            AtomicFiles.deleteQuietly(temp);
            if (!written) {
                AtomicFiles.deleteCreated(createdDirectories);
            }
        }
        MigrationEntry entry = new MigrationEntry(stamp, tag, FolderListing.when(stamp).orElseThrow(),
                tag + "/" + FolderListing.SQL, tag + "/" + FolderListing.SNAPSHOT);
        return new WrittenMigration(entry, folder.resolve(FolderListing.SQL), folder.resolve(FolderListing.SNAPSHOT),
                down.map(d -> folder.resolve(DownFile.FOLDER_FILE)));
    }

    /** The epoch milliseconds of the directory's last migration folder, or 0 for none. */
    private static long lastTimestamp(Path root) {
        if (!Files.isDirectory(root)) {
            return 0;
        }
        List<MigrationEntry> entries = FolderListing.list(root, root.toString()).entries();
        return entries.isEmpty() ? 0 : entries.get(entries.size() - 1).when();
    }
}
