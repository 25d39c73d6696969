package io.writerflow.maven.schema.drizzle;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The modules the plugin serves in place of packages, from a directory that exists only inside the
 * engine's file system: drizzle-orm's stand-in (recorder.js, shipped in the plugin, behind the facades for
 * {@code drizzle-orm} and {@code drizzle-orm/sqlite-core}), empty modules for drizzle-orm's other entry
 * points, and stand-ins for any other package the schema imports (see {@link ImportScanner}).
 */
final class VirtualModules {

    /** The bare specifier under which the loader itself imports the recorder. */
    static final String RECORDER_SPECIFIER = "__writerflow__/recorder";

    private static final String RECORDER = "recorder.js";

    private final Path root;
    private final Map<String, Set<String>> packageImports;

    /**
     * @param directory      where the modules are served: a directory no project file is in
     * @param packageImports names imported from packages other than drizzle-orm, by specifier
     */
    VirtualModules(Path directory, Map<String, Set<String>> packageImports) {
        this.root = directory;
        this.packageImports = Map.copyOf(packageImports);
    }

    /** The packages other than drizzle-orm that the schema imports. */
    Set<String> packageSpecifiers() {
        return packageImports.keySet();
    }

    static boolean isDrizzle(String specifier) {
        return specifier.equals("drizzle-orm") || specifier.startsWith("drizzle-orm/");
    }

    /** Whether the engine asks for {@code specifier} as a package (a bare specifier) rather than a file. */
    static boolean isPackageSpecifier(String specifier) {
        return !specifier.isEmpty() && !ModuleFiles.isPathSpecifier(specifier) && !specifier.contains("\\")
                && !specifier.contains(":") && !Path.of(specifier).isAbsolute();
    }

    /** The path the module for a package specifier is served at. */
    Path pathOf(String specifier) {
        return switch (specifier) {
            case "drizzle-orm" -> root.resolve("drizzle-orm.js");
            case "drizzle-orm/sqlite-core" -> root.resolve("sqlite-core.js");
            case RECORDER_SPECIFIER -> root.resolve(RECORDER);
            default -> root.resolve((isDrizzle(specifier) ? "drizzle-orm-entry-" : "package-") + encode(specifier) + ".js");
        };
    }

    boolean contains(Path path) {
        return path.isAbsolute() && path.normalize().startsWith(root);
    }

    /** The source of a served module, or empty when {@code path} names none. */
    Optional<byte[]> content(Path path) {
        Path normalized = path.normalize();
        if (!root.equals(normalized.getParent())) {
            return Optional.empty();
        }
        String name = normalized.getFileName().toString();
        if (name.equals(RECORDER) || name.equals("query-builder.js") || name.equals("drizzle-orm.js")
                || name.equals("sqlite-core.js")) {
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
        return Optional.empty();
    }

    /** A module exporting, for each name the schema imports from the package, a value that absorbs any use. */
    private String packageStandIn(String specifier) {
        StringBuilder js = new StringBuilder()
                .append("import { foreign } from \"./").append(RECORDER).append("\";\n")
                .append("const pkg = foreign(").append(jsString(specifier)).append(");\n")
                .append("export default pkg;\n");
        int i = 0;
        for (String name : packageImports.getOrDefault(specifier, Set.of())) {
            if (!name.equals("default")) {
                js.append("const n").append(i).append(" = foreign(").append(jsString(specifier)).append(", ")
                        .append(jsString(name)).append(");\n")
                        .append("export { n").append(i).append(" as ").append(jsString(name)).append(" };\n");
                i++;
            }
        }
        return js.toString();
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
        return java.net.URLDecoder.decode(encoded, StandardCharsets.UTF_8);
    }

    private static String jsString(String value) {
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
