package io.writerflow.maven.lint.report;

import io.writerflow.maven.WriterflowException;
import io.writerflow.maven.lint.Finding;
import io.writerflow.maven.lint.LintedMigration;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The lint's findings as a comment block at the top of a migration generate just wrote, so that whoever reviews
 * the pull request reads them in the file itself:
 * <pre>
 * -- writerflow:lint WF102 error line 4: drops column users.age: its values are lost, ...
 *
 * ALTER TABLE ...
 * </pre>
 * Only when there are findings; one line each, in line order, then a blank line (so that the block is never read
 * as the comments above the first statement, where a {@code writerflow:lint-ignore} goes). The lines it names are
 * the file's lines with the block in place. SQL comments: drizzle-kit's migrator, SQLite and the plugin's statement
 * reader all skip them, and the file's checksum is taken from the file as written, before anything applies it.
 */
public final class LintHeader {

    /** What each line starts with; not {@code writerflow:lint-ignore}, so it never suppresses anything. */
    public static final String MARKER = "-- writerflow:lint ";

    private LintHeader() {
    }

    /** The file's text with the block on top; the text unchanged when there is nothing to say. */
    public static String prepend(String sql, List<Finding> findings) {
        List<Finding> shown = findings.stream().filter(f -> !f.isSuppressed()).toList();
        if (shown.isEmpty()) {
            return sql;
        }
        int shift = shown.size() + 1; // the block's lines and the blank line after it
        List<String> lines = new ArrayList<>();
        for (Finding finding : shown) {
            lines.add(MARKER + finding.code().code() + " " + finding.severity().label() + " line "
                    + (finding.line() + shift) + ": " + finding.message().replaceAll("[\\r\\n]+", " "));
        }
        return String.join("\n", lines) + "\n\n" + sql;
    }

    /** The text without the block generate put on top of it (the text itself when it has none). */
    public static String strip(String sql) {
        String text = sql;
        while (text.startsWith(MARKER)) {
            int end = text.indexOf('\n');
            text = end < 0 ? "" : text.substring(end + 1);
        }
        return text.equals(sql) ? sql : text.startsWith("\n") ? text.substring(1) : text;
    }

    /** Writes the block into the migration's file; returns whether there was one to write. */
    public static boolean write(Path file, LintedMigration migration) {
        try {
            String sql = Files.readString(file, StandardCharsets.UTF_8);
            String headed = prepend(sql, migration.findings());
            if (headed.equals(sql)) {
                return false;
            }
            Files.writeString(file, headed, StandardCharsets.UTF_8);
            return true;
        } catch (IOException e) {
            throw new WriterflowException("Cannot write the lint's findings into " + migration.file() + ": "
                    + e.getMessage(), "Check that the file is writable, or set -Dwriterflow.lintHeader=false.", e);
        }
    }
}
