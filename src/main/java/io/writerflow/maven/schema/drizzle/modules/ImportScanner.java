package io.writerflow.maven.schema.drizzle.modules;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the imports of one source file (JavaScript or TypeScript) by a text scan. A scan is enough for what
 * it feeds: the packages to serve stand-ins for, with the names imported from them (exports of a stand-in
 * must be declared before the importing modules link), the files to follow, and each file's
 * {@code export * from} targets, whose order drizzle-kit's loader keeps. A name it finds by mistake (in a
 * comment, say) only adds an unused export or an unused resolution. Type-only imports are skipped: they are
 * gone after transpilation.
 */
public final class ImportScanner {

    /** How a file refers to another. */
    public enum Kind {
        /** {@code import ... from}, {@code import "x"}, {@code import("x")}. */
        IMPORT,
        /** {@code export { ... } from} and {@code export * as ns from}: named re-exports. */
        NAMED_EXPORT,
        /** {@code export * from}: every export of the target, after the module's own. */
        STAR_EXPORT
    }

    /**
     * @param specifier what the file imports
     * @param names     the names imported from it ({@code default} for a default import)
     */
    public record Import(String specifier, Kind kind, Set<String> names) {
    }

    // each starts with its keyword, so that the search skips ahead to it; the word boundary before the keyword
    // is checked on each match (startsWord): a leading \\b would make every position of the file a candidate
    private static final Pattern IMPORT_FROM = Pattern.compile(
            "import\\s*([\\w$\\s{},*\"']*?)\\s*from\\s*([\"'])([^\"'\\n]+)\\2");
    private static final Pattern EXPORT_FROM = Pattern.compile(
            "export\\s*(type\\s+)?(\\{[^}]*}|\\*(?:\\s*as\\s+[\\w$]+)?)\\s*from\\s*([\"'])([^\"'\\n]+)\\3");
    private static final Pattern BARE_IMPORT = Pattern.compile("import\\s*([\"'])([^\"'\\n]+)\\1");
    private static final Pattern DYNAMIC_IMPORT = Pattern.compile("import\\s*\\(\\s*([\"'])([^\"'\\n]+)\\1\\s*\\)");
    private static final Pattern DEFAULT_BINDING = Pattern.compile("^\\s*[\\w$]+\\s*(,|$)");
    private static final Pattern TYPE_ONLY = Pattern.compile("^type\\s+[{\\w$*]");

    private ImportScanner() {
    }

    /** The imports of a file's text, in the order they appear. */
    public static List<Import> imports(String source) {
        List<int[]> order = new ArrayList<>();
        List<Import> found = new ArrayList<>();
        Matcher m = IMPORT_FROM.matcher(source);
        while (m.find()) {
            String clause = m.group(1).strip();
            if (startsWord(source, m.start()) && !TYPE_ONLY.matcher(clause).find()) {
                add(found, order, m.start(), new Import(m.group(3), Kind.IMPORT, importedNames(clause)));
            }
        }
        m = EXPORT_FROM.matcher(source);
        while (m.find()) {
            if (startsWord(source, m.start()) && m.group(1) == null) {
                boolean star = m.group(2).strip().equals("*");
                add(found, order, m.start(), new Import(m.group(4), star ? Kind.STAR_EXPORT : Kind.NAMED_EXPORT,
                        star ? Set.of() : importedNames(m.group(2))));
            }
        }
        for (Pattern pattern : new Pattern[]{BARE_IMPORT, DYNAMIC_IMPORT}) {
            m = pattern.matcher(source);
            while (m.find()) {
                if (startsWord(source, m.start())) {
                    add(found, order, m.start(), new Import(m.group(2), Kind.IMPORT, Set.of()));
                }
            }
        }
        List<Import> sorted = new ArrayList<>();
        order.stream().sorted((a, b) -> Integer.compare(a[0], b[0])).forEach(o -> sorted.add(found.get(o[1])));
        return sorted;
    }

    private static void add(List<Import> found, List<int[]> order, int at, Import anImport) {
        order.add(new int[]{at, found.size()});
        found.add(anImport);
    }

    /**
     * Where {@code source} imports a specifier that {@code matches} accepts: the 1-based line and column of
     * the import (or export-from) statement, for messages about a module that cannot be loaded.
     */
    public static Optional<int[]> locate(String source, Predicate<String> matches) {
        for (Pattern pattern : new Pattern[]{IMPORT_FROM, EXPORT_FROM, BARE_IMPORT, DYNAMIC_IMPORT}) {
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

    /**
     * Where {@code source} re-exports from {@code specifier} ({@code export { ... } from} or {@code export * from},
     * not {@code export type}): the 1-based line and column of the statement.
     */
    public static Optional<int[]> locateReExport(String source, String specifier) {
        Matcher m = EXPORT_FROM.matcher(source);
        while (m.find()) {
            if (startsWord(source, m.start()) && m.group(1) == null && m.group(4).equals(specifier)) {
                String before = source.substring(0, m.start());
                int line = (int) before.chars().filter(c -> c == '\n').count() + 1;
                return Optional.of(new int[]{line, m.start() - before.lastIndexOf('\n')});
            }
        }
        return Optional.empty();
    }

    private static boolean startsWord(String source, int at) {
        return at == 0 || !Character.isLetterOrDigit(source.charAt(at - 1)) && source.charAt(at - 1) != '_'
                && source.charAt(at - 1) != '.' && source.charAt(at - 1) != '$';
    }

    /** The exported names an import clause asks for: {@code a, b as c, default as d} gives a, b, default. */
    public static Set<String> importedNames(String clause) {
        Set<String> names = new LinkedHashSet<>();
        if (DEFAULT_BINDING.matcher(clause).find()) {
            names.add("default");
        }
        int open = clause.indexOf('{');
        int close = clause.indexOf('}', open + 1);
        if (open >= 0 && close > open) {
            for (String part : clause.substring(open + 1, close).split(",")) {
                String name = part.trim().split("\\s+as\\s+")[0].trim();
                if (name.startsWith("type ") || name.startsWith("type\t")) {
                    continue; // import { type Role }: gone after transpilation
                }
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
