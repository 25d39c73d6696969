package io.writerflow.maven.plan;

import io.writerflow.maven.diff.ColumnTypes;
import io.writerflow.maven.diff.SchemaChange;
import io.writerflow.maven.diff.SqlIdentifiers;
import io.writerflow.maven.schema.Check;
import io.writerflow.maven.schema.Column;
import io.writerflow.maven.schema.Index;
import io.writerflow.maven.schema.Loss;
import io.writerflow.maven.schema.Table;
import io.writerflow.maven.schema.View;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Rebuilds a table the way drizzle-kit lays it out ({@code PRAGMA foreign_keys=OFF}, create
 * {@code __new_t}, copy, drop, rename, {@code PRAGMA foreign_keys=ON}, the table's indexes), with the
 * copy done right:
 * <ul>
 *   <li>only columns the old table has are copied; new columns take their defaults;</li>
 *   <li>generated columns are never written (SQLite refuses it; they compute themselves);</li>
 *   <li>a column that becomes NOT NULL and has a default copies {@code IFNULL(col, default)}; without a
 *       default the copy fails on the first NULL, before anything was dropped;</li>
 *   <li>the new table keeps its unique constraints, and its expression indexes are written as expressions;</li>
 *   <li>views reading the table are dropped and created around it (SQLite fails the rename otherwise);</li>
 *   <li>no other table's index is touched.</li>
 * </ul>
 * <p>The PRAGMAs are drizzle-kit's and kept for familiar files; several rebuilds of one migration share the
 * first one's OFF and the last one's ON ({@link SqlitePlanner}). Inside a transaction SQLite ignores
 * {@code PRAGMA foreign_keys}, so they do not protect the rows of {@code ON DELETE CASCADE} children from
 * the {@code DROP TABLE}: the apply engine switches enforcement off for its connection outside the
 * migration's transaction, does not send a migration's own {@code PRAGMA foreign_keys} (Turso's engine would
 * obey it mid-transaction) and runs the foreign-key check before committing. Run outside a transaction (the
 * sqlite3 shell), the PRAGMAs do that job themselves.
 */
final class TableRebuild {

    static final String FOREIGN_KEYS_OFF = "PRAGMA foreign_keys=OFF;";
    static final String FOREIGN_KEYS_ON = "PRAGMA foreign_keys=ON;";

    private TableRebuild() {
    }

    static List<PlannedStatement> statements(Before before, Table after, List<SchemaChange> sources,
                                             List<String> reasons, DependentViews dependentViews) {
        String name = after.name();
        String temporary = "__new_" + name;
        String why = "Rebuild " + name;
        List<View> views = dependentViews.of(before, null);
        List<PlannedStatement> out = new ArrayList<>();
        out.add(statement(FOREIGN_KEYS_OFF, why + ": foreign-key enforcement off (a no-op inside a transaction,"
                + " so the apply engine turns it off around the migration and checks foreign keys before commit)",
                sources));
        for (View view : views) {
            out.add(statement(SqliteDdl.dropView(view.name()), why + ": drop view " + view.name()
                    + ", which reads " + name + ", until the table is back", sources));
        }
        out.add(statement(SqliteDdl.createTable(temporary, renamedFor(after, name, temporary), checksFor(after, name,
                temporary)), why + ", because ALTER TABLE cannot " + String.join("; ", reasons) + ": create the new"
                + " table as " + temporary, sources));
        List<Column> copied = after.columns().stream().filter(c -> c.generated().isEmpty())
                .filter(c -> before.column(c.name()).isPresent()).toList();
        List<Note> notes = dataLoss(before, after, copied);
        String note = notes.stream().map(Note::sentence).collect(Collectors.joining("\n"));
        List<Loss> losses = notes.stream().flatMap(n -> n.loss().stream()).distinct().toList();
        if (!copied.isEmpty()) {
            String columns = copied.stream().map(c -> SqliteDdl.quoted(c.name())).collect(Collectors.joining(", "));
            String values = copied.stream().map(c -> copyExpression(c, before.column(c.name()).orElseThrow()))
                    .collect(Collectors.joining(", "));
            PlannedStatement copy = statement("INSERT INTO " + SqliteDdl.q(temporary) + "(" + columns + ") SELECT "
                    + values + " FROM " + SqliteDdl.q(name) + ";", why + ": copy the rows", sources);
            out.add(notes.isEmpty() ? copy : copy.withDataLoss(note, losses));
        }
        PlannedStatement drop = statement(SqliteDdl.dropTable(name), why + ": drop the old table", sources);
        out.add(copied.isEmpty() && !notes.isEmpty() ? drop.withDataLoss(note, losses) : drop);
        out.add(statement(SqliteDdl.renameTable(temporary, name), why + ": give the new table its name", sources));
        out.add(statement(FOREIGN_KEYS_ON, why + ": foreign-key enforcement back on", sources));
        for (Index index : after.indexes()) {
            out.add(statement(SqliteDdl.createIndex(name, index), why + ": create its index " + index.name()
                    + " again", sources));
        }
        for (View view : views) {
            out.add(statement(SqliteDdl.createView(view), why + ": create view " + view.name() + " again", sources));
        }
        return out;
    }

    /** What the rebuild copies into {@code column}: the old value, or its default where it is NULL. */
    private static String copyExpression(Column column, Column previous) {
        String quoted = SqliteDdl.quoted(column.name());
        boolean mayHoldNull = !previous.notNull() || previous.generated().isPresent();
        if (column.notNull() && mayHoldNull && column.defaultValue().isPresent()) {
            return "IFNULL(" + quoted + ", " + column.defaultValue().get().sql() + ")";
        }
        return quoted;
    }

    /** A sentence on data the rebuild destroys, or on rows it fails on (no loss then: nothing is changed). */
    private record Note(String sentence, Optional<Loss> loss) {

        static Note lost(String sentence, Loss loss) {
            return new Note(sentence, Optional.of(loss));
        }
    }

    private static List<Note> dataLoss(Before before, Table after, List<Column> copied) {
        String t = after.name();
        List<Note> notes = new ArrayList<>();
        for (Column previous : before.table().columns()) {
            String current = before.currentName(previous);
            if (after.column(current).isEmpty() && previous.generated().isEmpty()) {
                notes.add(Note.lost("Drops column " + t + "." + current + " and its data", Loss.column(t, current)));
            }
        }
        for (Column column : after.columns()) {
            Optional<Column> previous = before.column(column.name());
            if (previous.isEmpty()) {
                continue;
            }
            Column p = previous.get();
            Loss values = Loss.column(t, column.name());
            if (column.generated().isPresent() && p.generated().isEmpty()) {
                notes.add(Note.lost("Replaces the values stored in " + t + "." + column.name()
                        + " with its generated expression", values));
                continue;
            }
            if (column.notNull() && !p.notNull()) {
                // with a default, the NULLs become the default: which rows held NULL is lost
                notes.add(column.defaultValue().map(d -> Note.lost("Makes " + t + "." + column.name() + " NOT NULL:"
                                + " rows holding NULL there get its default " + d.sql(), values))
                        .orElse(new Note("Makes " + t + "." + column.name() + " NOT NULL without a default: applying"
                                + " fails if a row of " + t + " holds NULL there", Optional.empty())));
            }
            ColumnTypes.narrowing(p.type(), column.type()).ifPresent(how -> notes.add(Note.lost("Changes " + t + "."
                    + column.name() + " from " + p.type() + " to " + column.type() + ": " + how, values)));
        }
        if (copied.isEmpty() && !before.table().columns().isEmpty()) {
            notes.add(Note.lost("Keeps none of the rows of " + t + ": none of its columns remains", Loss.table(t)));
        }
        return notes;
    }

    /** The new table's generated columns, with references to the table by name pointed at the new one. */
    private static Table renamedFor(Table table, String name, String temporary) {
        List<Column> columns = table.columns().stream().map(c -> c.generated().isEmpty() ? c
                : new Column(c.name(), c.type(), c.primaryKey(), c.notNull(), c.autoincrement(), c.defaultValue(),
                c.generated().map(g -> new Column.Generated(SqlIdentifiers.renameQualifier(g.as(), name, temporary),
                        g.type())))).toList();
        return new Table(temporary, columns, table.indexes(), table.foreignKeys(), table.compositePrimaryKeys(),
                table.uniqueConstraints(), table.checks());
    }

    /** drizzle-kit points {@code "t".col} in CHECKs at {@code "__new_t".col}; SQLite renames them back. */
    private static List<Check> checksFor(Table table, String name, String temporary) {
        return table.checks().stream()
                .map(c -> new Check(c.name(), SqlIdentifiers.renameQualifier(c.value(), name, temporary))).toList();
    }

    private static PlannedStatement statement(String sql, String comment, List<SchemaChange> sources) {
        return new PlannedStatement(sql, comment, Optional.empty(), sources, List.of());
    }
}
