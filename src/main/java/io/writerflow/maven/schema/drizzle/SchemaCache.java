package io.writerflow.maven.schema.drizzle;

import io.writerflow.maven.CacheFiles;
import io.writerflow.maven.ContentHash;
import io.writerflow.maven.PluginJar;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
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

    /**
     * The plugin's stand-ins and program modules: what every evaluation ran besides the project's files. Named
     * by the plugin's jar, whose identity costs a file's attributes; hashing the modules instead costs a fresh
     * JVM 0.07 to 0.14 s, paid only where the classes come from a directory (the plugin's own tests).
     */
    static final String STAND_IN = PluginJar.identity()
            .map(jar -> ContentHash.of("jar " + jar))
            .orElseGet(() -> ContentHash.of(concat(VirtualModules.RESOURCES.stream().map(VirtualModules::resource)
                    .toArray(byte[][]::new))));

    private final Path directory;

    SchemaCache(Path directory) {
        this.directory = directory;
    }

    /**
     * Whether these entries, unchanged with all they read since they were evaluated, were found to match the
     * migration snapshot {@code snapshot} (its file's bytes): then generate has nothing to write and need not
     * parse either side. Recorded by {@link #rememberMatch} when generate wrote that snapshot from them, or
     * compared them and found no change.
     */
    boolean knownToMatch(Map<Path, byte[]> entries, byte[] snapshot) {
        return Files.isRegularFile(matchFile(entries, snapshot)) && lookup(entries).isPresent();
    }

    void rememberMatch(Map<Path, byte[]> entries, byte[] snapshot) {
        if (lookup(entries).isEmpty()) {
            return; // only an evaluation the cache holds can be known unchanged next time
        }
        try {
            Path file = matchFile(entries, snapshot);
            Files.createDirectories(file.getParent());
            Files.writeString(file, "");
        } catch (IOException | RuntimeException e) {
            // not remembered: the next run compares again
        }
    }

    private Path matchFile(Map<Path, byte[]> entries, byte[] snapshot) {
        // STAND_IN names the plugin's jar, so that another build's diff, which may compare the same two
        // differently, never reuses a match (the jar has no Implementation-Version to name it by)
        return directory.resolve("matches").resolve(ContentHash.of(STAND_IN + "\n"
                + entriesHash(entries) + "\n" + ContentHash.of(snapshot)));
    }

    /**
     * The snapshot JSON recorded for these entries (the schema files, with what else decides their result),
     * if nothing they read has changed.
     */
    Optional<String> lookup(Map<Path, byte[]> entries) {
        try {
            Optional<CacheFiles.Entry> cached = CacheFiles.read(fileFor(entries.keySet()));
            if (cached.isEmpty()) {
                return Optional.empty();
            }
            for (String line : cached.get().header()) {
                String[] field = line.split(" ", 3);
                boolean current = switch (field[0]) {
                    case "stand-in" -> field[1].equals(STAND_IN);
                    case "entries" -> field[1].equals(entriesHash(entries));
                    case "import" -> Files.isRegularFile(Path.of(field[2]))
                            && field[1].equals(ContentHash.of(Files.readAllBytes(Path.of(field[2]))));
                    default -> false;
                };
                if (!current) {
                    return Optional.empty();
                }
            }
            return Optional.of(cached.get().body());
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // an unreadable entry is a miss
        }
    }

    /**
     * Records what the entries evaluated to, with the local modules they read ({@code imports}). The entry is
     * plain text: a line per hash ("stand-in H", "entries H", "import H path"), a blank line, then the snapshot
     * as the runtime wrote it, so that neither storing nor reading it escapes or parses 700 KB of JSON.
     */
    void store(Map<Path, byte[]> entries, Set<Path> imports, String snapshot) {
        try {
            StringBuilder text = new StringBuilder(snapshot.length() + 1024)
                    .append("stand-in ").append(STAND_IN).append('\n')
                    .append("entries ").append(entriesHash(entries)).append('\n');
            for (Path path : imports) {
                if (path.toString().contains("\n")) {
                    return; // not expressible in a line; such a schema is evaluated every time
                }
                text.append("import ").append(ContentHash.of(Files.readAllBytes(path))).append(' ').append(path)
                        .append('\n');
            }
            text.append('\n').append(snapshot);
            CacheFiles.write(fileFor(entries.keySet()), text);
        } catch (IOException | RuntimeException e) {
            // no cache entry: the next run evaluates the schema again
        }
    }

    private Path fileFor(Set<Path> entries) {
        return directory.resolve(ContentHash.of(String.join("\n", entries.stream().map(Path::toString).toList()))
                + ".txt");
    }

    private static String entriesHash(Map<Path, byte[]> entries) {
        StringBuilder hashes = new StringBuilder();
        entries.forEach((path, bytes) -> hashes.append(path).append(' ').append(ContentHash.of(bytes)).append('\n'));
        return ContentHash.of(hashes.toString());
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

}
