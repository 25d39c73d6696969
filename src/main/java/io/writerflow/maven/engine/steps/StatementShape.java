package io.writerflow.maven.engine.steps;

import io.writerflow.maven.sql.SqlBlanks;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a migration statement does to the schema, read from its first words as SQLite reads them (any case,
 * names bare or quoted with {@code "}, {@code `}, {@code []} or {@code '}, optionally schema-qualified): just
 * enough for apply to recognise a table rebuild and the statements around it. Everything else is
 * {@link Other}; the text is never validated, the database does that.
 */
public sealed interface StatementShape {

    /** {@code DROP TABLE [IF EXISTS] t}. */
    record DropTable(String table) implements StatementShape {
    }

    /** {@code ALTER TABLE from RENAME TO to}. */
    record RenameTable(String from, String to) implements StatementShape {
    }

    /** {@code CREATE [TEMP] [UNIQUE|VIRTUAL] TABLE|INDEX|TRIGGER|VIEW [IF NOT EXISTS] name}; type in lower case. */
    record Create(String type, String name) implements StatementShape {
    }

    /** {@code DROP INDEX|TRIGGER|VIEW [IF EXISTS] name}; type in lower case. */
    record Drop(String type, String name) implements StatementShape {
    }

    /** {@code PRAGMA foreign_keys = ...}: a setting, not the query {@code PRAGMA foreign_keys}. */
    record ForeignKeysSetting() implements StatementShape {
    }

    record Other() implements StatementShape {
    }

    static StatementShape of(String sql) {
        List<Token> t = Token.head(sql, 10);
        String first = word(t, 0);
        switch (first) {
            case "DROP" -> {
                String type = word(t, 1);
                int name = word(t, 2).equals("IF") && word(t, 3).equals("EXISTS") ? 4 : 2;
                if (name >= t.size()) {
                    return new Other();
                }
                return switch (type) {
                    case "TABLE" -> new DropTable(qualifiedName(t, name));
                    case "INDEX", "TRIGGER", "VIEW" -> new Drop(type.toLowerCase(Locale.ROOT), qualifiedName(t, name));
                    default -> new Other();
                };
            }
            case "ALTER" -> {
                if (!word(t, 1).equals("TABLE") || t.size() < 3) {
                    return new Other();
                }
                int after = t.size() > 4 && t.get(3).is(".") ? 5 : 3;
                if (word(t, after).equals("RENAME") && word(t, after + 1).equals("TO") && after + 2 < t.size()) {
                    return new RenameTable(qualifiedName(t, 2), t.get(after + 2).text());
                }
                return new Other();
            }
            case "CREATE" -> {
                int i = 1;
                if (word(t, i).equals("TEMP") || word(t, i).equals("TEMPORARY")) {
                    i++;
                }
                if (word(t, i).equals("UNIQUE") || word(t, i).equals("VIRTUAL")) {
                    i++;
                }
                String type = word(t, i);
                if (!List.of("TABLE", "INDEX", "TRIGGER", "VIEW").contains(type)) {
                    return new Other();
                }
                i++;
                if (word(t, i).equals("IF") && word(t, i + 1).equals("NOT") && word(t, i + 2).equals("EXISTS")) {
                    i += 3;
                }
                return i < t.size() ? new Create(type.toLowerCase(Locale.ROOT), qualifiedName(t, i)) : new Other();
            }
            case "PRAGMA" -> {
                int name = t.size() > 3 && t.get(2).is(".") ? 3 : 1;
                boolean setting = name + 1 < t.size() && (t.get(name + 1).is("=") || t.get(name + 1).is("("));
                return setting && t.get(name).text().equalsIgnoreCase("foreign_keys") && !t.get(name).quoted()
                        ? new ForeignKeysSetting() : new Other();
            }
            default -> {
                return new Other();
            }
        }
    }

    /** Whether the statement may change the schema: CREATE, DROP or ALTER. */
    static boolean changesSchema(String sql) {
        String first = word(Token.head(sql, 1), 0);
        return first.equals("CREATE") || first.equals("DROP") || first.equals("ALTER");
    }

    /** The name at {@code i}, or the one after the dot when it is {@code schema.name}. */
    private static String qualifiedName(List<Token> t, int i) {
        return i + 2 < t.size() && t.get(i + 1).is(".") ? t.get(i + 2).text() : t.get(i).text();
    }

    /** The keyword at {@code i} in upper case; empty for a quoted name, punctuation or past the end. */
    private static String word(List<Token> t, int i) {
        return i < t.size() && !t.get(i).quoted() ? t.get(i).text().toUpperCase(Locale.ROOT) : "";
    }

    /** A word, a quoted name (unquoted) or one punctuation character. */
    record Token(String text, boolean quoted) {

        boolean is(String punctuation) {
            return !quoted && text.equals(punctuation);
        }

        /** The first {@code max} tokens of {@code sql}, comments skipped. */
        static List<Token> head(String sql, int max) {
            List<Token> tokens = new ArrayList<>();
            int i = 0;
            int n = sql.length();
            while ((i = SqlBlanks.skip(sql, i)) < n && tokens.size() < max) {
                char c = sql.charAt(i);
                if (c == '"' || c == '`' || c == '\'' || c == '[') {
                    char close = c == '[' ? ']' : c;
                    StringBuilder name = new StringBuilder();
                    int j = i + 1;
                    while (j < n) {
                        char d = sql.charAt(j);
                        if (d == close) {
                            if (close != ']' && j + 1 < n && sql.charAt(j + 1) == close) {
                                name.append(d);
                                j += 2;
                                continue;
                            }
                            break;
                        }
                        name.append(d);
                        j++;
                    }
                    tokens.add(new Token(name.toString(), true));
                    i = j + 1;
                } else if (Character.isLetterOrDigit(c) || c == '_' || c == '$') {
                    int j = i;
                    while (j < n && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_'
                            || sql.charAt(j) == '$')) {
                        j++;
                    }
                    tokens.add(new Token(sql.substring(i, j), false));
                    i = j;
                } else {
                    tokens.add(new Token(String.valueOf(c), false));
                    i++;
                }
            }
            return tokens;
        }
    }
}
