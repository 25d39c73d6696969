package io.writerflow.maven.migrations;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.CRC32;

/**
 * A migration of the drizzle directory: its journal entry, its file and its statements.
 *
 * @param file     the path of the {@code .sql} file as shown to users (relative to the project)
 * @param checksum CRC32 of the file's text with line endings normalised, so that a checkout with other
 *                 line endings is not mistaken for an edit
 */
public record Migration(JournalEntry entry, String file, List<Statement> statements, int checksum) {

    public Migration {
        statements = List.copyOf(statements);
    }

    public static Migration of(JournalEntry entry, String file, String content) {
        return new Migration(entry, file, StatementSplitter.split(content), checksum(content));
    }

    public String tag() {
        return entry.tag();
    }

    static int checksum(String content) {
        String normalised = content.startsWith("\uFEFF") ? content.substring(1) : content;
        normalised = normalised.replace("\r\n", "\n").replace('\r', '\n');
        CRC32 crc = new CRC32();
        crc.update(normalised.getBytes(StandardCharsets.UTF_8));
        return (int) crc.getValue();
    }
}
