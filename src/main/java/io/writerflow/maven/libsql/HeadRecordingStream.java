package io.writerflow.maven.libsql;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * A response body read as it arrives that keeps its first kilobytes: a response that is not Hrana's is named
 * by its beginning in the message, without the whole of a large one being kept for that.
 */
final class HeadRecordingStream extends FilterInputStream {

    private static final int HEAD = 4096;

    private final ByteArrayOutputStream head = new ByteArrayOutputStream();

    HeadRecordingStream(InputStream in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0 && head.size() < HEAD) {
            head.write(b);
        }
        return b;
    }

    @Override
    public int read(byte[] bytes, int offset, int length) throws IOException {
        int n = super.read(bytes, offset, length);
        if (n > 0 && head.size() < HEAD) {
            head.write(bytes, offset, Math.min(n, HEAD - head.size()));
        }
        return n;
    }

    /** The beginning of what was read, as text. */
    String head() {
        return head.toString(StandardCharsets.UTF_8);
    }
}
