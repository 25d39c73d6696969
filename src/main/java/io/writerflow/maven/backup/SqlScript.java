package io.writerflow.maven.backup;

import java.io.IOException;
import java.io.Reader;
import java.util.regex.Pattern;

/**
 * Reads an SQL script one statement at a time, without holding the file in memory. A semicolon ends a statement
 * unless it is inside quotes, a comment, or the body of a {@code CREATE TRIGGER ... BEGIN ... END} (the rules
 * of {@code sqlite3_complete()}, simplified to what dumps contain). Comments between statements are dropped.
 */
final class SqlScript {

    private static final Pattern TRIGGER = Pattern.compile("(?is)^\\s*CREATE\\s+(TEMP\\s+|TEMPORARY\\s+)?TRIGGER\\b.*");
    private static final Pattern ENDS_WITH_END = Pattern.compile("(?is).*\\bEND\\s*$");

    /** A statement and the line it starts on, for messages. */
    record Next(String sql, int line) {
    }

    private final Reader in;
    private int line = 1;
    private int pushedBack = -2;

    SqlScript(Reader in) {
        this.in = in;
    }

    private int read() throws IOException {
        int c;
        if (pushedBack != -2) {
            c = pushedBack;
            pushedBack = -2;
        } else {
            c = in.read();
        }
        if (c == '\n') {
            line++;
        }
        return c;
    }

    private void unread(int c) {
        if (c == '\n') {
            line--;
        }
        pushedBack = c;
    }

    /** The next statement without its semicolon, or null at the end of the script. */
    Next next() throws IOException {
        StringBuilder sql = new StringBuilder();
        int startLine = -1;
        while (true) {
            int c = read();
            if (c == -1) {
                String rest = sql.toString().strip();
                return rest.isEmpty() ? null : new Next(rest, startLine);
            }
            if (c == '-' ) {
                int d = read();
                if (d == '-') {
                    while (c != '\n' && c != -1) {
                        c = read();
                    }
                    if (sql.length() > 0) {
                        sql.append('\n');
                    }
                    continue;
                }
                unread(d);
            }
            if (c == '/') {
                int d = read();
                if (d == '*') {
                    int prev = 0;
                    while ((c = read()) != -1 && !(prev == '*' && c == '/')) {
                        prev = c;
                    }
                    sql.append(' ');
                    continue;
                }
                unread(d);
            }
            if (startLine < 0 && !Character.isWhitespace(c)) {
                startLine = line;
            }
            if (c == '\'' || c == '"' || c == '`' || c == '[') {
                int close = c == '[' ? ']' : c;
                sql.append((char) c);
                while ((c = read()) != -1) {
                    sql.append((char) c);
                    if (c == close) {
                        break;
                    }
                }
                continue;
            }
            if (c == ';') {
                String statement = sql.toString().strip();
                if (statement.isEmpty()) {
                    sql.setLength(0);
                    continue;
                }
                if (!TRIGGER.matcher(statement).matches() || ENDS_WITH_END.matcher(statement).matches()) {
                    return new Next(statement, startLine);
                }
            }
            if (sql.length() > 0 || !Character.isWhitespace(c)) {
                sql.append((char) c);
            }
        }
    }
}
