package io.writerflow.maven.engine.steps;

import io.writerflow.maven.diff.SqlIdentifiers;
import io.writerflow.maven.migrations.Statement;
import io.writerflow.maven.sql.SqlQuoting;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What apply adds around one table rebuild so that it keeps what the migration does not know about, worked out
 * from the schema as it is when the rebuild drops the old table (SQLite's own procedure for changing a table,
 * https://www.sqlite.org/lang_altertable.html#otheralter, steps 3, 8 and 9):
 * <ul>
 *   <li>before {@code DROP TABLE t}: the AUTOINCREMENT sequence of {@code t} moves to the new table, so that
 *       ids of deleted rows are not handed out again; views and other tables' triggers that read {@code t}
 *       are dropped (see {@link Neighbours}), so that the rename can run;</li>
 *   <li>after {@code ALTER TABLE x RENAME TO t}: {@code t}'s triggers and hand-written indexes, and the views
 *       and triggers dropped before, are created again from the statements the database kept for them,
 *       unchanged and in their original order.</li>
 * </ul>
 * What the migration creates itself right after the rebuild (the indexes of drizzle's schema, a view it
 * redefines) is left to the migration, and so are indexes the previous snapshot declares: drizzle's rebuild
 * creates those it keeps, and one it does not create was removed from the schema.
 */
public final class RebuildKeeping {

    private final RebuildScan.Rebuild rebuild;
    private final List<Step> before;
    private final List<SchemaObject> recreated;

    private RebuildKeeping(RebuildScan.Rebuild rebuild, List<Step> before, List<SchemaObject> recreated) {
        this.rebuild = rebuild;
        this.before = before;
        this.recreated = recreated;
    }

    /**
     * @param catalog      the schema just before the migration's {@code DROP TABLE}
     * @param knownIndexes the names of the indexes the previous snapshot declares, in lower case
     * @param drop         the migration's {@code DROP TABLE} statement
     * @param guard        a statement that fails the migration unless the database's schema is still
     *                     {@code catalog} (for a transaction built before it runs), or empty
     */
    static RebuildKeeping plan(RebuildScan.Rebuild rebuild, Catalog catalog, RebuildScan scan,
            Set<String> knownIndexes, Statement drop, Optional<String> guard) {
        String table = rebuild.table();
        List<Step> before = new ArrayList<>();
        guard.ifPresent(sql -> before.add(Step.check(sql, drop, "checking that the indexes, triggers and views of the"
                + " database are those apply read before sending the migration, for the rebuild of " + table,
                "Apply again: apply reads the schema anew. If it fails the same way, the schema holds objects apply"
                        + " cannot reproduce; drop and re-create them around the rebuild in the migration itself.")));
        Optional<SchemaObject> old = catalog.table(table);
        Optional<SchemaObject> replacement = catalog.table(rebuild.replacement());
        if (old.isPresent() && replacement.isPresent() && autoincrement(old.get())
                && autoincrement(replacement.get())) {
            before.addAll(sequence(old.get().name(), replacement.get().name(), drop));
        }
        Neighbours neighbours = Neighbours.of(catalog, table, scan.droppedBefore(rebuild.drop()));
        List<SchemaObject> dependents = neighbours.dependents();
        List<SchemaObject> reversed = new ArrayList<>(dependents);
        Collections.reverse(reversed);
        for (SchemaObject o : reversed) {
            boolean goesWithItsView = o.is("trigger") && dependents.stream().anyMatch(d -> d.is("view")
                    && d.named(o.table()));
            if (!goesWithItsView) {
                before.add(Step.added(o.dropStatement(), drop, "dropping " + o.describe() + ", which reads "
                        + table + ", until the rebuilt table is in place", "Drop " + o.describe()
                        + " in the migration before the rebuild, and create it again after it."));
            }
        }
        List<SchemaObject> recreated = new ArrayList<>();
        for (SchemaObject o : catalog.objects()) {
            boolean own = neighbours.own().contains(o)
                    && !(o.is("index") && knownIndexes.contains(o.name().toLowerCase(java.util.Locale.ROOT)));
            if ((own || dependents.contains(o)) && !scan.createsNext(o.name(), rebuild.rename())) {
                recreated.add(o);
            }
        }
        return new RebuildKeeping(rebuild, List.copyOf(before), List.copyOf(recreated));
    }

    /** Runs just before the migration's {@code DROP TABLE}. */
    List<Step> before() {
        return before;
    }

    /** Runs just after the migration's {@code ALTER TABLE ... RENAME TO}, statement {@code rename}. */
    List<Step> after(Statement rename) {
        String table = rebuild.table();
        return recreated.stream().map(o -> Step.added(o.sql(), rename, "re-creating " + o.describe()
                + (o.belongsTo(table) ? " of " + table + ", which dropping the old table dropped"
                : ", dropped for the rebuild of " + table), "The rebuild of " + table + " changed what "
                + o.describe() + " uses. Add DROP " + o.type().toUpperCase(java.util.Locale.ROOT) + " "
                + SqlQuoting.identifier(o.name()) + "; to the migration before the rebuild (and a CREATE "
                + o.type().toUpperCase(java.util.Locale.ROOT) + " that fits the new table after it), or drop "
                + o.describe() + " from the database first.")).toList();
    }

    int rename() {
        return rebuild.rename();
    }

    /**
     * The old table's sequence onto the new one: the copy of the rows set the new table's sequence to its
     * largest id, which is lower than the old sequence once the rows with the highest ids were deleted. The
     * rename then carries it over (SQLite renames the sequence's row with its table).
     */
    private static List<Step> sequence(String table, String replacement, Statement drop) {
        String old = "(SELECT seq FROM sqlite_sequence WHERE name = " + SqlQuoting.literal(table) + ")";
        String purpose = "keeping the AUTOINCREMENT sequence of " + table + ", so that ids are not used again";
        String fix = "Report this with the migration: the sequence of " + table + " could not be carried over.";
        return List.of(
                Step.added("UPDATE sqlite_sequence SET seq = " + old + " WHERE name = "
                        + SqlQuoting.literal(replacement) + " AND seq < " + old, drop, purpose, fix),
                Step.added("INSERT INTO sqlite_sequence (name, seq) SELECT " + SqlQuoting.literal(replacement)
                        + ", seq FROM sqlite_sequence WHERE name = " + SqlQuoting.literal(table) + " AND NOT EXISTS"
                        + " (SELECT 1 FROM sqlite_sequence WHERE name = " + SqlQuoting.literal(replacement) + ")",
                        drop, purpose, fix));
    }

    private static boolean autoincrement(SchemaObject table) {
        return SqlIdentifiers.mentions(table.sql(), "AUTOINCREMENT");
    }
}
