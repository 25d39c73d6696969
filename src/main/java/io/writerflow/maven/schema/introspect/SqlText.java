package io.writerflow.maven.schema.introspect;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Just enough of SQLite's DDL text to read what its PRAGMAs do not tell: CHECK and named UNIQUE constraints,
 * generated column expressions, parenthesised defaults, AUTOINCREMENT, index expressions and WHERE clauses.
 * It only ever splits at top-level commas and finds keywords outside quotes and parentheses; it never
 * validates, because SQLite already accepted the text.
 */
final class SqlText {

    private SqlText() {
    }

    /** The text between the first top-level opening parenthesis and its match, or empty. */
    static Optional<String> firstGroup(String sql) {
        int open = indexOutside(sql, "(", 0);
        if (open < 0) {
            return Optional.empty();
        }
        int close = matching(sql, open);
        return close < 0 ? Optional.empty() : Optional.of(sql.substring(open + 1, close));
    }

    /** The parts of a list between top-level commas, trimmed. */
    static List<String> splitTopLevel(String list) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < list.length(); i++) {
            char c = list.charAt(i);
            if (isQuote(c)) {
                i = endOfQuoted(list, i);
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(list.substring(start, i).strip());
                start = i + 1;
            }
        }
        String last = list.substring(start).strip();
        if (!last.isEmpty()) {
            parts.add(last);
        }
        return parts;
    }

    /**
     * Where the keyword (case-insensitive, as a whole word) first occurs at parenthesis depth zero and
     * outside quotes, from {@code from}; -1 if nowhere.
     */
    static int keyword(String sql, String keyword, int from) {
        String upper = sql.toUpperCase(Locale.ROOT);
        int depth = 0;
        for (int i = from; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (isQuote(c)) {
                i = endOfQuoted(sql, i);
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (depth == 0 && upper.startsWith(keyword, i) && boundary(sql, i - 1)
                    && boundary(sql, i + keyword.length())) {
                return i;
            }
        }
        return -1;
    }

    /** The first identifier or quoted name at the start of the text, unquoted. */
    static String leadingName(String text) {
        String t = text.strip();
        if (t.isEmpty()) {
            return "";
        }
        if (isQuote(t.charAt(0))) {
            return unquote(t.substring(0, endOfQuoted(t, 0) + 1));
        }
        int end = 0;
        while (end < t.length() && (Character.isLetterOrDigit(t.charAt(end)) || t.charAt(end) == '_'
                || t.charAt(end) == '$')) {
            end++;
        }
        return t.substring(0, end);
    }

    /** How many characters the leading name of {@link #leadingName} takes, with its quotes. */
    static int leadingNameLength(String text) {
        String t = text.stripLeading();
        int skipped = text.length() - t.length();
        if (!t.isEmpty() && isQuote(t.charAt(0))) {
            return skipped + endOfQuoted(t, 0) + 1;
        }
        return skipped + leadingName(t).length();
    }

    /** Whether the text is exactly one (possibly quoted) name: an index column rather than an expression. */
    static boolean isName(String text) {
        String t = text.strip();
        return !t.isEmpty() && leadingNameLength(t) == t.length();
    }

    /** Whether the text starts with a quoted name (a column that happens to be called "check"). */
    static boolean isQuotedStart(String text) {
        String t = text.stripLeading();
        return !t.isEmpty() && isQuote(t.charAt(0));
    }

    static String unquote(String name) {
        String t = name.strip();
        if (t.length() >= 2) {
            char first = t.charAt(0);
            char last = t.charAt(t.length() - 1);
            if ((first == '"' || first == '`' || first == '\'') && last == first) {
                String q = String.valueOf(first);
                return t.substring(1, t.length() - 1).replace(q + q, q);
            }
            if (first == '[' && last == ']') {
                return t.substring(1, t.length() - 1);
            }
        }
        return t;
    }

    /** The parenthesised group that starts at or after {@code from} (skipping blanks), with its parentheses. */
    static Optional<String> groupAt(String sql, int from) {
        int i = from;
        while (i < sql.length() && Character.isWhitespace(sql.charAt(i))) {
            i++;
        }
        if (i >= sql.length() || sql.charAt(i) != '(') {
            return Optional.empty();
        }
        int close = matching(sql, i);
        return close < 0 ? Optional.empty() : Optional.of(sql.substring(i, close + 1));
    }

    /** A string literal as SQL: the text in single quotes, quotes doubled. */
    static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    private static int indexOutside(String sql, String token, int from) {
        for (int i = from; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (isQuote(c)) {
                i = endOfQuoted(sql, i);
            } else if (sql.startsWith(token, i)) {
                return i;
            }
        }
        return -1;
    }

    /** The index of the parenthesis that closes the one at {@code open}, or -1. */
    private static int matching(String sql, int open) {
        int depth = 0;
        for (int i = open; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (isQuote(c)) {
                i = endOfQuoted(sql, i);
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isQuote(char c) {
        return c == '\'' || c == '"' || c == '`' || c == '[';
    }

    /** The index of the character closing the quoted text that starts at {@code start} (doubled quotes skipped). */
    private static int endOfQuoted(String sql, int start) {
        char close = sql.charAt(start) == '[' ? ']' : sql.charAt(start);
        for (int i = start + 1; i < sql.length(); i++) {
            if (sql.charAt(i) == close) {
                if (close != ']' && i + 1 < sql.length() && sql.charAt(i + 1) == close) {
                    i++;
                } else {
                    return i;
                }
            }
        }
        return sql.length() - 1;
    }

    private static boolean boundary(String sql, int i) {
        return i < 0 || i >= sql.length() || !(Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_');
    }
}
