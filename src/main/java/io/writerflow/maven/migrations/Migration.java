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

    /**
     * CRC32 of the UTF-8 text without a byte-order mark and with line endings normalised to LF, computed in
     * chunks: a large migration file is not copied again (normalised, then encoded) just to be summed.
     */
    static int checksum(String content) {
        CRC32 crc = new CRC32();
        StringBuilder chunk = new StringBuilder(8192);
        int start = content.startsWith("\uFEFF") ? 1 : 0;
        for (int i = start; i < content.length(); i++) {
            char c = content.charAt(i);
            if (c == '\r') {
                if (i + 1 < content.length() && content.charAt(i + 1) == '\n') {
                    continue; // the \n that follows stands for both
                }
                c = '\n';
            }
            chunk.append(c);
            if (chunk.length() >= 8192 && !Character.isHighSurrogate(c)) {
                crc.update(chunk.toString().getBytes(StandardCharsets.UTF_8));
                chunk.setLength(0);
            }
        }
        crc.update(chunk.toString().getBytes(StandardCharsets.UTF_8));
        return (int) crc.getValue();
    }
}
