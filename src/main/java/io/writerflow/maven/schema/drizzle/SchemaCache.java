package io.writerflow.maven.schema.drizzle;


import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;

/**
 * Remembers what a schema.js evaluated to, so that generate and check on an unchanged schema skip the
 * JavaScript runtime (a Node.js process, or GraalJS, which costs seconds on a stock JDK). An entry is used
 * only while the schema file, every local module it imported, and the plugin's drizzle stand-in are byte for
 * byte what they were; anything else evaluates again. One file per schema file, in the build directory:
 * a cache, never a source of truth.
 */
final class SchemaCache {

    private static final String STAND_IN = sha256(concat(VirtualModules.resource("recorder.js"),
            VirtualModules.resource("query-builder.js"), VirtualModules.resource("sqlite-core.js"),
            VirtualModules.resource("drizzle-orm.js"), VirtualModules.resource("node-hooks.mjs"),
            VirtualModules.resource("node-main.mjs")));

    private final Path directory;

    SchemaCache(Path directory) {
        this.directory = directory;
    }

    /** The snapshot JSON recorded for {@code entry} with this {@code source}, if nothing it read has changed. */
    Optional<String> lookup(Path entry, byte[] source) {
        try {
            Path file = fileFor(entry);
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            String cached = Files.readString(file, StandardCharsets.UTF_8);
            int body = cached.indexOf("\n\n");
            if (body < 0) {
                return Optional.empty();
            }
            for (String line : cached.substring(0, body).split("\n")) {
                String[] field = line.split(" ", 3);
                boolean current = switch (field[0]) {
                    case "stand-in" -> field[1].equals(STAND_IN);
                    case "entry" -> field[1].equals(sha256(source));
                    case "import" -> Files.isRegularFile(Path.of(field[2]))
                            && field[1].equals(sha256(Files.readAllBytes(Path.of(field[2]))));
                    default -> false;
                };
                if (!current) {
                    return Optional.empty();
                }
            }
            return Optional.of(cached.substring(body + 2));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // an unreadable entry is a miss
        }
    }

    /**
     * Records what {@code entry} evaluated to, with the local modules it read ({@code imports}). The entry is
     * plain text: a line per hash ("stand-in H", "entry H", "import H path"), a blank line, then the snapshot
     * as the runtime wrote it, so that neither storing nor reading it escapes or parses 700 KB of JSON.
     */
    void store(Path entry, byte[] source, Set<Path> imports, String snapshot) {
        try {
            StringBuilder text = new StringBuilder(snapshot.length() + 1024)
                    .append("stand-in ").append(STAND_IN).append('\n')
                    .append("entry ").append(sha256(source)).append('\n');
            for (Path path : imports) {
                if (path.toString().contains("\n")) {
                    return; // not expressible in a line; such a schema is evaluated every time
                }
                text.append("import ").append(sha256(Files.readAllBytes(path))).append(' ').append(path).append('\n');
            }
            text.append('\n').append(snapshot);
            Files.createDirectories(directory);
            Path file = fileFor(entry);
            Path partial = Files.createTempFile(directory, "schema", ".partial");
            Files.writeString(partial, text, StandardCharsets.UTF_8);
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            // no cache entry: the next run evaluates the schema again
        }
    }

    private Path fileFor(Path entry) {
        return directory.resolve(sha256(entry.toString().getBytes(StandardCharsets.UTF_8)).substring(0, 32) + ".txt");
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
