package io.writerflow.maven.migrations;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * The checksum recorded for a migration, fed one character at a time: CRC32 of the UTF-8 text without a
 * byte-order mark and with line endings normalised to LF, so that a checkout with other line endings is not
 * mistaken for an edit. Fed as the file is read, so a large file is never held whole just to be summed; the
 * value is the one every history row written so far holds.
 */
final class NormalisedChecksum {

    private static final int CHUNK = 8192;

    private final CRC32 crc = new CRC32();
    private final StringBuilder chunk = new StringBuilder(CHUNK);
    private boolean first = true;
    /** A CR was seen: it becomes one LF, together with the LF that may follow it. */
    private boolean pendingCr;

    void update(char c) {
        if (first) {
            first = false;
            if (c == '\uFEFF') {
                return;
            }
        }
        if (pendingCr) {
            pendingCr = false;
            append('\n');
            if (c == '\n') {
                return;
            }
        }
        if (c == '\r') {
            pendingCr = true;
        } else {
            append(c);
        }
    }

    void update(char[] chars, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            update(chars[i]);
        }
    }

    /** The checksum of everything fed so far; call once, after the last character. */
    int value() {
        if (pendingCr) {
            pendingCr = false;
            append('\n');
        }
        crc.update(chunk.toString().getBytes(StandardCharsets.UTF_8));
        chunk.setLength(0);
        return (int) crc.getValue();
    }

    private void append(char c) {
        chunk.append(c);
        // encoded in chunks, never between the two halves of a surrogate pair
        if (chunk.length() >= CHUNK && !Character.isHighSurrogate(c)) {
            crc.update(chunk.toString().getBytes(StandardCharsets.UTF_8));
            chunk.setLength(0);
        }
    }
}
