package io.writerflow.maven.engine.drift;

/**
 * One difference between the live database and the schema its last applied migration describes.
 *
 * @param object  what differs: {@code table}, {@code table.column}, an index's name, a foreign key as
 *                {@code table.columns -> table.columns}
 * @param kind    {@code missing} (the migrations have it, the database does not), {@code not in migrations}
 *                (the database has it, the migrations do not) or {@code changed}
 * @param message the difference in words, object included
 */
public record Drift(String object, String kind, String message) {

    public static final String MISSING = "missing";
    public static final String NOT_IN_MIGRATIONS = "not in migrations";
    public static final String CHANGED = "changed";
}
