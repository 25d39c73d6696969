package io.writerflow.maven.migrations;

import io.writerflow.maven.WriterflowException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The drizzle migrations directory, in either layout (see {@link MigrationLayout}): its migrations in the
 * order drizzle's migrator applies them, each with its statements.
 *
 * @param unlisted {@code .sql} files in the directory that are no migration (never applied)
 */
public record MigrationDirectory(Path root, String displayRoot, MigrationLayout layout, List<Migration> migrations,
                                 List<String> unlisted) {

    public static final String JOURNAL = JournalListing.JOURNAL;

    public MigrationDirectory {
        migrations = List.copyOf(migrations);
        unlisted = List.copyOf(unlisted);
    }

    /**
     * @param root        the directory
     * @param displayRoot how to name it in messages, e.g. {@code drizzle}
     */
    public static MigrationDirectory load(Path root, String displayRoot) {
        if (Files.exists(root) && !Files.isDirectory(root)) {
            throw new WriterflowException("Migrations directory " + displayRoot + " is a file, not a directory ("
                    + root.toAbsolutePath() + ").", "Point writerflow.out (-Dwriterflow.out=...) at the directory that"
                    + " holds the migrations.");
        }
        if (!Files.isDirectory(root)) {
            throw new WriterflowException("Migrations directory " + displayRoot + " does not exist ("
                    + root.toAbsolutePath() + ").",
                    "Generate a first migration (mvn writerflow:generate or npx drizzle-kit generate), or point"
                            + " writerflow.out (-Dwriterflow.out=...) at the directory that holds the migrations.");
        }
        Optional<MigrationLayout> detected = MigrationLayout.detect(root, displayRoot);
        if (detected.isEmpty()) {
            throw new WriterflowException(displayRoot + "/" + JOURNAL + " is missing and " + displayRoot + " has no"
                    + " migration folders, so " + displayRoot + " holds no migrations.",
                    "Restore the directory from version control, generate a first migration (mvn writerflow:generate),"
                            + " or point writerflow.out at the directory that holds the migrations.");
        }
        MigrationLayout layout = detected.get();
        MigrationLayout.Listing listing = layout.list(root, displayRoot);
        List<Migration> migrations = new ArrayList<>();
        for (MigrationEntry entry : listing.entries()) {
            String display = displayRoot + "/" + entry.sql();
            Path file = root.resolve(entry.sql());
            if (!Files.isRegularFile(file)) {
                throw layout.missingSql(entry, displayRoot);
            }
            try {
                migrations.add(Migration.read(entry, display, file, MigrationStatements.HELD_CHARS));
            } catch (IOException e) {
                throw new WriterflowException("Cannot read " + display + ": " + e.getMessage(),
                        "Check that the file is readable UTF-8 text.", e);
            }
        }
        return new MigrationDirectory(root, displayRoot, layout, migrations, listing.unlisted());
    }

    /**
     * The migration {@code name} names, as a user writes one: its tag ({@code 0003_add_posts}), the number it
     * starts with ({@code 0003}, {@code 3}) or its version (the journal's {@code idx}, or a folder's timestamp).
     *
     * @param setting the setting that named it, for the message when none matches
     */
    public Migration find(String setting, String name) {
        String wanted = name.strip();
        return migrations.stream()
                .filter(m -> m.tag().equals(wanted) || m.version().equals(wanted) || m.tag().startsWith(wanted + "_")
                        || wanted.matches("\\d+") && m.tag().matches("\\d+_.*")
                        && Long.parseLong(m.tag().substring(0, m.tag().indexOf('_'))) == parse(wanted))
                .findFirst()
                .orElseThrow(() -> new WriterflowException(setting + "=" + name + " names no migration in "
                        + listing() + ".", migrations.isEmpty() ? "Generate a first migration." : "Use a tag such as "
                        + migrations.get(migrations.size() - 1).tag() + ", the number it starts with, or its version ("
                        + migrations.get(migrations.size() - 1).version() + ")."));
    }

    private static long parse(String digits) {
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            return -1; // more digits than a migration number has: matches none
        }
    }

    /** What decides which migrations exist, as messages name it: the journal, or the folders. */
    public String listing() {
        return layout.listing(displayRoot);
    }

    /** A file of the directory, as messages name it. */
    public String display(String relative) {
        return displayRoot + "/" + relative;
    }
}
