package io.writerflow.maven.schema.introspect;

import io.writerflow.maven.schema.Check;
import io.writerflow.maven.schema.Column;
import io.writerflow.maven.schema.Index;
import io.writerflow.maven.schema.Schema;
import io.writerflow.maven.schema.Table;
import io.writerflow.maven.schema.View;

import java.util.Locale;

/**
 * A schema with its SQL text in one spelling, so that a database and a snapshot that mean the same thing
 * compare equal. Needed because not every engine keeps the DDL as it was written: the Turso server stores
 * {@code like} as {@code LIKE}, {@code lower("slug")} as {@code lower ("slug")}, {@code true} as
 * {@code TRUE} and {@code text(256)} as {@code text}. Keywords are case-insensitive in SQLite and a type's
 * length is never enforced, so neither spelling is a difference worth reporting.
 */
public final class Canonical {

    private Canonical() {
    }

    public static Schema schema(Schema schema) {
        return new Schema(schema.tables().stream().map(Canonical::table).toList(),
                schema.views().stream().map(v -> new View(v.name(), v.columns().stream().map(Canonical::column).toList(),
                        v.definition().map(Canonical::sql), v.existing())).toList());
    }

    /**
     * A UNIQUE constraint is the unique index of the same name and columns: SQLite enforces both the same way, and
     * drizzle-kit 0.31 models {@code unique().on(...)} as that index while 1.0 and hand-written DDL make it a
     * constraint; a database and snapshots written by either compare equal (and writerflow:pull's code, which can
     * only say the index in 0.31's terms, reads back as the database).
     */
    public static Table table(Table t) {
        java.util.List<Index> indexes = new java.util.ArrayList<>(t.indexes().stream().map(i -> new Index(i.name(),
                i.columns().stream().map(c -> c.expression() ? new Index.IndexColumn(sql(c.value()), true) : c).toList(),
                i.unique(), i.where().map(Canonical::sql))).toList());
        t.uniqueConstraints().forEach(u -> indexes.add(new Index(u.name(),
                u.columns().stream().map(Index.IndexColumn::column).toList(), true, java.util.Optional.empty())));
        return new Table(t.name(), t.columns().stream().map(Canonical::column).toList(), indexes,
                t.foreignKeys(), t.compositePrimaryKeys(), java.util.List.of(),
                t.checks().stream().map(c -> new Check(c.name(), sql(c.value()))).toList());
    }

    /**
     * A primary key column is NOT NULL in drizzle's model whatever the DDL says: drizzle-kit 1.0 writes
     * {@code `id` integer PRIMARY KEY} without it (an integer key never holds NULL), 0.31 with it.
     */
    public static Column column(Column c) {
        return new Column(c.name(), type(c.type()), c.primaryKey(), c.notNull() || c.primaryKey(), c.autoincrement(),
                c.defaultValue().map(d -> Column.DefaultValue.sql(sql(d.sql()))),
                c.generated().map(g -> new Column.Generated(sql(g.as()), g.type().toLowerCase(Locale.ROOT))));
    }

    /** {@code TEXT(256)} and {@code text} are the same SQLite type: lowercase, without a length. */
    static String type(String type) {
        return type.replaceAll("\\s*\\(.*\\)\\s*$", "").strip().toLowerCase(Locale.ROOT);
    }

    /**
     * Lowercase outside string literals, whitespace runs as one space, none next to parentheses, commas and
     * dots. Quoted names are lowercased (names are case-insensitive) but otherwise kept as they are: a quote of
     * another kind inside one (a {@code '} in {@code "it's"}) opens nothing.
     */
    static String sql(String text) {
        StringBuilder out = new StringBuilder();
        char quote = 0; // the quote the current string or name ends with, 0 outside any
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                out.append(quote == '\'' ? c : Character.toLowerCase(c));
                if (c == quote) {
                    quote = 0; // a doubled quote closes and opens again
                }
            } else if (c == '\'' || c == '"' || c == '`' || c == '[') {
                appendCode(out, c);
                quote = c == '[' ? ']' : c;
            } else if (Character.isWhitespace(c)) {
                if (out.length() > 0 && out.charAt(out.length() - 1) != ' ') {
                    out.append(' ');
                }
            } else {
                appendCode(out, c);
            }
        }
        return out.toString().strip();
    }

    private static void appendCode(StringBuilder out, char c) {
        boolean spaced = out.length() > 0 && out.charAt(out.length() - 1) == ' ';
        boolean afterOpening = out.length() > 1 && "(.".indexOf(out.charAt(out.length() - 2)) >= 0;
        if (spaced && ("(),.".indexOf(c) >= 0 || afterOpening)) {
            out.setLength(out.length() - 1);
        }
        out.append(Character.toLowerCase(c));
    }
}
