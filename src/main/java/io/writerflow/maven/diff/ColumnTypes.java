package io.writerflow.maven.diff;

import java.util.Locale;
import java.util.Optional;

/** SQLite column types: how drizzle-kit compares them, and their affinity (SQLite's rules, section 3.1). */
public final class ColumnTypes {

    /** A column's type affinity, which decides how SQLite converts the values stored in it. */
    public enum Affinity { INTEGER, TEXT, BLOB, REAL, NUMERIC }

    private ColumnTypes() {
    }

    /** drizzle-kit treats {@code text (256)} and {@code text(256)} as the same type; so does this. */
    public static boolean sameType(String a, String b) {
        return a.replace(" (", "(").equals(b.replace(" (", "("));
    }

    public static Affinity affinity(String type) {
        String t = type.toUpperCase(Locale.ROOT);
        if (t.contains("INT")) {
            return Affinity.INTEGER;
        }
        if (t.contains("CHAR") || t.contains("CLOB") || t.contains("TEXT")) {
            return Affinity.TEXT;
        }
        if (t.isBlank() || t.contains("BLOB")) {
            return Affinity.BLOB;
        }
        if (t.contains("REAL") || t.contains("FLOA") || t.contains("DOUB")) {
            return Affinity.REAL;
        }
        return Affinity.NUMERIC;
    }

    /**
     * Whether a column of type {@code a} could plausibly have been renamed to one of type {@code b}: same
     * affinity, or both numeric.
     */
    public static boolean renameCompatible(String a, String b) {
        Affinity x = affinity(a);
        Affinity y = affinity(b);
        return x == y || (numeric(x) && numeric(y));
    }

    /**
     * How moving values from type {@code from} to type {@code to} may change them, if it may: SQLite converts
     * text that looks like a number in INTEGER, REAL and NUMERIC columns ({@code '007'} becomes {@code 7}),
     * and integers to floating point in REAL ones. REAL to INTEGER keeps values (SQLite stores 1.5 as 1.5).
     */
    public static Optional<String> narrowing(String from, String to) {
        Affinity x = affinity(from);
        Affinity y = affinity(to);
        if ((x == Affinity.TEXT || x == Affinity.BLOB) && numeric(y)) {
            return Optional.of("text that looks like a number becomes one ('007' becomes 7)");
        }
        if (y == Affinity.REAL && (x == Affinity.INTEGER || x == Affinity.NUMERIC)) {
            return Optional.of("integers become floating point (beyond 2^53 they lose precision)");
        }
        return Optional.empty();
    }

    private static boolean numeric(Affinity a) {
        return a == Affinity.INTEGER || a == Affinity.REAL || a == Affinity.NUMERIC;
    }
}
