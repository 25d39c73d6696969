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

    /** As {@link #update(char)} for each character, with runs that hold no CR copied at once. */
    void update(char[] chars, int offset, int length) {
        int i = offset;
        int end = offset + length;
        while (i < end) {
            if (first || pendingCr || chars[i] == '\r') {
                update(chars[i++]);
                continue;
            }
            int run = i;
            while (run < end && chars[run] != '\r' && run - i < CHUNK) {
                run++;
            }
            chunk.append(chars, i, run - i);
            i = run;
            flushIfFull();
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
        flushIfFull();
    }

    /**
     * Encodes a full chunk, never between the two halves of a surrogate pair: the sum is then the one of the
     * whole text encoded at once, however the text was cut into chunks.
     */
    private void flushIfFull() {
        if (chunk.length() >= CHUNK && !Character.isHighSurrogate(chunk.charAt(chunk.length() - 1))) {
            crc.update(chunk.toString().getBytes(StandardCharsets.UTF_8));
            chunk.setLength(0);
        }
    }
}
