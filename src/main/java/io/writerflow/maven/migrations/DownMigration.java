package io.writerflow.maven.migrations;

import io.writerflow.maven.WriterflowException;
import io.writerflow.maven.schema.Loss;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A down migration as {@link DownFile} writes it, read back: what rollback runs and what it must warn about.
 *
 * @param statements the statements to run, in order, as {@link StatementSplitter} splits them
 * @param losses     the tables and columns whose data the statements destroy, in file order; empty: nothing is
 *                   lost
 * @param custom     whether the file is (or began as) the template of a hand-written migration
 * @param edited     whether the file was changed after generate wrote it (its checksum line no longer matches)
 */
public record DownMigration(List<Statement> statements, List<Loss> losses, boolean custom, boolean edited) {

    public DownMigration {
        statements = List.copyOf(statements);
        losses = List.copyOf(losses);
    }

    /** Nothing to run: the file holds only comments and whitespace (a template nobody filled in). */
    public boolean empty() {
        return statements.isEmpty();
    }

    public boolean losesData() {
        return !losses.isEmpty();
    }

    /**
     * @param name how messages name the file, e.g. {@code drizzle/0003_add_tags.down.sql}
     * @throws WriterflowException for a {@code -- writerflow:loses} line that names no table or column
     */
    public static DownMigration parse(String text, String name) {
        List<Loss> losses = new ArrayList<>();
        boolean custom = false;
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            custom |= line.equals(DownFile.CUSTOM);
            try {
                DownFile.parseLossLine(line).ifPresent(losses::add);
            } catch (IllegalArgumentException e) {
                throw new WriterflowException(name + ":" + (i + 1) + ": " + e.getMessage() + ".",
                        "Write it as " + DownFile.lossLine(Loss.table("posts")) + " or "
                                + DownFile.lossLine(Loss.column("posts", "body")) + ", or delete the line.");
            }
        }
        return new DownMigration(StatementSplitter.split(text), losses, custom, edited(text));
    }

    /** Whether a generated down migration's text after its checksum line differs from what generate wrote. */
    private static boolean edited(String text) {
        String normalised = text.replace("\r\n", "\n");
        int at = normalised.indexOf("\n" + DownFile.CHECKSUM);
        if (at < 0) {
            return false; // hand-written, or from before checksums: nothing to compare with
        }
        int end = normalised.indexOf('\n', at + 1);
        if (end < 0) {
            return true;
        }
        String recorded = normalised.substring(at + 1 + DownFile.CHECKSUM.length(), end).strip();
        return !recorded.equals(DownFile.checksum(normalised.substring(end + 1)));
    }

    /**
     * The down migration of {@code entry}, or empty when it has none.
     *
     * @param root    the drizzle directory
     * @param display how messages name it
     */
    public static Optional<DownMigration> read(Path root, String display, MigrationEntry entry) {
        String name = display + "/" + entry.down();
        try {
            return Optional.of(parse(Files.readString(root.resolve(entry.down()), StandardCharsets.UTF_8), name));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new WriterflowException("Cannot read " + name + ": " + e.getMessage() + ".",
                    "Check that the file is readable.", e);
        }
    }
}
