package io.writerflow.maven.engine.steps;

import io.writerflow.maven.sql.SqlQuoting;

import java.util.Locale;

/**
 * One row of {@code sqlite_master} that has SQL: a table, an index written with CREATE INDEX (not one a
 * constraint makes), a trigger or a view.
 *
 * @param type  {@code table}, {@code index}, {@code trigger} or {@code view}
 * @param table the table (or view) it belongs to: its own name for a table or view
 * @param sql   the statement that creates it, as the database keeps it
 */
public record SchemaObject(String type, String name, String table, String sql) {

    public boolean is(String otherType) {
        return type.equals(otherType);
    }

    /** Whether this object is named {@code other}; SQLite's names ignore ASCII case. */
    public boolean named(String other) {
        return name.equalsIgnoreCase(other);
    }

    public boolean belongsTo(String otherTable) {
        return table.equalsIgnoreCase(otherTable);
    }

    /** "trigger users_touch", as messages name it. */
    public String describe() {
        return type + " " + name;
    }

    /** {@code DROP VIEW "v"}, {@code DROP TRIGGER "t"}, ... */
    String dropStatement() {
        return "DROP " + type.toUpperCase(Locale.ROOT) + " " + SqlQuoting.identifier(name);
    }
}
