package io.writerflow.maven.schema.drizzle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.writerflow.maven.schema.JsStyleJson;
import io.writerflow.maven.schema.JsonFiles;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Remembers what a schema.js evaluated to, so that generate and check on an unchanged schema skip the
 * JavaScript runtime (a Node.js process, or GraalJS, which costs seconds on a stock JDK). An entry is used
 * only while the schema file, every local module it imported, and the plugin's drizzle stand-in are byte for
 * byte what they were; anything else evaluates again. One JSON file per schema file, in the build
 * directory: a cache, never a source of truth.
 */
final class SchemaCache {

    private static final String STAND_IN = sha256(concat(VirtualModules.resource("recorder.js"),
            VirtualModules.resource("sqlite-core.js"), VirtualModules.resource("drizzle-orm.js"),
            VirtualModules.resource("node-hooks.mjs"), VirtualModules.resource("node-main.mjs")));

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
            JsonNode cached = JsonFiles.parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
            if (!STAND_IN.equals(cached.path("standIn").asText()) || !sha256(source).equals(cached.path("entry").asText())) {
                return Optional.empty();
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = cached.path("imports").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> imported = it.next();
                Path path = Path.of(imported.getKey());
                if (!Files.isRegularFile(path) || !sha256(Files.readAllBytes(path)).equals(imported.getValue().asText())) {
                    return Optional.empty();
                }
            }
            return Optional.of(cached.path("snapshot").asText());
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // an unreadable entry is a miss
        }
    }

    /** Records what {@code entry} evaluated to, with the local modules it read ({@code imports}). */
    void store(Path entry, byte[] source, Set<Path> imports, String snapshot) {
        try {
            ObjectNode node = JsonNodeFactory.instance.objectNode().put("standIn", STAND_IN).put("entry", sha256(source));
            ObjectNode hashes = node.putObject("imports");
            for (Path path : imports) {
                hashes.put(path.toString(), sha256(Files.readAllBytes(path)));
            }
            node.put("snapshot", snapshot);
            Files.createDirectories(directory);
            Path file = fileFor(entry);
            Path partial = Files.createTempFile(directory, "schema", ".partial");
            Files.writeString(partial, JsStyleJson.write(node), StandardCharsets.UTF_8);
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            // no cache entry: the next run evaluates the schema again
        }
    }

    private Path fileFor(Path entry) {
        return directory.resolve(sha256(entry.toString().getBytes(StandardCharsets.UTF_8)).substring(0, 32) + ".json");
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
