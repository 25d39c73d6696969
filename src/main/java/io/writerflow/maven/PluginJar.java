package io.writerflow.maven;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.CodeSource;
import java.util.Optional;

/**
 * The jar the plugin runs from, named for the caches in the build directory: its path, size and modification
 * time stand for everything in it (the code, the JavaScript stand-ins), so that a cache written by another build
 * of the plugin is not used, at the cost of one file's attributes instead of hashing what the jar holds.
 */
public final class PluginJar {

    private PluginJar() {
    }

    /** @return empty when the classes come from a directory (the plugin's own tests) or cannot be located */
    public static Optional<String> identity() {
        try {
            CodeSource source = PluginJar.class.getProtectionDomain().getCodeSource();
            if (source == null || source.getLocation() == null) {
                return Optional.empty();
            }
            Path location = Path.of(source.getLocation().toURI());
            if (!Files.isRegularFile(location)) {
                return Optional.empty();
            }
            BasicFileAttributes attributes = Files.readAttributes(location, BasicFileAttributes.class);
            return Optional.of(location.toAbsolutePath() + " " + attributes.size() + " "
                    + attributes.lastModifiedTime().toMillis());
        } catch (java.io.IOException | URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
