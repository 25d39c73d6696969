package io.writerflow.maven.schema.drizzle.modules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.writerflow.maven.schema.JsonFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Packages whose code is the project's own: a monorepo's workspace packages, which npm, pnpm and yarn link
 * into node_modules (the link leads out of node_modules, to the package's sources), and packages that publish
 * TypeScript sources ({@code "exports"} or {@code "main"} naming a {@code .ts} file). drizzle-kit runs their
 * code as it runs the schema's, so the plugin reads them as project files; any other package gets a stand-in.
 */
final class WorkspacePackages {

    /** The conditions of {@code "exports"} a schema loader meets, tried in the map's own order. */
    private static final Set<String> CONDITIONS = Set.of("import", "require", "node", "module", "default",
            "development", "source");

    private WorkspacePackages() {
    }

    /**
     * The source file {@code specifier} (a package name, optionally with a subpath) means from
     * {@code importer}, when the package is a workspace package or publishes TypeScript; empty otherwise.
     */
    static Optional<Path> sourceFile(Path importer, String specifier) {
        String name = packageName(specifier);
        String subpath = specifier.length() == name.length() ? "." : "." + specifier.substring(name.length());
        return installed(importer, name).flatMap(linked -> entry(linked, subpath));
    }

    /** The package a bare specifier names: {@code @scope/name} or {@code name}, without a subpath. */
    static String packageName(String specifier) {
        String[] parts = specifier.split("/");
        return specifier.startsWith("@") && parts.length > 1 ? parts[0] + "/" + parts[1] : parts[0];
    }

    /** The package's directory in the nearest node_modules above {@code importer} that has it. */
    static Optional<Path> installed(Path importer, String name) {
        for (Path dir = importer.toAbsolutePath().getParent(); dir != null; dir = dir.getParent()) {
            Path linked = dir.resolve("node_modules").resolve(name);
            if (Files.isDirectory(linked)) {
                return Optional.of(linked);
            }
        }
        return Optional.empty();
    }

    private static Optional<Path> entry(Path linked, String subpath) {
        Path real;
        try {
            real = linked.toRealPath();
        } catch (IOException e) {
            return Optional.empty();
        }
        boolean workspace = !real.toString().contains("/node_modules/") && !real.toString().contains("\\node_modules\\");
        JsonNode manifest = manifest(real);
        List<Path> candidates = new ArrayList<>();
        JsonNode exports = manifest.path("exports");
        if (!exports.isMissingNode()) {
            targets(exportsEntry(exports, subpath)).forEach(t -> candidates.add(real.resolve(t).normalize()));
        }
        if (subpath.equals(".")) {
            for (String field : new String[]{"main", "module", "types", "typings"}) {
                if (manifest.path(field).isTextual()) {
                    candidates.add(real.resolve(manifest.path(field).asText()).normalize());
                }
            }
            candidates.add(real.resolve("index"));
            candidates.add(real.resolve("src/index"));
        } else {
            candidates.add(real.resolve(subpath).normalize());
            candidates.add(real.resolve("src").resolve(subpath).normalize());
        }
        for (Path candidate : candidates) {
            Optional<Path> file = SourceFiles.find(candidate).filter(f -> !f.getFileName().toString().contains(".d."));
            if (file.isPresent() && (workspace || SourceFiles.isTypeScript(file.get()))) {
                return file;
            }
        }
        return Optional.empty();
    }

    private static JsonNode manifest(Path packageDir) {
        Path file = packageDir.resolve("package.json");
        try {
            return Files.isRegularFile(file)
                    ? JsonFiles.parse(Files.readString(file, StandardCharsets.UTF_8), file.toString())
                    : JsonFiles.parse("{}", file.toString());
        } catch (IOException | RuntimeException e) {
            return JsonFiles.parse("{}", file.toString());
        }
    }

    /** The entry of {@code "exports"} for a subpath: the whole value for ".", or a key, with one {@code *}. */
    private static JsonNode exportsEntry(JsonNode exports, String subpath) {
        boolean subpathKeys = exports.isObject() && exports.fieldNames().hasNext()
                && exports.fieldNames().next().startsWith(".");
        if (!subpathKeys) {
            return subpath.equals(".") ? exports : MissingNode.getInstance();
        }
        if (exports.has(subpath)) {
            return exports.get(subpath);
        }
        var names = exports.fieldNames();
        while (names.hasNext()) {
            String key = names.next();
            int star = key.indexOf('*');
            if (star >= 0 && subpath.startsWith(key.substring(0, star)) && subpath.endsWith(key.substring(star + 1))
                    && subpath.length() >= key.length() - 1) {
                String captured = subpath.substring(star, subpath.length() - (key.length() - star - 1));
                return substitute(exports.get(key), captured);
            }
        }
        return MissingNode.getInstance();
    }

    private static JsonNode substitute(JsonNode node, String captured) {
        if (node.isTextual()) {
            return TextNode.valueOf(node.asText().replace("*", captured));
        }
        if (node.isObject()) {
            var copy = JsonNodeFactory.instance.objectNode();
            node.fields().forEachRemaining(e -> copy.set(e.getKey(), substitute(e.getValue(), captured)));
            return copy;
        }
        return node;
    }

    /**
     * The target paths of an exports value, best first: a string, the values of the conditions a loader
     * meets in the map's order ({@code types} too: a workspace package often points it at its TypeScript
     * entry while {@code main} names a build output that is not there), each entry of a list.
     */
    private static List<String> targets(JsonNode value) {
        List<String> targets = new ArrayList<>();
        if (value.isTextual()) {
            targets.add(value.asText());
        } else if (value.isArray()) {
            value.forEach(item -> targets.addAll(targets(item)));
        } else if (value.isObject()) {
            value.fields().forEachRemaining(field -> {
                if (CONDITIONS.contains(field.getKey()) || field.getKey().equals("types")) {
                    targets.addAll(targets(field.getValue()));
                }
            });
        }
        return targets;
    }
}
