package io.writerflow.maven.engine.drift;

import java.util.List;
import java.util.regex.Pattern;

/**
 * drizzle.config's {@code tablesFilter}: the tables the project owns, as globs ({@code *}, {@code ?},
 * {@code {a,b}}), a leading {@code !} excluding, as drizzle-kit matches them. A table is the project's when it
 * matches an including glob (or there is none) and no excluding one.
 */
public record TablesFilter(List<String> globs) {

    public static final TablesFilter ALL = new TablesFilter(List.of());

    public TablesFilter {
        globs = List.copyOf(globs);
    }

    public boolean includes(String table) {
        boolean anyInclude = false;
        boolean included = false;
        for (String glob : globs) {
            boolean exclude = glob.startsWith("!");
            String pattern = exclude ? glob.substring(1) : glob;
            boolean matches = regex(pattern).matcher(table).matches();
            if (exclude && matches) {
                return false;
            }
            if (!exclude) {
                anyInclude = true;
                included |= matches;
            }
        }
        return !anyInclude || included;
    }

    private static Pattern regex(String glob) {
        StringBuilder regex = new StringBuilder();
        int braces = 0;
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                case '{' -> {
                    braces++;
                    regex.append("(?:");
                }
                case '}' -> {
                    braces = Math.max(0, braces - 1);
                    regex.append(')');
                }
                case ',' -> regex.append(braces > 0 ? "|" : ",");
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }
}
