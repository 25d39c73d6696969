package io.writerflow.maven;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;

/**
 * Writes the plugin's cache entries (the schema's result, drizzle.config's, status's drift check, transpiled
 * TypeScript) whole or not at all: a goal running beside another reads the old entry or the new one, never half of
 * one.
 */
public final class CacheFiles {

    private CacheFiles() {
    }

    /**
     * An entry of what the kept result follows from ({@code header}, a line each) and the result itself
     * ({@code body}, as it was written), separated by an empty line in the file.
     */
    public record Entry(List<String> header, String body) {
    }

    /** The entry kept in {@code file}; empty when there is none, or it is not an entry. */
    public static Optional<Entry> read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        String kept = Files.readString(file, StandardCharsets.UTF_8);
        int body = kept.indexOf("\n\n");
        return body < 0 ? Optional.empty()
                : Optional.of(new Entry(List.of(kept.substring(0, body).split("\n")), kept.substring(body + 2)));
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
