package io.writerflow.maven.schema.drizzle;

import io.writerflow.maven.ContentHash;
import io.writerflow.maven.CacheFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Transpiled TypeScript kept by content, so that a file transpiles once: the key is the transpiler, its one
 * option, the file's path (named in the source map) and its text. node-hooks.mjs computes the same key and
 * keeps its entries in the same directory, so Node.js and GraalJS share them.
 */
final class TranspileCache {

    private final Optional<Path> directory;

    TranspileCache(Optional<Path> directory) {
        this.directory = directory;
    }

    Optional<Path> directory() {
        return directory;
    }

    static String key(String transpiler, boolean decorators, Path file, String source) {
        return ContentHash.of(transpiler + "\nexperimentalDecorators=" + decorators + "\n" + file + "\n" + source);
    }

    Optional<Transpiled> lookup(String key) {
        return directory.map(d -> d.resolve(key + ".js")).filter(Files::isRegularFile).flatMap(file -> {
            try {
                return Optional.of(new Transpiled(Files.readString(file, StandardCharsets.UTF_8)));
            } catch (IOException e) {
                return Optional.empty();
            }
        });
    }

    void store(String key, Transpiled transpiled) {
        if (directory.isEmpty()) {
            return;
        }
        try {
            CacheFiles.write(directory.get().resolve(key + ".js"), transpiled.code());
        } catch (IOException e) {
            // no entry: the file is transpiled again next time
        }
    }
}
