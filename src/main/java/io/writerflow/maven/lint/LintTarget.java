package io.writerflow.maven.lint;

/**
 * The kind of database the migrations are meant for, which decides whether libSQL-only syntax ({@code ALTER
 * COLUMN}) or SQLite-only statements can run: a file (sqlite-jdbc, plain SQLite), a remote libSQL server (Turso),
 * or not known (no database could be resolved).
 */
public enum LintTarget {
    SQLITE("a SQLite file"),
    LIBSQL("a remote libSQL database"),
    UNKNOWN("an unknown database");

    private final String described;

    LintTarget(String described) {
        this.described = described;
    }

    public String described() {
        return described;
    }
}
