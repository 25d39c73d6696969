package io.writerflow.maven;

import java.nio.charset.StandardCharsets;
import java.util.zip.Adler32;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import java.util.zip.Checksum;

/**
 * Names content in the keys of the build directory's caches: its length and three checksums, 96 bits that any
 * accidental change alters. Not SHA-256: a fresh Maven process runs it interpreted, about 35 ms per 100 KB
 * (a 27-table snapshot), which is what the caches are there to save, where these checksums are native or
 * intrinsic code from the first call (about 1 ms). Not a defence against a crafted collision, which the caches
 * do not need: whoever can write a project's files can write its caches.
 */
public final class ContentHash {

    private ContentHash() {
    }

    public static String of(byte[] bytes) {
        return Integer.toHexString(bytes.length) + "-" + hex(new CRC32(), bytes) + hex(new CRC32C(), bytes)
                + hex(new Adler32(), bytes);
    }

    public static String of(String text) {
        return of(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String hex(Checksum checksum, byte[] bytes) {
        checksum.update(bytes, 0, bytes.length);
        return String.format("%08x", checksum.getValue());
    }
}
