package io.writerflow.maven.migrations;

import io.writerflow.maven.WriterflowException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The drizzle migrations directory: {@code meta/_journal.json} decides which {@code <tag>.sql} files are
 * migrations and in which order, as drizzle-orm's migrator does.
 *
 * @param unlisted {@code .sql} files in the directory that the journal does not name (never applied)
 */
public record MigrationDirectory(Path root, String displayRoot, Journal journal, List<Migration> migrations,
                                 List<String> unlisted) {

    public static final String JOURNAL = "meta/_journal.json";

    public MigrationDirectory {
        migrations = List.copyOf(migrations);
        unlisted = List.copyOf(unlisted);
    }

    /**
     * @param root        the directory
     * @param displayRoot how to name it in messages, e.g. {@code drizzle}
     */
    public static MigrationDirectory load(Path root, String displayRoot) {
        if (!Files.isDirectory(root)) {
            throw new WriterflowException("Migrations directory " + displayRoot + " does not exist ("
                    + root.toAbsolutePath() + ").",
                    "Generate a first migration (mvn writerflow:generate or npx drizzle-kit generate), or point"
                            + " writerflow.out (-Dwriterflow.out=...) at the directory that holds meta/_journal.json.");
        }
        Path journalFile = root.resolve(JOURNAL);
        String journalName = displayRoot + "/" + JOURNAL;
        if (!Files.isRegularFile(journalFile)) {
            throw new WriterflowException(journalName + " is missing, so the order of the migrations in "
                    + displayRoot + " is unknown.",
                    "Restore it from version control, or regenerate the directory with drizzle-kit.");
        }
        Journal journal = JournalReader.read(journalFile, journalName);

        List<Migration> migrations = new ArrayList<>();
        Set<String> listed = new HashSet<>();
        for (JournalEntry entry : journal.entries()) {
            String fileName = entry.tag() + ".sql";
            String display = displayRoot + "/" + fileName;
            listed.add(fileName);
            Path file = root.resolve(fileName);
            if (!Files.isRegularFile(file)) {
                throw new WriterflowException(journalName + " lists " + entry.tag() + " (idx " + entry.idx()
                        + ") but " + display + " does not exist.",
                        "Restore " + display + " from version control, or remove its entry from the journal if the"
                                + " migration was never applied anywhere.");
            }
            try {
                migrations.add(Migration.read(entry, display, file, MigrationStatements.HELD_CHARS));
            } catch (IOException e) {
                throw new WriterflowException("Cannot read " + display + ": " + e.getMessage(),
                        "Check that the file is readable UTF-8 text.", e);
            }
        }

        List<String> unlisted = new ArrayList<>();
        try (Stream<Path> files = Files.list(root)) {
            files.map(p -> p.getFileName().toString())
                    .filter(name -> name.endsWith(".sql") && !listed.contains(name))
                    .sorted()
                    .forEach(name -> unlisted.add(displayRoot + "/" + name));
        } catch (IOException e) {
            throw new WriterflowException("Cannot list " + displayRoot + ": " + e.getMessage(),
                    "Check the directory's permissions.", e);
        }
        return new MigrationDirectory(root, displayRoot, journal, migrations, unlisted);
    }
}
