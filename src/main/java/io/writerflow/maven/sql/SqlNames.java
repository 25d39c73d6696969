package io.writerflow.maven.sql;

import java.util.Locale;
import java.util.Optional;

/**
 * The names a migration can carry. Quoting ({@link SqlQuoting}) makes any text a name SQLite reads back as it
 * was, with three exceptions: a name SQLite cannot store or create, and one that drizzle's migrators would cut in
 * two, as they split a migration's text at every {@code --> statement-breakpoint} before reading any SQL.
 */
public final class SqlNames {

    /** drizzle-kit's statement separator, which drizzle-orm's migrator splits on wherever it stands. */
    private static final String BREAKPOINT = "--> statement-breakpoint";

    private SqlNames() {
    }

    /** What is wrong with {@code name} as the name of a column, constraint or key; empty when nothing is. */
    public static Optional<String> problem(String name) {
        if (name == null || name.isEmpty()) {
            return Optional.of("the name is empty");
        }
        if (name.indexOf('\0') >= 0) {
            return Optional.of("the name holds a NUL character (\\u0000), which ends a name in SQLite's C API");
        }
        if (hasLoneSurrogate(name)) {
            return Optional.of("the name holds half of a UTF-16 surrogate pair, which is no character and cannot be"
                    + " written as UTF-8");
        }
        if (name.contains(BREAKPOINT)) {
            return Optional.of("the name holds \"" + BREAKPOINT + "\", where drizzle's migrator would cut the"
                    + " statement in two");
        }
        return Optional.empty();
    }

    /**
     * What is wrong with {@code name} as the name of a table, index or view: also the {@code sqlite_} prefix,
     * which SQLite keeps for itself ("object name reserved for internal use").
     */
    public static Optional<String> objectProblem(String name) {
        Optional<String> problem = problem(name);
        if (problem.isEmpty() && name.toLowerCase(Locale.ROOT).startsWith("sqlite_")) {
            return Optional.of("names starting with sqlite_ are reserved for SQLite's own tables and indexes");
        }
        return problem;
    }

    private static boolean hasLoneSurrogate(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < name.length() && Character.isLowSurrogate(name.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    /** {@code name} in double quotes for messages; control characters and lone surrogates as {@code \\uXXXX}. */
    public static String shown(String name) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < name.length() && Character.isLowSurrogate(name.charAt(i + 1))) {
                out.append(c).append(name.charAt(++i));
            } else if (Character.isISOControl(c) || Character.isSurrogate(c)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
