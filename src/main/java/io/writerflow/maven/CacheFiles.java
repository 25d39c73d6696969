package io.writerflow.maven;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes the plugin's cache entries (the schema's result, drizzle.config's, status's drift check, transpiled
 * TypeScript) whole or not at all: a goal running beside another reads the old entry or the new one, never half of
 * one.
 */
public final class CacheFiles {

    private CacheFiles() {
    }

    /** Replaces {@code file} with {@code text}, creating its directory. */
    public static void write(Path file, CharSequence text) throws IOException {
        Path directory = file.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        Path partial = Files.createTempFile(directory, file.getFileName().toString(), ".partial");
        try {
            Files.writeString(partial, text, StandardCharsets.UTF_8);
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
    }
}
