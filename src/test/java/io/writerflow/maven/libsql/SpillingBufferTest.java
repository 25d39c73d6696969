package io.writerflow.maven.libsql;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A body past the memory limit goes to a temporary file, is sent with its length, and leaves no file behind. */
class SpillingBufferTest {

    private static List<Path> spilled() throws IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(p -> p.getFileName().toString().startsWith("writerflow-request-")).toList();
        }
    }

    @Test
    void smallStaysInMemoryLargeSpillsAndIsDeleted() throws IOException {
        List<Path> before = spilled();
        try (SpillingBuffer small = new SpillingBuffer(100)) {
            small.write(new byte[60]);
            small.write(7);
            assertEquals(61, small.publisher().contentLength());
            assertEquals(before, spilled());
        }
        try (SpillingBuffer large = new SpillingBuffer(100)) {
            large.write(new byte[60]);
            large.write(new byte[60]);
            large.write(7);
            assertEquals(121, large.publisher().contentLength());
            assertEquals(before.size() + 1, spilled().size());
        }
        assertEquals(before, spilled());
    }
}
