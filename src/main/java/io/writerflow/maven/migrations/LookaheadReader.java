package io.writerflow.maven.migrations;

import java.io.IOException;
import java.io.Reader;

/**
 * A character reader with a short lookahead over a bounded buffer, that hands every character it reads from
 * the underlying reader, once and in order, to a {@link NormalisedChecksum}: the splitter needs to see a
 * breakpoint coming, and the checksum is computed in the same pass. It counts lines as it goes.
 */
final class LookaheadReader {

    private static final int BUFFER = 8192;

    private final Reader in;
    private final NormalisedChecksum checksum;
    private final char[] buffer = new char[BUFFER];
    private int position;
    private int limit;
    private boolean exhausted;
    private int line = 1;

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

    /** The 1-based line of the next character. */
    int line() {
        return line;
    }

    /** Consumes and returns the next character; call only after {@link #peek} saw one. */
    char next() {
        char c = buffer[position++];
        if (c == '\n') {
            line++;
        }
        return c;
    }

    /** Consumes {@code count} characters that {@link #peek} saw, none of them a line feed. */
    void skip(int count) {
        position += count;
    }

    /**
     * Consumes the buffered characters before the next {@code stop} or {@code otherStop} into {@code into}, in
     * one copy: the inside of a long string or comment is not stepped through a character at a time. Returns
     * how many it consumed; none when the next character is a stop or nothing is buffered.
     */
    int consumeUntil(char stop, char otherStop, StringBuilder into) {
        int end = position;
        while (end < limit && buffer[end] != stop && buffer[end] != otherStop) {
            if (buffer[end] == '\n') {
                line++;
            }
            end++;
        }
        int count = end - position;
        into.append(buffer, position, count);
        position = end;
        return count;
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
