package io.writerflow.maven.migrations;

import io.writerflow.maven.WriterflowException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * drizzle-kit 1.0's layout: one folder per migration, {@code <yyyyMMddHHmmss>_<name>/migration.sql} and
 * {@code snapshot.json}, no journal. As drizzle-orm 1.0's migrator reads it: the folders in name order (the
 * timestamp first), each dated by its timestamp read as UTC, which the migrator records as {@code created_at}.
 */
final class FolderListing {

    static final String SQL = "migration.sql";
    static final String SNAPSHOT = "snapshot.json";

    /** drizzle-kit's folder name: the UTC time of generation, then the migration's name. */
    static final Pattern FOLDER = Pattern.compile("(\\d{14})_.+");

    static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuuMMddHHmmss")
            .withResolverStyle(ResolverStyle.STRICT);

    private FolderListing() {
    }

    static MigrationLayout.Listing list(Path root, String display) {
        Scan scan = scan(root, display);
        if (!scan.problems().isEmpty()) {
            throw scan.problems().get(0);
        }
        return new MigrationLayout.Listing(scan.entries(), JournalListing.unlistedSql(root, display, Set.of()));
    }

    /** The migration folders, and what is wrong with the others: all of it, for writerflow:check. */
    record Scan(List<MigrationEntry> entries, List<WriterflowException> problems) {
    }

    static Scan scan(Path root, String display) {
        List<MigrationEntry> entries = new ArrayList<>();
        List<WriterflowException> problems = new ArrayList<>();
        Map<String, Integer> perSecond = new HashMap<>();
        for (String folder : folders(root, display)) {
            Matcher m = FOLDER.matcher(folder);
            if (!m.matches()) {
                if (Files.isRegularFile(root.resolve(folder).resolve(SQL))) {
                    problems.add(new WriterflowException(display + "/" + folder + " has a " + SQL + " but its name"
                            + " does not start with a timestamp (yyyyMMddHHmmss_name), which orders and dates a"
                            + " migration.", "Rename it as drizzle-kit 1.0 names its folders, e.g. "
                            + LocalDateTime.now(ZoneOffset.UTC).format(TIMESTAMP) + "_" + folder
                            + ", choosing a time after the migration before it."));
                }
                continue; // not a migration: drizzle's migrator passes over it too
            }
            Optional<Long> when = when(m.group(1));
            if (when.isEmpty()) {
                problems.add(new WriterflowException(display + "/" + folder + ": " + m.group(1) + " is not a date and"
                        + " time (yyyyMMddHHmmss, UTC).",
                        "Rename the folder with the time it was generated, as drizzle-kit 1.0 names its folders."));
                continue;
            }
            // drizzle-kit 1.0 may write two folders in one second; the migrator orders them by name, as here
            int sameSecond = perSecond.merge(m.group(1), 1, Integer::sum) - 1;
            String version = m.group(1) + (sameSecond == 0 ? "" : "." + sameSecond);
            entries.add(new MigrationEntry(version, folder, when.get(), folder + "/" + SQL, folder + "/" + SNAPSHOT));
        }
        return new Scan(entries, problems);
    }

    /** The timestamp as epoch milliseconds, as drizzle-orm 1.0's migrator reads it: {@code Date.UTC(...)}. */
    static Optional<Long> when(String timestamp) {
        try {
            return Optional.of(LocalDateTime.parse(timestamp, TIMESTAMP).toInstant(ZoneOffset.UTC).toEpochMilli());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    static WriterflowException missingSql(MigrationEntry entry, String display) {
        String folder = display + "/" + entry.tag();
        return new WriterflowException(folder + " has no " + SQL + ", so it is not a migration drizzle or the plugin"
                + " can apply.", "Restore " + folder + "/" + SQL + " from version control, or delete " + folder
                + " if the migration was never applied anywhere.");
    }

    /** The directory's folders in name order, which is the migrations' order; hidden ones left out. */
    static List<String> folders(Path root, String display) {
        try (Stream<Path> paths = Files.list(root)) {
            return paths.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                    .filter(name -> !name.startsWith("."))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new WriterflowException("Cannot list " + display + ": " + e.getMessage(),
                    "Check the directory's permissions.", e);
        }
    }
}
