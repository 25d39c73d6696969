package io.writerflow.maven.sql;

import java.util.Optional;

/**
 * A name read from SQL text the way SQLite reads it: bare, or in {@code "..."}, {@code `...`} or
 * {@code '...'} with the quote doubled inside, or in {@code [...]}; a schema before a dot is skipped
 * ({@code main."t"} is {@code t}).
 *
 * @param name the name, unquoted
 * @param end  the offset just after it
 */
public record LeadingName(String name, int end) {

    /** The name that starts at {@code offset}, after any whitespace; empty when none does. */
    public static Optional<LeadingName> at(String sql, int offset) {
        Optional<LeadingName> first = one(sql, skipBlanks(sql, offset));
        if (first.isPresent() && first.get().end < sql.length() && sql.charAt(first.get().end) == '.') {
            return one(sql, first.get().end + 1).or(() -> first);
        }
        return first;
    }

    private static Optional<LeadingName> one(String sql, int start) {
        if (start >= sql.length()) {
            return Optional.empty();
        }
        char c = sql.charAt(start);
        if (c == '"' || c == '`' || c == '\'') {
            StringBuilder name = new StringBuilder();
            for (int i = start + 1; i < sql.length(); i++) {
                if (sql.charAt(i) != c) {
                    name.append(sql.charAt(i));
                } else if (i + 1 < sql.length() && sql.charAt(i + 1) == c) {
                    name.append(c); // a doubled quote stands for itself
                    i++;
                } else {
                    return Optional.of(new LeadingName(name.toString(), i + 1));
                }
            }
            return Optional.empty(); // never closed
        }
        if (c == '[') {
            int close = sql.indexOf(']', start);
            return close < 0 ? Optional.empty() : Optional.of(new LeadingName(sql.substring(start + 1, close), close + 1));
        }
        int end = start;
        while (end < sql.length() && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_'
                || sql.charAt(end) == '$')) {
            end++;
        }
        return end == start ? Optional.empty() : Optional.of(new LeadingName(sql.substring(start, end), end));
    }

    private static int skipBlanks(String sql, int offset) {
        int i = offset;
        while (i < sql.length() && Character.isWhitespace(sql.charAt(i))) {
            i++;
        }
        return i;
    }
}
