package io.writerflow.maven.schema.drizzle;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the names the schema's files import from packages other than drizzle-orm ({@code nanoid},
 * {@code @paralleldrive/cuid2}, ...), following its relative imports.
 *
 * <p>The plugin does not load node_modules; it serves each such package as a stand-in module whose exports
 * must be declared before the importing modules link, and a package may be imported by several files with
 * different names. So the whole import graph is scanned up front. A text scan is enough: a name it finds by
 * mistake (in a comment, say) only adds an unused export.
 */
final class ImportScanner {

    // each starts with its keyword, so that the search skips ahead to it; the word boundary before the keyword
    // is checked on each match (startsWord): a leading \\b would make every position of the file a candidate
    private static final Pattern IMPORT_FROM = Pattern.compile(
            "import\\s*([\\w$\\s{},*\"']*?)\\s*from\\s*([\"'])([^\"'\\n]+)\\2");
    private static final Pattern EXPORT_FROM = Pattern.compile(
            "export\\s*(\\{[^}]*}|\\*(?:\\s*as\\s+[\\w$]+)?)\\s*from\\s*([\"'])([^\"'\\n]+)\\2");
    private static final Pattern BARE_IMPORT = Pattern.compile("import\\s*([\"'])([^\"'\\n]+)\\1");
    private static final Pattern DEFAULT_BINDING = Pattern.compile("^\\s*[\\w$]+\\s*(,|$)");

    private ImportScanner() {
    }

    /**
     * @return package specifier -> names imported from it ({@code default} for default imports), for every
     * package except drizzle-orm's entry points
     */
    static Map<String, Set<String>> packageImports(Path entry, String entrySource) {
        Map<String, Set<String>> imports = new TreeMap<>();
        Set<Path> seen = new HashSet<>();
        Deque<Path> pending = new ArrayDeque<>();
        scan(entry, entrySource, imports, seen, pending);
        while (!pending.isEmpty()) {
            Path file = pending.pop();
            try {
                scan(file, Files.readString(file, StandardCharsets.UTF_8), imports, seen, pending);
            } catch (IOException | RuntimeException e) {
                // unreadable here means unreadable for the engine too, which reports it with the importer
            }
        }
        return imports;
    }

    private static void scan(Path file, String source, Map<String, Set<String>> imports, Set<Path> seen,
                             Deque<Path> pending) {
        if (!seen.add(file.toAbsolutePath().normalize())) {
            return;
        }
        for (Pattern pattern : new Pattern[]{IMPORT_FROM, EXPORT_FROM}) {
            Matcher m = pattern.matcher(source);
            while (m.find()) {
                if (startsWord(source, m.start())) {
                    record(file, m.group(3), m.group(1), imports, pending);
                }
            }
        }
        Matcher bare = BARE_IMPORT.matcher(source);
        while (bare.find()) {
            if (startsWord(source, bare.start())) {
                record(file, bare.group(2), "", imports, pending);
            }
        }
    }

    private static void record(Path file, String specifier, String clause, Map<String, Set<String>> imports,
                               Deque<Path> pending) {
        if (ModuleFiles.isPathSpecifier(specifier)) {
            Path parent = file.toAbsolutePath().getParent();
            pending.push(ModuleFiles.resolve(parent.resolve(specifier).normalize()));
        } else if (!VirtualModules.isDrizzle(specifier)) {
            imports.computeIfAbsent(specifier, s -> new LinkedHashSet<>()).addAll(importedNames(clause));
        }
    }

    /**
     * Where {@code source} imports a specifier that {@code matches} accepts: the 1-based line and column of
     * the import (or export-from) statement, for messages about a module that cannot be loaded.
     */
    static Optional<int[]> locate(String source, Predicate<String> matches) {
        for (Pattern pattern : new Pattern[]{IMPORT_FROM, EXPORT_FROM, BARE_IMPORT}) {
            Matcher m = pattern.matcher(source);
            while (m.find()) {
                if (startsWord(source, m.start()) && matches.test(m.group(m.groupCount()))) {
                    String before = source.substring(0, m.start());
                    int line = (int) before.chars().filter(c -> c == '\n').count() + 1;
                    return Optional.of(new int[]{line, m.start() - before.lastIndexOf('\n')});
                }
            }
        }
        return Optional.empty();
    }

    private static boolean startsWord(String source, int at) {
        return at == 0 || !Character.isLetterOrDigit(source.charAt(at - 1)) && source.charAt(at - 1) != '_';
    }

    /** The exported names an import clause asks for: {@code a, b as c, default as d} gives a, b, default. */
    static Set<String> importedNames(String clause) {
        Set<String> names = new LinkedHashSet<>();
        if (DEFAULT_BINDING.matcher(clause).find()) {
            names.add("default");
        }
        int open = clause.indexOf('{');
        int close = clause.indexOf('}', open + 1);
        if (open >= 0 && close > open) {
            for (String part : clause.substring(open + 1, close).split(",")) {
                String name = part.trim().split("\\s+as\\s+")[0].trim();
                if (name.length() > 1 && (name.startsWith("\"") || name.startsWith("'"))) {
                    name = name.substring(1, name.length() - 1);
                }
                if (!name.isEmpty()) {
                    names.add(name);
                }
            }
        }
        return names;
    }
}
