package io.writerflow.maven.diff;

import io.writerflow.maven.sql.SqlBlanks;
import io.writerflow.maven.sql.SqlQuoting;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Finds and renames identifiers inside SQL fragments of the schema (CHECK conditions, generated column and
 * index expressions, partial index conditions, view definitions). It tokenizes just enough SQL to leave
 * string literals, comments and unrelated names alone, and keeps each identifier's quoting style, so
 * {@code "users"."name"} becomes {@code "people"."name"}, not a blind text replacement.
 */
public final class SqlIdentifiers {

    private SqlIdentifiers() {
    }

    private enum Kind { BARE, QUOTED, STRING, OTHER }

    private record Token(Kind kind, int start, int end, String value, char quote) {
    }

    /** Renames {@code table} where it qualifies a column: {@code table.col}, {@code "table".col}, ... */
    public static String renameQualifier(String sql, String table, String newTable) {
        List<Token> tokens = tokenize(sql);
        return rewrite(sql, tokens, i -> {
            Token t = tokens.get(i);
            boolean identifier = t.kind == Kind.BARE || t.kind == Kind.QUOTED || t.kind == Kind.STRING;
            return identifier && t.value.equalsIgnoreCase(table) && followedByDot(sql, t) ? newTable : null;
        });
    }

    /**
     * Renames the column {@code column} of {@code table}: unqualified references and those qualified with
     * the table's name; not function names, not qualifiers, not string literals.
     */
    public static String renameColumn(String sql, String table, String column, String newColumn) {
        List<Token> tokens = tokenize(sql);
        return rewrite(sql, tokens, i -> {
            Token t = tokens.get(i);
            if ((t.kind != Kind.BARE && t.kind != Kind.QUOTED) || !t.value.equalsIgnoreCase(column)
                    || followedByDot(sql, t) || (t.kind == Kind.BARE && followedByParen(sql, t))) {
                return null;
            }
            Token qualifier = qualifierOf(sql, tokens, i);
            return qualifier == null || qualifier.value.equalsIgnoreCase(table) ? newColumn : null;
        });
    }

    /** Whether {@code name} occurs as an identifier (any quoting, any case) in {@code sql}. */
    public static boolean mentions(String sql, String name) {
        return tokenize(sql).stream().anyMatch(t -> (t.kind == Kind.BARE || t.kind == Kind.QUOTED)
                && t.value.equalsIgnoreCase(name));
    }

    private static String rewrite(String sql, List<Token> tokens, Function<Integer, String> replacement) {
        StringBuilder out = new StringBuilder(sql.length() + 16);
        int copied = 0;
        for (int i = 0; i < tokens.size(); i++) {
            String newName = replacement.apply(i);
            if (newName != null) {
                Token t = tokens.get(i);
                out.append(sql, copied, t.start).append(quote(newName, t));
                copied = t.end;
            }
        }
        return out.append(sql, copied, sql.length()).toString();
    }

    /** The new name quoted as the old one was; brackets cannot hold a {@code ]}, so such a name gets double quotes. */
    private static String quote(String name, Token original) {
        return switch (original.kind) {
            case BARE -> SqlQuoting.name(name);
            case STRING -> SqlQuoting.literal(name);
            default -> original.quote != '[' ? SqlQuoting.quote(name, original.quote)
                    : name.indexOf(']') < 0 ? "[" + name + "]" : SqlQuoting.identifier(name);
        };
    }

    private static boolean followedByDot(String sql, Token t) {
        return t.end < sql.length() && sql.charAt(t.end) == '.';
    }

    private static boolean followedByParen(String sql, Token t) {
        int i = t.end;
        while (i < sql.length() && Character.isWhitespace(sql.charAt(i))) {
            i++;
        }
        return i < sql.length() && sql.charAt(i) == '(';
    }

    /** The identifier before {@code x.} when token {@code i} is written {@code x.name}, else null. */
    private static Token qualifierOf(String sql, List<Token> tokens, int i) {
        if (i < 2) {
            return null;
        }
        Token dot = tokens.get(i - 1);
        Token before = tokens.get(i - 2);
        boolean adjacent = dot.kind == Kind.OTHER && sql.charAt(dot.start) == '.' && dot.end == tokens.get(i).start
                && before.end == dot.start;
        return adjacent && before.kind != Kind.OTHER ? before : null;
    }

    private static List<Token> tokenize(String sql) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int n = sql.length();
        while ((i = SqlBlanks.skip(sql, i)) < n) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                int end = closeQuote(sql, i, c);
                String inner = sql.substring(i + 1, Math.max(i + 1, end - 1))
                        .replace(String.valueOf(c) + c, String.valueOf(c));
                tokens.add(new Token(c == '\'' ? Kind.STRING : Kind.QUOTED, i, end, inner, c));
                i = end;
            } else if (c == '[') {
                int close = sql.indexOf(']', i);
                int end = close < 0 ? n : close + 1;
                tokens.add(new Token(Kind.QUOTED, i, end, sql.substring(i + 1, Math.max(i + 1, end - 1)), '['));
                i = end;
            } else if (Character.isLetter(c) || c == '_') {
                int end = i + 1;
                while (end < n && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_'
                        || sql.charAt(end) == '$')) {
                    end++;
                }
                tokens.add(new Token(Kind.BARE, i, end, sql.substring(i, end), ' '));
                i = end;
            } else if (Character.isDigit(c)) {
                int end = i + 1;
                while (end < n && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '.')) {
                    end++;
                }
                tokens.add(new Token(Kind.OTHER, i, end, sql.substring(i, end), ' '));
                i = end;
            } else {
                tokens.add(new Token(Kind.OTHER, i, i + 1, String.valueOf(c), ' '));
                i++;
            }
        }
        return tokens;
    }

    /** The offset after the closing quote; a doubled quote stands for itself. */
    private static int closeQuote(String sql, int open, char quote) {
        int i = open + 1;
        while (i < sql.length()) {
            if (sql.charAt(i) == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return sql.length();
    }
}
