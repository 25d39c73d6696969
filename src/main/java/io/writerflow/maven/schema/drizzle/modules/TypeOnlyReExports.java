package io.writerflow.maven.schema.drizzle.modules;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names a module re-exports with {@code export { User } from "./users"} that the other module has only as a
 * type. drizzle-kit loads modules as CommonJS, where such a name is just undefined; in an ES module it fails to
 * link ("does not provide an export named"), and a transpiler, seeing one file at a time, cannot tell. The
 * TypeScript sources can: a name declared with {@code type} or {@code interface} (or exported with
 * {@code export type}) and never as a value. Those names are left out of the re-export ({@link #apply}): the
 * runtimes are given the module's text without them, as they are given any text in place of a file.
 */
public final class TypeOnlyReExports {

    private static final Pattern TYPE_DECLARATION = Pattern.compile(
            "(?m)^[ \\t]*(?:export[ \\t]+)?(?:declare[ \\t]+)?(?:type[ \\t]+([A-Za-z_$][\\w$]*)[ \\t]*[=<]"
                    + "|interface[ \\t]+([A-Za-z_$][\\w$]*)\\b)");
    private static final Pattern VALUE_DECLARATION = Pattern.compile(
            "\\b(?:const|let|var|function\\*?|class|enum|namespace)[ \\t]+([A-Za-z_$][\\w$]*)");
    private static final Pattern VALUE_IMPORT = Pattern.compile("import[ \\t]+(?!type\\b)([^;]*?)from[ \\t]*[\"']");
    private static final Pattern TYPE_EXPORT_LIST = Pattern.compile("export[ \\t]+type[ \\t]*\\{([^}]*)}");
    private static final Pattern RE_EXPORT = Pattern.compile("export\\s*\\{([^}]*)}\\s*from\\s*([\"'])([^\"'\\n]+)\\2");

    private TypeOnlyReExports() {
    }

    /**
     * The modules whose text changes, with the text to run in place of the file's (or of {@code sources}'s).
     *
     * @param sources texts given in place of files
     */
    public static Map<Path, String> apply(ModuleGraph graph, Map<Path, String> sources) {
        Map<Path, String> texts = texts(graph, sources);
        Map<Path, String> stripped = new LinkedHashMap<>();
        findIn(graph, texts).forEach((file, drops) -> stripped.put(file, strip(texts.get(file), drops)));
        return stripped;
    }

    /**
     * @return per module: specifier to the names to leave out of its {@code export { ... } from} that specifier
     */
    public static Map<Path, Map<String, Set<String>>> find(ModuleGraph graph, Map<Path, String> sources) {
        return findIn(graph, texts(graph, sources));
    }

    private static Map<Path, String> texts(ModuleGraph graph, Map<Path, String> sources) {
        Map<Path, String> texts = new HashMap<>();
        for (Path file : graph.files()) {
            String text = sources.get(file);
            try {
                texts.put(file, text != null ? text : Files.readString(file, StandardCharsets.UTF_8));
            } catch (IOException | RuntimeException e) {
                texts.put(file, "");
            }
        }
        return texts;
    }

    private static Map<Path, Map<String, Set<String>>> findIn(ModuleGraph graph, Map<Path, String> texts) {
        Map<Path, Set<String>> typeOnly = new HashMap<>();
        texts.forEach((file, text) -> typeOnly.put(file, SourceFiles.isTypeScript(file) ? declaredTypesOnly(text)
                : new HashSet<>()));
        // a type re-exported by name is a type of the re-exporting module too
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Path file : graph.files()) {
                for (var reExport : reExports(graph, file, texts.get(file)).entrySet()) {
                    Set<String> types = typeOnly.getOrDefault(reExport.getKey(), Set.of());
                    for (String name : reExport.getValue()) {
                        if (types.contains(name)) {
                            grew |= typeOnly.get(file).add(name);
                        }
                    }
                }
            }
        }
        Map<Path, Map<String, Set<String>>> drops = new LinkedHashMap<>();
        for (Path file : graph.files()) {
            Matcher m = RE_EXPORT.matcher(texts.get(file));
            while (m.find()) {
                if (graph.resolution(file, m.group(3)) instanceof Resolution.ProjectFile target) {
                    for (String name : ImportScanner.importedNames("{" + m.group(1) + "}")) {
                        if (typeOnly.getOrDefault(target.file(), Set.of()).contains(name)) {
                            drops.computeIfAbsent(file, f -> new LinkedHashMap<>())
                                    .computeIfAbsent(m.group(3), s -> new TreeSet<>()).add(name);
                        }
                    }
                }
            }
        }
        return drops;
    }

    /** The code with the names {@code drops} gives (specifier to names) left out of its re-exports. */
    public static String strip(String code, Map<String, ? extends Iterable<String>> drops) {
        if (drops == null || drops.isEmpty()) {
            return code;
        }
        Matcher m = RE_EXPORT.matcher(code);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Iterable<String> names = drops.get(m.group(3));
            if (names == null) {
                continue;
            }
            Set<String> dropped = new HashSet<>();
            names.forEach(dropped::add);
            StringBuilder kept = new StringBuilder();
            for (String item : m.group(1).split(",")) {
                String name = item.strip().split("\\s+as\\s+")[0].strip();
                if (!item.isBlank() && !dropped.contains(name)) {
                    kept.append(kept.length() == 0 ? " " : ", ").append(item.strip());
                }
            }
            m.appendReplacement(out, Matcher.quoteReplacement("export {" + kept + (kept.length() == 0 ? "" : " ")
                    + "} from " + m.group(2) + m.group(3) + m.group(2)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static Map<Path, Set<String>> reExports(ModuleGraph graph, Path file, String text) {
        Map<Path, Set<String>> byTarget = new HashMap<>();
        Matcher m = RE_EXPORT.matcher(text);
        while (m.find()) {
            if (graph.resolution(file, m.group(3)) instanceof Resolution.ProjectFile target) {
                byTarget.computeIfAbsent(target.file(), t -> new HashSet<>())
                        .addAll(ImportScanner.importedNames("{" + m.group(1) + "}"));
            }
        }
        return byTarget;
    }

    /** Names the file declares as types and never as values (nor imports as values). */
    private static Set<String> declaredTypesOnly(String text) {
        Set<String> types = new HashSet<>();
        Matcher m = TYPE_DECLARATION.matcher(text);
        while (m.find()) {
            types.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        m = TYPE_EXPORT_LIST.matcher(text);
        while (m.find()) {
            for (String item : m.group(1).split(",")) {
                String[] names = item.strip().split("\\s+as\\s+");
                if (!names[0].isBlank()) {
                    types.add(names[names.length - 1].strip());
                }
            }
        }
        if (types.isEmpty()) {
            return types;
        }
        m = VALUE_DECLARATION.matcher(text);
        while (m.find()) {
            types.remove(m.group(1));
        }
        m = VALUE_IMPORT.matcher(text);
        while (m.find()) {
            for (String name : m.group(1).replaceAll("[{}*]", ",").split(",")) {
                String[] parts = name.strip().split("\\s+as\\s+");
                String local = parts[parts.length - 1].strip();
                if (!local.startsWith("type ")) {
                    types.remove(local);
                }
            }
        }
        return types;
    }
}
