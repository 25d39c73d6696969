package io.writerflow.maven.migrations;

import java.io.IOException;
import java.io.Reader;

/**
 * A character reader with a short lookahead over a bounded buffer, that hands every character it reads from
 * the underlying reader, once and in order, to a {@link NormalisedChecksum}: the splitter needs to see a
 * breakpoint coming, and the checksum is computed in the same pass.
 */
final class LookaheadReader {

    private static final int BUFFER = 8192;

    private final Reader in;
    private final NormalisedChecksum checksum;
    private final char[] buffer = new char[BUFFER];
    private int position;
    private int limit;
    private boolean exhausted;

    LookaheadReader(Reader in, NormalisedChecksum checksum) {
        this.in = in;
        this.checksum = checksum;
    }

    /** The character {@code ahead} places after the next one (0: the next), or -1 past the end. */
    int peek(int ahead) throws IOException {
        if (position + ahead >= limit) {
            fill(ahead + 1);
        }
        return position + ahead < limit ? buffer[position + ahead] : -1;
    }

    /** Whether the text from the next character on starts with {@code text}. */
    boolean startsWith(String text, int ahead) throws IOException {
        for (int i = 0; i < text.length(); i++) {
            if (peek(ahead + i) != text.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Consumes and returns the next character; call only after {@link #peek} saw one. */
    char next() {
        return buffer[position++];
    }

    void skip(int count) {
        position += count;
    }

    /** Makes at least {@code wanted} characters available from {@code position}, unless the text ends first. */
    private void fill(int wanted) throws IOException {
        if (position > 0) {
            System.arraycopy(buffer, position, buffer, 0, limit - position);
            limit -= position;
            position = 0;
        }
        while (limit < wanted && !exhausted) {
            int read = in.read(buffer, limit, buffer.length - limit);
            if (read < 0) {
                exhausted = true;
            } else {
                checksum.update(buffer, limit, read);
                limit += read;
            }
        }
    }
}
