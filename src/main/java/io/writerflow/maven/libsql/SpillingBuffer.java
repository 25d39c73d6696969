package io.writerflow.maven.libsql;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A request body being written: kept in memory while small, moved to a temporary file once it passes
 * {@code memoryLimit} bytes, so a request carrying a 50 MB migration never sits in the heap, while the usual
 * few-kilobyte request costs no file. Either way it is sent with its length known. Close deletes the file.
 */
final class SpillingBuffer extends OutputStream {

    private final int memoryLimit;
    private Memory memory = new Memory();
    private Path file;
    private OutputStream out = memory;

    SpillingBuffer(int memoryLimit) {
        this.memoryLimit = memoryLimit;
    }

    /** A ByteArrayOutputStream whose bytes can be sent without the copy that toByteArray makes. */
    private static final class Memory extends ByteArrayOutputStream {
        HttpRequest.BodyPublisher publisher() {
            return HttpRequest.BodyPublishers.ofByteArray(buf, 0, count);
        }
    }

    @Override
    public void write(int b) throws IOException {
        spillBefore(1);
        out.write(b);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        spillBefore(length);
        out.write(bytes, offset, length);
    }

    private void spillBefore(int length) throws IOException {
        if (memory != null && memory.size() + length > memoryLimit) {
            file = Files.createTempFile("writerflow-request-", ".json");
            out = new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024);
            memory.writeTo(out);
            memory = null;
        }
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    /** What was written, to send; call after the last write. */
    HttpRequest.BodyPublisher publisher() throws IOException {
        if (memory != null) {
            return memory.publisher();
        }
        out.close();
        return HttpRequest.BodyPublishers.ofFile(file);
    }

    /**
     * Deletes the temporary file, if there is one. Never fails: the request was answered (or not) by then, and a
     * file that cannot be removed now must not turn a committed apply into an error; the JVM removes it at exit.
     */
    @Override
    public void close() {
        if (file == null) {
            return;
        }
        try {
            out.close();
            Files.deleteIfExists(file);
        } catch (IOException e) {
            file.toFile().deleteOnExit();
        }
    }
}
