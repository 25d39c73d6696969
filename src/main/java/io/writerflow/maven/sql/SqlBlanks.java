package io.writerflow.maven.sql;

/** What SQLite reads as nothing between tokens: whitespace, {@code -- line} and {@code /* block *}{@code /} comments. */
public final class SqlBlanks {

    private SqlBlanks() {
    }

    /** The index of the first character at or after {@code from} that is not whitespace or inside a comment. */
    public static int skip(String sql, int from) {
        int i = from;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int eol = sql.indexOf('\n', i);
                i = eol < 0 ? n : eol + 1;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int close = sql.indexOf("*/", i + 2);
                i = close < 0 ? n : close + 2;
            } else {
                break;
            }
        }
        return i;
    }
}
