package io.writerflow.maven.schema.drizzle;

import io.writerflow.maven.CacheFiles;
import io.writerflow.maven.ContentHash;
import io.writerflow.maven.schema.SmallJson;
import com.eclipsesource.json.Json;
import com.eclipsesource.json.JsonArray;
import com.eclipsesource.json.JsonObject;
import com.eclipsesource.json.JsonValue;
import com.eclipsesource.json.WriterConfig;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Remembers what a drizzle.config evaluated to, so that every goal does not start a JavaScript runtime to read
 * it again: a Node.js process costs a fresh Maven 0.1 to 0.3 s, GraalJS seconds. An entry holds while the
 * config's text, every local module it imported, the files dotenv's stand-in read for it, the plugin's
 * stand-ins and the values of the environment variables it read (with .env.local and .env under them, as the
 * config sees them) are what they were; anything else evaluates it again.
 *
 * <p>Secrets stay where they are: a string under {@code dbCredentials} is kept only as a reference to the
 * environment variable it equals, or as it is when the config's own files spell it out; a config holding any
 * other (a token computed or read from elsewhere) is evaluated every time. The variables' values are kept as
 * one hash of them all. Not cached either: a config that lists the whole environment, or that imports Node.js
 * modules reaching beyond it ({@code fs}, {@code os}, ...), whose reads nothing here can watch.
 */
final class ConfigCache {

    /** Node.js built-ins a config may import and still be cached: they read nothing outside the program. */
    private static final Set<String> QUIET_BUILTINS = Set.of("node:path", "node:path/posix", "node:url",
            "node:process");
    /** How a reference to an environment variable stands in for a value under dbCredentials. */
    private static final String ENV_REFERENCE = "writerflow:env";

    private final Path directory;

    ConfigCache(Path directory) {
        this.directory = directory;
    }

    /** What a config read while it ran (config-reads.js). */
    record Reads(List<String> env, boolean enumerated, List<Path> files) {

        static Reads of(JsonValue reads) {
            List<String> env = new ArrayList<>();
            strings(SmallJson.path(reads, "env")).forEach(env::add);
            List<Path> files = new ArrayList<>();
            strings(SmallJson.path(reads, "files")).forEach(file -> files.add(Path.of(file).toAbsolutePath().normalize()));
            return new Reads(env, SmallJson.bool(SmallJson.member(reads, "enumerated").orElse(null), true), files);
        }

        private static List<String> strings(JsonValue array) {
            List<String> strings = new ArrayList<>();
            if (array.isArray()) {
                array.asArray().forEach(item -> strings.add(SmallJson.text(item, "")));
            }
            return strings;
        }
    }

    /** Whether a config importing these built-ins can be kept at all. */
    static boolean watchable(Set<String> packageImports) {
        return packageImports.stream().filter(specifier -> specifier.startsWith("node:"))
                .allMatch(QUIET_BUILTINS::contains);
    }

    /** The config's result as last evaluated, if nothing it read has changed since. */
    Optional<JsonValue> lookup(Path config, String source, ScriptEnvironment environment) {
        try {
            Path file = fileFor(config);
            Optional<CacheFiles.Entry> cached = CacheFiles.read(file);
            if (cached.isEmpty()) {
                return Optional.empty();
            }
            List<String> names = new ArrayList<>();
            String valuesHash = null;
            for (String line : cached.get().header()) {
                String[] field = line.split(" ", 3);
                boolean current = switch (field[0]) {
                    case "stand-in" -> field[1].equals(SchemaCache.STAND_IN);
                    case "entry" -> field[1].equals(ContentHash.of(source));
                    case "import", "file" -> field[1].equals(hashOf(Path.of(field[2])));
                    case "env" -> names.add(line.substring("env ".length()));
                    case "env-values" -> {
                        valuesHash = field[1];
                        yield true;
                    }
                    default -> false;
                };
                if (!current) {
                    return Optional.empty();
                }
            }
            if (valuesHash == null || !valuesHash.equals(valuesHash(names, environment.variables()))) {
                return Optional.empty();
            }
            Optional<JsonValue> json = SmallJson.parse(cached.get().body(), file.toString());
            return json.filter(j -> resolveReferences(SmallJson.path(j, "dbCredentials"), environment.variables()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // an unreadable entry is a miss
        }
    }

    /**
     * Keeps the config's result, unless it cannot be kept without writing a secret or watching what it read.
     *
     * @param sources the texts of the config and of the local modules it imported (a value they spell out is
     *                no secret the cache could reveal)
     */
    void store(Path config, String source, Set<Path> imported, List<String> sources, Reads reads, JsonValue result,
               ScriptEnvironment environment) {
        if (reads.enumerated() || reads.env().stream().anyMatch(name -> name.contains("\n"))) {
            return;
        }
        try {
            JsonValue kept = Json.parse(result.toString()); // a copy: the caller keeps the values themselves
            if (!referenceSecrets(SmallJson.path(kept, "dbCredentials"), reads.env(), environment.variables(), sources)) {
                return;
            }
            StringBuilder text = new StringBuilder(1024)
                    .append("stand-in ").append(SchemaCache.STAND_IN).append('\n')
                    .append("entry ").append(ContentHash.of(source)).append('\n');
            for (Path path : imported) {
                if (path.toString().contains("\n")) {
                    return;
                }
                text.append("import ").append(hashOf(path)).append(' ').append(path).append('\n');
            }
            for (Path path : reads.files()) {
                if (path.toString().contains("\n")) {
                    return;
                }
                text.append("file ").append(hashOf(path)).append(' ').append(path).append('\n');
            }
            reads.env().forEach(name -> text.append("env ").append(name).append('\n'));
            text.append("env-values ").append(valuesHash(reads.env(), environment.variables())).append("\n\n")
                    .append(kept.toString(WriterConfig.PRETTY_PRINT));
            CacheFiles.write(fileFor(config), text);
        } catch (IOException | RuntimeException e) {
            // not kept: the next goal evaluates the config again
        }
    }

    /**
     * Replaces each string under {@code credentials} by a reference to the variable it equals, or leaves it when
     * the sources spell it out.
     *
     * @return false when a string is neither: it must not be written
     */
    private static boolean referenceSecrets(JsonValue credentials, List<String> names, Map<String, String> variables,
                                            List<String> sources) {
        if (credentials.isArray()) {
            JsonArray array = credentials.asArray();
            for (int i = 0; i < array.size(); i++) {
                JsonValue item = array.get(i);
                if (item.isString()) {
                    Optional<JsonValue> kept = kept(item.asString(), names, variables, sources);
                    if (kept.isEmpty()) {
                        return false;
                    }
                    array.set(i, kept.get());
                } else if (!referenceSecrets(item, names, variables, sources)) {
                    return false;
                }
            }
        } else if (credentials.isObject()) {
            JsonObject object = credentials.asObject();
            for (String name : List.copyOf(object.names())) {
                JsonValue value = object.get(name);
                if (value.isString()) {
                    Optional<JsonValue> kept = kept(value.asString(), names, variables, sources);
                    if (kept.isEmpty()) {
                        return false;
                    }
                    object.set(name, kept.get());
                } else if (!referenceSecrets(value, names, variables, sources)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static Optional<JsonValue> kept(String value, List<String> names, Map<String, String> variables,
                                            List<String> sources) {
        for (String name : names) {
            if (value.equals(variables.get(name))) {
                return Optional.of(new JsonObject().add(ENV_REFERENCE, name));
            }
        }
        return sources.stream().anyMatch(s -> s.contains(value)) ? Optional.of(Json.value(value)) : Optional.empty();
    }

    /** Puts the variables' values back in place of their references; false when one is no longer set. */
    private static boolean resolveReferences(JsonValue node, Map<String, String> variables) {
        if (node.isArray()) {
            JsonArray array = node.asArray();
            for (int i = 0; i < array.size(); i++) {
                Optional<String> name = reference(array.get(i));
                if (name.isPresent()) {
                    if (variables.get(name.get()) == null) {
                        return false;
                    }
                    array.set(i, variables.get(name.get()));
                } else if (!resolveReferences(array.get(i), variables)) {
                    return false;
                }
            }
        } else if (node.isObject()) {
            JsonObject object = node.asObject();
            for (String field : List.copyOf(object.names())) {
                Optional<String> name = reference(object.get(field));
                if (name.isPresent()) {
                    if (variables.get(name.get()) == null) {
                        return false;
                    }
                    object.set(field, variables.get(name.get()));
                } else if (!resolveReferences(object.get(field), variables)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static Optional<String> reference(JsonValue node) {
        return node.isObject() && node.asObject().size() == 1 && SmallJson.path(node, ENV_REFERENCE).isString()
                ? Optional.of(SmallJson.path(node, ENV_REFERENCE).asString()) : Optional.empty();
    }

    /** One hash of the variables' values ("-" for an unset one), in the order of their names. */
    private static String valuesHash(List<String> names, Map<String, String> variables) {
        StringBuilder values = new StringBuilder();
        for (String name : names) {
            String value = variables.get(name);
            values.append(name).append(value == null ? "\n-\n" : "\n=" + value.length() + "\n" + value + "\n");
        }
        return ContentHash.of(values.toString());
    }

    /** A file's hash, or "-" when it does not exist (a dotenv file created later is a change too). */
    private static String hashOf(Path path) throws IOException {
        return Files.isRegularFile(path) ? ContentHash.of(Files.readAllBytes(path)) : "-";
    }

    private Path fileFor(Path config) {
        return directory.resolve("config-" + ContentHash.of(config.toString()) + ".txt");
    }
}
