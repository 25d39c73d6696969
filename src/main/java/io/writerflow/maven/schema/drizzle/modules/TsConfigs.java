package io.writerflow.maven.schema.drizzle.modules;

import com.fasterxml.jackson.databind.JsonNode;
import io.writerflow.maven.WriterflowException;
import io.writerflow.maven.schema.JsonFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds and reads the tsconfig.json that governs a file: the nearest one above it, as TypeScript and tsx
 * (drizzle-kit's loader) find it, with its {@code extends} chain (a relative file or a package's, a string or,
 * since TypeScript 5.0, a list) merged as TypeScript merges it. Read once per file per load.
 */
public final class TsConfigs {

    private static final String NAME = "tsconfig.json";

    private final Map<Path, Optional<TsConfig>> byDirectory = new HashMap<>();

    /** The tsconfig.json nearest above {@code file} (in its directory or any parent), if any. */
    public Optional<TsConfig> governing(Path file) {
        Path directory = file.toAbsolutePath().normalize().getParent();
        List<Path> visited = new ArrayList<>();
        Optional<TsConfig> found = Optional.empty();
        for (Path dir = directory; dir != null; dir = dir.getParent()) {
            Optional<TsConfig> known = byDirectory.get(dir);
            if (known != null) {
                found = known;
                break;
            }
            visited.add(dir);
            Path candidate = dir.resolve(NAME);
            if (Files.isRegularFile(candidate)) {
                found = Optional.of(read(candidate));
                break;
            }
        }
        for (Path dir : visited) {
            byDirectory.put(dir, found);
        }
        return found;
    }

    private static TsConfig read(Path file) {
        Options options = new Options();
        apply(file, options, new ArrayList<>());
        Path pathsBase = options.baseUrl != null ? options.baseUrl
                : options.pathsDefinedIn != null ? options.pathsDefinedIn : file.getParent();
        return new TsConfig(file, Optional.ofNullable(options.baseUrl), options.paths, pathsBase,
                options.experimentalDecorators);
    }

    /** The compiler options gathered along an extends chain; later files override earlier ones. */
    private static final class Options {
        Path baseUrl;
        Map<String, List<String>> paths = new LinkedHashMap<>();
        Path pathsDefinedIn;
        boolean experimentalDecorators;
    }

    private static void apply(Path file, Options options, List<Path> chain) {
        if (chain.contains(file)) {
            throw new WriterflowException(file + ": its \"extends\" chain comes back to itself (" + chain + ").",
                    "Remove the cycle from the tsconfig files' \"extends\".");
        }
        chain.add(file);
        JsonNode config;
        try {
            config = JsonFiles.parseLenient(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new WriterflowException("Cannot read " + file + ": " + e.getMessage(),
                    "Check the file's permissions.", e);
        }
        JsonNode extendsNode = config.path("extends");
        List<String> parents = new ArrayList<>();
        if (extendsNode.isTextual()) {
            parents.add(extendsNode.asText());
        } else if (extendsNode.isArray()) {
            extendsNode.forEach(parent -> parents.add(parent.asText()));
        }
        for (String parent : parents) {
            apply(extended(file, parent), options, chain);
        }
        JsonNode compilerOptions = config.path("compilerOptions");
        Path directory = file.getParent();
        if (compilerOptions.path("baseUrl").isTextual()) {
            options.baseUrl = directory.resolve(compilerOptions.path("baseUrl").asText()).normalize();
        }
        if (compilerOptions.path("paths").isObject()) {
            Map<String, List<String>> paths = new LinkedHashMap<>();
            compilerOptions.path("paths").fields().forEachRemaining(entry -> {
                List<String> substitutions = new ArrayList<>();
                entry.getValue().forEach(s -> substitutions.add(s.asText()));
                paths.put(entry.getKey(), substitutions);
            });
            options.paths = paths;
            options.pathsDefinedIn = directory;
        }
        if (compilerOptions.has("experimentalDecorators")) {
            options.experimentalDecorators = compilerOptions.path("experimentalDecorators").asBoolean();
        }
        chain.remove(chain.size() - 1);
    }

    /** The file an {@code extends} value names: relative to the config, or inside a package in node_modules. */
    private static Path extended(Path config, String value) {
        List<Path> candidates = new ArrayList<>();
        if (SourceFiles.isPathSpecifier(value) || Path.of(value).isAbsolute()) {
            Path path = config.getParent().resolve(value).normalize();
            candidates.add(path);
            candidates.add(path.resolveSibling(path.getFileName() + ".json"));
        } else {
            for (Path dir = config.getParent(); dir != null; dir = dir.getParent()) {
                Path path = dir.resolve("node_modules").resolve(value);
                candidates.add(path);
                candidates.add(path.resolveSibling(path.getFileName() + ".json"));
                candidates.add(path.resolve(NAME));
            }
        }
        return candidates.stream().filter(Files::isRegularFile).findFirst().orElseThrow(() -> new WriterflowException(
                config + ": \"extends\": \"" + value + "\" names no file (looked for " + candidates.get(0)
                        + (candidates.size() > 1 ? " and " + (candidates.size() - 1) + " other places" : "") + ").",
                SourceFiles.isPathSpecifier(value) ? "Correct the path in \"extends\"."
                        : "Install the package that holds it (npm install), or correct \"extends\"."));
    }
}
