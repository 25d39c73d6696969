package io.writerflow.maven.sql;

/**
 * The one way names and text are written into SQL, by the planner, the history writers, drift and backup:
 * between quotes, with every quote character inside doubled, which is how SQLite reads a quote inside a quoted
 * name or string. Nothing in a name can then end the name early and become SQL of its own.
 */
public final class SqlQuoting {

    private SqlQuoting() {
    }

    /** {@code text} between two {@code quote}s, each {@code quote} inside doubled. */
    public static String quote(String text, char quote) {
        String q = String.valueOf(quote);
        return q + text.replace(q, q + q) + q;
    }

    /** A name in double quotes, SQL's own quoting: {@code "we""ird"}. */
    public static String identifier(String name) {
        return quote(name, '"');
    }

    /** A name in backquotes, as drizzle-kit writes names in its migrations: {@code `we``ird`}. */
    public static String backquoted(String name) {
        return quote(name, '`');
    }

    /** A string literal: {@code 'it''s'}. */
    public static String literal(String text) {
        return quote(text, '\'');
    }

    /**
     * A name as it stands where drizzle-kit writes names without quotes ({@code CONSTRAINT name UNIQUE},
     * {@code REFERENCES table(column)}): as it is when SQLite reads it as that name, so ordinary names come
     * out byte for byte as drizzle-kit writes them, and in double quotes otherwise.
     */
    public static String name(String name) {
        return isBare(name) ? name : identifier(name);
    }

    /**
     * Whether SQLite reads {@code name} without quotes as that name: a letter or {@code _}, then letters,
     * digits, {@code _} or {@code $}, and not one of SQLite's keywords.
     */
    public static boolean isBare(String name) {
        if (name.isEmpty() || !(Character.isLetter(name.charAt(0)) || name.charAt(0) == '_')) {
            return false;
        }
        for (int i = 1; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '_' || c == '$')) {
                return false;
            }
        }
        return !SqlKeywords.isKeyword(name);
    }
}
