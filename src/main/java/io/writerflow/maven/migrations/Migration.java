package io.writerflow.maven.migrations;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A migration of the drizzle directory: its entry, its file and its statements.
 *
 * @param file       the path of the {@code .sql} file as shown to users (relative to the project)
 * @param statements the file's statements, held or read again from the file (see {@link MigrationStatements})
 * @param checksum CRC32 of the file's text with line endings normalised, so that a checkout with other
 *                 line endings is not mistaken for an edit
 */
public record Migration(MigrationEntry entry, String file, MigrationStatements statements, int checksum) {

    /** A migration of a text in hand. */
    public static Migration of(MigrationEntry entry, String file, String content) {
        return new Migration(entry, file, new MigrationStatements.Held(StatementSplitter.split(content)),
                checksum(content));
    }

    /** A migration read from {@code path} in one pass; see {@link MigrationStatements#read}. */
    public static Migration read(MigrationEntry entry, String file, Path path, int heldChars) throws IOException {
        MigrationStatements.Read read = MigrationStatements.read(path, file, heldChars);
        return new Migration(entry, file, read.statements(), read.checksum());
    }

    public String tag() {
        return entry.tag();
    }

    /** The history's version: the journal's idx, or the folder's timestamp. */
    public String version() {
        return entry.version();
    }

    /** The checksum of a whole text, as {@link StatementReader#checksum()} computes it while reading a file. */
    static int checksum(String content) {
        NormalisedChecksum checksum = new NormalisedChecksum();
        for (int i = 0; i < content.length(); i++) {
            checksum.update(content.charAt(i));
        }
        return checksum.value();
    }
}
