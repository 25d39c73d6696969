package io.writerflow.maven.fleet.platform;

import io.writerflow.maven.WriterflowException;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Which discovered databases a fleet takes ({@code writerflow.databases}): comma-separated name patterns where
 * {@code *} stands for any characters (none included) and a leading {@code !} excludes, such as
 * {@code tenant-*,!tenant-test-*}. A name is taken when it matches an including pattern (or there is none) and no
 * excluding one; order does not matter. Patterns match the whole name, case-sensitively as Turso names are.
 */
public record NamePatterns(String text, List<Pattern> includes, List<Pattern> excludes) {

    /** The characters of a pattern: those of a database name, and the wildcard. */
    private static final Pattern SYNTAX = Pattern.compile("[A-Za-z0-9._*-]+");

    public static final NamePatterns ALL = new NamePatterns("", List.of(), List.of());

    public NamePatterns {
        includes = List.copyOf(includes);
        excludes = List.copyOf(excludes);
    }

    /** Parses {@code text}; null or blank takes every database. */
    public static NamePatterns parse(String text) {
        if (text == null || text.isBlank()) {
            return ALL;
        }
        List<Pattern> includes = new ArrayList<>();
        List<Pattern> excludes = new ArrayList<>();
        for (String raw : text.split(",", -1)) {
            String item = raw.strip();
            boolean exclude = item.startsWith("!");
            String glob = exclude ? item.substring(1).strip() : item;
            if (!SYNTAX.matcher(glob).matches()) {
                throw malformed(text, item);
            }
            (exclude ? excludes : includes).add(regex(glob));
        }
        return new NamePatterns(text.strip(), includes, excludes);
    }

    private static Pattern regex(String glob) {
        StringBuilder regex = new StringBuilder();
        for (String literal : glob.split("\\*", -1)) {
            if (!regex.isEmpty()) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(literal));
        }
        return Pattern.compile(regex.toString());
    }

    private static WriterflowException malformed(String text, String item) {
        return new WriterflowException("writerflow.databases is '" + text.strip() + "', which has "
                + (item.isEmpty() ? "an empty pattern (a comma too many)" : "'" + item + "', no name pattern")
                + "; nothing was run.", "Write comma-separated name patterns of letters, digits, '-', '_', '.' and"
                + " the wildcard '*', each excluding when it starts with '!', such as"
                + " -Dwriterflow.databases=tenant-*,!tenant-test-*.");
    }

    /** Whether the database named {@code name} is taken. */
    public boolean matches(String name) {
        return (includes.isEmpty() || includes.stream().anyMatch(p -> p.matcher(name).matches()))
                && excludes.stream().noneMatch(p -> p.matcher(name).matches());
    }

    /** Whether every database is taken (no pattern given). */
    public boolean all() {
        return includes.isEmpty() && excludes.isEmpty();
    }
}
