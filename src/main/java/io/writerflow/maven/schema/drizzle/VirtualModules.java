package io.writerflow.maven.schema.drizzle;

import io.writerflow.maven.schema.drizzle.modules.ModuleResolver;
import io.writerflow.maven.schema.drizzle.modules.SourceFiles;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The modules the plugin serves in place of packages, from a directory no project file is in: drizzle-orm's
 * stand-in (recorder.js behind the facades for {@code drizzle-orm} and {@code drizzle-orm/sqlite-core}), empty
 * modules for drizzle-orm's other entry points, stand-ins for {@code drizzle-kit} and {@code dotenv} (which
 * drizzle.config files import), for any other package the schema imports, and, for GraalJS, Node.js's
 * built-in modules ({@code node-builtins.js}); plus the program module that runs the entries.
 */
final class VirtualModules {

    /** The plugin's own modules, shipped as resources next to this class. */
    static final List<String> RESOURCES = List.of("recorder.js", "query-builder.js", "drizzle-orm.js", "sqlite-core.js",
            "evaluation.js", "node-builtins.js", "typescript-transpile.js", "stand-in-drizzle-kit.js",
            "stand-in-dotenv.js", "stand-in-dotenv-config.js", "config-reads.js", "node-hooks.mjs", "node-main.mjs");

    static final String RECORDER = "recorder.js";
    static final String PROGRAM = "program.mjs";
    static final String PRELUDE = "prelude.mjs";

    /** Packages whose stand-in does what the package does, rather than absorbing any use. */
    private static final Map<String, String> KNOWN_PACKAGES = Map.of(
            "drizzle-kit", "stand-in-drizzle-kit.js",
            "dotenv", "stand-in-dotenv.js",
            "dotenv/config", "stand-in-dotenv-config.js");

    /** What node-builtins.js implements, exported by name whether or not the scan saw the names used. */
    private static final Map<String, List<String>> BUILTIN_EXPORTS = Map.of(
            "crypto", List.of("randomUUID", "getRandomValues", "randomBytes", "randomInt", "webcrypto"),
            "path", List.of("sep", "delimiter", "normalize", "join", "resolve", "isAbsolute", "dirname", "basename",
                    "extname", "relative", "parse", "format", "posix"),
            "path/posix", List.of("sep", "delimiter", "normalize", "join", "resolve", "isAbsolute", "dirname",
                    "basename", "extname", "relative", "parse", "format", "posix"),
            "url", List.of("URL", "fileURLToPath", "pathToFileURL"),
            "process", List.of("env", "cwd", "platform", "argv", "version", "versions"));

    private final Path root;
    private final Map<String, Set<String>> packageImports;
    private final Map<String, byte[]> generated;

    /**
     * @param directory      where the modules are served: a directory no project file is in
     * @param packageImports names imported from packages other than drizzle-orm, by specifier ("node:x" for a
     *                       built-in module)
     * @param generated      modules made for this evaluation (the program, the prelude), by file name
     */
    VirtualModules(Path directory, Map<String, Set<String>> packageImports, Map<String, byte[]> generated) {
        this.root = directory;
        this.packageImports = Map.copyOf(packageImports);
        this.generated = Map.copyOf(generated);
    }

    Path root() {
        return root;
    }

    /** Whether the engine asks for {@code specifier} as a package (a bare specifier) rather than a file. */
    static boolean isPackageSpecifier(String specifier) {
        return !specifier.isEmpty() && !SourceFiles.isPathSpecifier(specifier) && !specifier.contains("\\")
                && !specifier.contains(":") && !Path.of(specifier).isAbsolute();
    }

    /** The path the module for a package specifier (or a resource's name) is served at. */
    Path pathOf(String specifier) {
        return switch (specifier) {
            case "drizzle-orm" -> root.resolve("drizzle-orm.js");
            case "drizzle-orm/sqlite-core" -> root.resolve("sqlite-core.js");
            default -> {
                if (KNOWN_PACKAGES.containsKey(specifier)) {
                    yield root.resolve(KNOWN_PACKAGES.get(specifier));
                }
                yield root.resolve((ModuleResolver.isDrizzle(specifier) ? "drizzle-orm-entry-" : "package-")
                        + encode(specifier) + ".js");
            }
        };
    }

    /** The path GraalJS is served a Node.js built-in module at (Node.js has its own). */
    Path builtinPath(String name) {
        return root.resolve("builtin-" + encode(name) + ".js");
    }

    boolean contains(Path path) {
        return path.isAbsolute() && path.normalize().startsWith(root);
    }

    /** The package stand-ins to write out for Node.js: file name to content. */
    Map<Path, byte[]> packageStandIns() {
        return packageImports.keySet().stream().filter(s -> !s.startsWith("node:"))
                .filter(s -> !KNOWN_PACKAGES.containsKey(s))
                .collect(java.util.stream.Collectors.toMap(this::pathOf,
                        s -> packageStandIn(s).getBytes(StandardCharsets.UTF_8)));
    }

    /** The source of a served module, or empty when {@code path} names none. */
    Optional<byte[]> content(Path path) {
        Path normalized = path.normalize();
        if (!root.equals(normalized.getParent())) {
            return Optional.empty();
        }
        String name = normalized.getFileName().toString();
        if (generated.containsKey(name)) {
            return Optional.of(generated.get(name).clone());
        }
        if (RESOURCES.contains(name)) {
            return Optional.of(resource(name));
        }
        if (name.startsWith("drizzle-orm-entry-") && name.endsWith(".js")) {
            // an entry point of drizzle-orm (drizzle-orm/libsql, ...) that a schema has no use for: a name
            // imported from it fails to link, and the loader reports that as unsupported
            return Optional.of("export {};\n".getBytes(StandardCharsets.UTF_8));
        }
        if (name.startsWith("package-") && name.endsWith(".js")) {
            String specifier = decode(name.substring("package-".length(), name.length() - ".js".length()));
            return Optional.of(packageStandIn(specifier).getBytes(StandardCharsets.UTF_8));
        }
        if (name.startsWith("builtin-") && name.endsWith(".js")) {
            String builtin = decode(name.substring("builtin-".length(), name.length() - ".js".length()));
            return Optional.of(builtinFacade(builtin).getBytes(StandardCharsets.UTF_8));
        }
        return Optional.empty();
    }

    /** A module exporting, for each name the schema imports from the package, a value that absorbs any use. */
    private String packageStandIn(String specifier) {
        StringBuilder js = new StringBuilder()
                .append("import { foreign } from \"./").append(RECORDER).append("\";\n")
                .append("const pkg = foreign(").append(jsString(specifier)).append(");\n")
                .append("export default pkg;\n");
        appendNamed(js, packageImports.getOrDefault(specifier, Set.of()),
                name -> "foreign(" + jsString(specifier) + ", " + jsString(name) + ")");
        return js.toString();
    }

    /** A built-in module for GraalJS: node-builtins.js's implementation, with the names the schema imports. */
    private String builtinFacade(String builtin) {
        StringBuilder js = new StringBuilder()
                .append("import { builtin } from \"./node-builtins.js\";\n")
                .append("const m = builtin(").append(jsString(builtin)).append(");\n")
                .append("export default m;\n");
        Set<String> names = new java.util.LinkedHashSet<>(BUILTIN_EXPORTS.getOrDefault(builtin, List.of()));
        names.addAll(packageImports.getOrDefault("node:" + builtin, Set.of()));
        appendNamed(js, names, name -> "m[" + jsString(name) + "]");
        return js.toString();
    }

    private static void appendNamed(StringBuilder js, Set<String> names,
                                    java.util.function.Function<String, String> value) {
        int i = 0;
        for (String name : names) {
            if (!name.equals("default")) {
                js.append("const n").append(i).append(" = ").append(value.apply(name)).append(";\n")
                        .append("export { n").append(i).append(" as ").append(jsString(name)).append(" };\n");
                i++;
            }
        }
    }

    static byte[] resource(String name) {
        try (InputStream in = VirtualModules.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing plugin resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String encode(String specifier) {
        return URLEncoder.encode(specifier, StandardCharsets.UTF_8);
    }

    private static String decode(String encoded) {
        return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
    }

    static String jsString(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
