package io.writerflow.maven.lint.analysis;

import io.writerflow.maven.diff.ColumnTypes;
import io.writerflow.maven.diff.Renames;
import io.writerflow.maven.diff.SchemaChange;
import io.writerflow.maven.diff.SchemaChange.AddCheck;
import io.writerflow.maven.diff.SchemaChange.AddColumn;
import io.writerflow.maven.diff.SchemaChange.AddForeignKey;
import io.writerflow.maven.diff.SchemaChange.AddUnique;
import io.writerflow.maven.diff.SchemaChange.AlterColumn;
import io.writerflow.maven.diff.SchemaChange.CreateIndex;
import io.writerflow.maven.diff.SchemaChange.CreateTable;
import io.writerflow.maven.diff.SchemaChange.DropColumn;
import io.writerflow.maven.diff.SchemaChange.DropTable;
import io.writerflow.maven.diff.SchemaDiff;
import io.writerflow.maven.lint.DataCondition;
import io.writerflow.maven.lint.Finding;
import io.writerflow.maven.lint.FindingCode;
import io.writerflow.maven.schema.Column;
import io.writerflow.maven.schema.ForeignKey;
import io.writerflow.maven.schema.Schema;
import io.writerflow.maven.schema.Table;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns what the statements of one migration changed ({@link MigrationReplay}) into findings.
 *
 * <p>The per-statement diffs only know drops and creates. What they mean comes from their shape: a table dropped
 * and another created by one statement is a rename ({@code ALTER TABLE ... RENAME TO}, the only statement that
 * does both), likewise a column; a table of the migration's start that is dropped while a table created earlier in
 * the same migration ends up under its name is a rebuild (create, copy, drop, rename, in whichever order), whose
 * old and new definitions are then compared as one change. Each table is followed from the migration's start to
 * its end under all its names (its lineage), so that the end state of every table that held rows is compared with
 * its start, and each difference is attributed to the statement that made it.
 */
public final class ChangeAnalysis {

    /** One table through the migration. */
    private static final class Lineage {
        final Optional<String> origin;   // its name at the migration's start; empty for a table the migration created
        final int created;               // the step that created it, -1 for a table of the start
        String name;                     // its name now
        int dropped = -1;                // the step that dropped it
        String droppedAs;
        int firstRename = -1;
        final List<ColumnEvent> columns = new ArrayList<>();
        final Map<String, Integer> indexes = new LinkedHashMap<>(); // index name -> the step that created it

        Lineage(Optional<String> origin, int created, String name) {
            this.origin = origin;
            this.created = created;
            this.name = name;
        }
    }

    /** A column dropped, added or renamed by one statement. */
    private record ColumnEvent(int step, Optional<Column> dropped, Optional<Column> added) {
        boolean rename() {
            return dropped.isPresent() && added.isPresent();
        }
    }

    private final String tag;
    private final String file;
    private final List<ReplayStep> steps;
    private final Schema initial;
    private final Schema end;
    private final List<Finding> findings = new ArrayList<>();

    private ChangeAnalysis(String tag, String file, MigrationReplay.Replayed replayed) {
        this.tag = tag;
        this.file = file;
        this.steps = replayed.steps();
        this.initial = replayed.initial();
        this.end = replayed.finalSchema();
    }

    public static List<Finding> findings(String tag, String file, MigrationReplay.Replayed replayed) {
        ChangeAnalysis analysis = new ChangeAnalysis(tag, file, replayed);
        analysis.run();
        return analysis.findings;
    }

    private void run() {
        Map<String, Lineage> live = new LinkedHashMap<>();
        initial.tables().forEach(t -> live.put(t.name(), new Lineage(Optional.of(t.name()), -1, t.name())));
        List<Lineage> dead = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            follow(i, steps.get(i).changes(), live, dead);
        }
        List<Lineage> created = live.values().stream().filter(l -> l.origin.isEmpty()).toList();
        Set<Lineage> rebuilds = new HashSet<>();
        for (Lineage old : dead) {
            if (old.origin.isEmpty()) {
                continue; // a table the migration created and dropped again: no rows of before
            }
            String origin = old.origin.get();
            Optional<Lineage> rebuilt = created.stream()
                    .filter(n -> n.name.equals(origin) && n.created < old.dropped && !rebuilds.contains(n)).findFirst();
            if (rebuilt.isPresent()) {
                rebuilds.add(rebuilt.get());
                rebuild(old, rebuilt.get());
            } else {
                dropped(old, created);
            }
        }
        for (Lineage kept : live.values()) {
            if (kept.origin.isPresent()) {
                if (!kept.name.equals(kept.origin.get())) {
                    add(FindingCode.RENAME_TABLE, kept.firstRename, "renames table " + kept.origin.get() + " to "
                            + kept.name + ": the running application still reads and writes " + kept.origin.get()
                            + " until every instance is deployed");
                }
                compare(initial.table(kept.origin.get()).orElseThrow(), kept, Optional.empty());
            }
        }
    }

    /** Updates the lineages with what step {@code i} changed. */
    private void follow(int i, List<SchemaChange> changes, Map<String, Lineage> live, List<Lineage> dead) {
        List<DropTable> drops = changes.stream().filter(c -> c instanceof DropTable).map(c -> (DropTable) c).toList();
        List<CreateTable> creates = changes.stream().filter(c -> c instanceof CreateTable).map(c -> (CreateTable) c)
                .toList();
        if (drops.size() == 1 && creates.size() == 1) {
            Lineage renamed = live.remove(drops.get(0).table().name());
            if (renamed != null) {
                renamed.name = creates.get(0).table().name();
                renamed.firstRename = renamed.firstRename < 0 ? i : renamed.firstRename;
                live.put(renamed.name, renamed);
            }
        } else {
            for (DropTable drop : drops) {
                Lineage gone = live.remove(drop.table().name());
                if (gone != null) {
                    gone.dropped = i;
                    gone.droppedAs = drop.table().name();
                    dead.add(gone);
                }
            }
            for (CreateTable create : creates) {
                Lineage made = new Lineage(Optional.empty(), i, create.table().name());
                create.table().indexes().forEach(x -> made.indexes.put(x.name(), i));
                live.put(made.name, made);
            }
        }
        Map<String, List<DropColumn>> droppedColumns = new LinkedHashMap<>();
        Map<String, List<AddColumn>> addedColumns = new LinkedHashMap<>();
        for (SchemaChange change : changes) {
            if (change instanceof DropColumn d) {
                droppedColumns.computeIfAbsent(d.table(), t -> new ArrayList<>()).add(d);
            } else if (change instanceof AddColumn a) {
                addedColumns.computeIfAbsent(a.table(), t -> new ArrayList<>()).add(a);
            } else if (change instanceof CreateIndex x && live.containsKey(x.table())) {
                live.get(x.table()).indexes.put(x.index().name(), i);
            }
        }
        Set<String> tables = new HashSet<>(droppedColumns.keySet());
        tables.addAll(addedColumns.keySet());
        for (String table : tables) {
            Lineage lineage = live.get(table);
            if (lineage == null) {
                continue;
            }
            List<DropColumn> d = droppedColumns.getOrDefault(table, List.of());
            List<AddColumn> a = addedColumns.getOrDefault(table, List.of());
            if (d.size() == 1 && a.size() == 1) {
                lineage.columns.add(new ColumnEvent(i, Optional.of(d.get(0).column()), Optional.of(a.get(0).column())));
            } else {
                d.forEach(x -> lineage.columns.add(new ColumnEvent(i, Optional.of(x.column()), Optional.empty())));
                a.forEach(x -> lineage.columns.add(new ColumnEvent(i, Optional.empty(), Optional.of(x.column()))));
            }
        }
    }

    /** A table of the start that was dropped and not rebuilt. */
    private void dropped(Lineage old, List<Lineage> created) {
        String origin = old.origin.orElseThrow();
        Table before = initial.table(origin).orElseThrow();
        Set<String> columns = columnNames(before);
        Optional<Lineage> lookalike = created.stream().filter(n -> !n.name.equals(origin))
                .filter(n -> end.table(n.name).map(ChangeAnalysis::columnNames).filter(columns::equals).isPresent())
                .findFirst();
        if (lookalike.isPresent()) {
            add(FindingCode.DROP_CREATE_RENAME, old.dropped, "drops table " + origin + " and creates "
                    + lookalike.get().name + " with the same columns: if this is a rename, its rows are lost (ALTER"
                    + " TABLE " + origin + " RENAME TO " + lookalike.get().name + " keeps them)");
            return;
        }
        boolean recreated = created.stream().anyMatch(n -> n.name.equals(origin));
        add(FindingCode.DROP_TABLE, old.dropped, "drops table " + origin + (recreated
                ? " and creates it again empty" : "") + ": its rows are lost, and the running application still"
                + " reads it until every instance is deployed");
    }

    /** A table of the start replaced by {@code rebuilt}, created before the old one was dropped. */
    private void rebuild(Lineage old, Lineage rebuilt) {
        String table = old.origin.orElseThrow();
        List<String> copies = steps.subList(rebuilt.created + 1, old.dropped).stream()
                .map(s -> s.statement().sql())
                .filter(sql -> MigrationReplay.copiesRows(sql) && mentions(sql, old.droppedAs)).toList();
        add(FindingCode.TABLE_REBUILD, rebuilt.created, "rebuilds table " + table + " (creates " + creatingName(rebuilt)
                + ", copies every row, drops the old table): the database is locked for writes while the whole"
                + " table is copied", new DataCondition.Rows(table));
        if (copies.isEmpty()) {
            add(FindingCode.REBUILD_WITHOUT_COPY, old.dropped, "replaces table " + table + " with a new one but no"
                    + " INSERT ... SELECT copies its rows from " + old.droppedAs + " first: its rows are lost",
                    new DataCondition.Rows(table));
        }
        compare(initial.table(table).orElseThrow(), rebuilt, Optional.of(new Rebuild(rebuilt.created, copies)));
    }

    /** How a rebuild brought the rows over: the step that created the new table, and the copying statements. */
    private record Rebuild(int created, List<String> copies) {
        boolean copied(String column) {
            return copies.stream().anyMatch(sql -> mentions(sql, column));
        }
    }

    /** The name the new table of a rebuild was created under, {@code __new_users}. */
    private String creatingName(Lineage rebuilt) {
        return steps.get(rebuilt.created).changes().stream().filter(c -> c instanceof CreateTable)
                .map(c -> ((CreateTable) c).table().name()).findFirst().orElse(rebuilt.name);
    }

    /** Compares a table of the start with what it became, by its lineage. */
    private void compare(Table before, Lineage after, Optional<Rebuild> rebuild) {
        Table now = end.table(after.name).orElseThrow();
        Table renamed = renamedTo(before, now.name());
        List<SchemaChange> changes = SchemaDiff.diff(new Schema(List.of(renamed), List.of()),
                new Schema(List.of(now), List.of()), Renames.NONE, true);
        String table = now.name();
        int anchor = rebuild.map(Rebuild::created).orElse(0);
        List<Column> dropped = new ArrayList<>();
        List<Column> added = new ArrayList<>();
        for (SchemaChange change : changes) {
            if (change instanceof DropColumn d) {
                dropped.add(d.column());
            } else if (change instanceof AddColumn a) {
                added.add(a.column());
            }
        }
        // columns renamed by a statement of their own (RENAME COLUMN)
        for (ColumnEvent event : after.columns) {
            if (event.rename() && dropped.removeIf(c -> c.name().equals(event.dropped().get().name()))
                    && added.removeIf(c -> c.name().equals(event.added().get().name()))) {
                String from = event.dropped().get().name();
                add(FindingCode.RENAME_COLUMN, event.step(), "renames column " + table + "." + from + " to "
                        + event.added().get().name() + ": the running application still reads and writes " + from
                        + " until every instance is deployed");
            }
        }
        for (Column gone : dropped) {
            int step = after.columns.stream().filter(e -> e.dropped().filter(c -> c.name().equals(gone.name()))
                    .isPresent()).map(ColumnEvent::step).findFirst().orElse(anchor);
            Optional<Column> lookalike = added.stream()
                    .filter(c -> ColumnTypes.renameCompatible(gone.type(), c.type())).findFirst();
            if (lookalike.isPresent() && rebuild.isPresent() && rebuild.get().copied(gone.name())) {
                added.remove(lookalike.get());
                add(FindingCode.RENAME_COLUMN, step, "renames column " + table + "." + gone.name() + " to "
                        + lookalike.get().name() + " by rebuilding the table: the running application still reads"
                        + " and writes " + gone.name() + " until every instance is deployed");
            } else if (lookalike.isPresent()) {
                added.remove(lookalike.get());
                add(FindingCode.DROP_CREATE_RENAME, step, "drops column " + table + "." + gone.name() + " and adds "
                        + lookalike.get().name() + " of a compatible type: if this is a rename, the values of "
                        + gone.name() + " are lost (ALTER TABLE " + table + " RENAME COLUMN keeps them)");
                notNull(table, before.name(), lookalike.get(), step);
            } else {
                add(FindingCode.DROP_COLUMN, step, "drops column " + table + "." + gone.name() + ": its values are"
                        + " lost, and the running application still reads it until every instance is deployed");
            }
        }
        for (Column column : added) {
            int step = after.columns.stream().filter(e -> e.added().filter(c -> c.name().equals(column.name()))
                    .isPresent()).map(ColumnEvent::step).findFirst().orElse(anchor);
            notNull(table, before.name(), column, step);
        }
        for (SchemaChange change : changes) {
            if (change instanceof AlterColumn alter) {
                altered(table, before.name(), alter, anchor);
            } else if (change instanceof CreateIndex x && x.index().unique()) {
                add(FindingCode.UNIQUE_ON_EXISTING, after.indexes.getOrDefault(x.index().name(), anchor),
                        "adds UNIQUE index " + x.index().name() + " on " + table + " (" + String.join(", ",
                                x.index().columnValues()) + "): will fail if " + table
                                + " has rows with duplicate values in them",
                        new DataCondition.Duplicates(before.name(), x.index().columnValues()));
            } else if (change instanceof AddUnique u) {
                add(FindingCode.UNIQUE_ON_EXISTING, anchor, "adds UNIQUE constraint " + u.unique().name() + " on "
                        + table + " (" + String.join(", ", u.unique().columns()) + "): will fail if " + table
                        + " has rows with duplicate values in them",
                        new DataCondition.Duplicates(before.name(), u.unique().columns()));
            } else if (change instanceof AddCheck c) {
                add(FindingCode.CHECK_ON_EXISTING, anchor, "adds CHECK " + (c.check().name().isEmpty() ? ""
                        : c.check().name() + " ") + "(" + c.check().value() + ") on " + table + ": will fail if "
                        + table + " has rows it rejects",
                        new DataCondition.Rejected(before.name(), c.check().value()));
            } else if (change instanceof AddForeignKey f && !dropped(before, f.foreignKey())) {
                ForeignKey key = f.foreignKey();
                add(FindingCode.FOREIGN_KEY_ON_EXISTING, anchor, "adds a foreign key from " + table + " ("
                        + String.join(", ", key.columnsFrom()) + ") to " + key.tableTo() + ": will fail if " + table
                        + " has rows that match no row of " + key.tableTo(), new DataCondition.Orphans(before.name(),
                        key.columnsFrom(), key.tableTo(), key.columnsTo()));
            }
        }
    }

    /** A foreign key whose columns are dropped is no new key on the rows. */
    private static boolean dropped(Table before, ForeignKey key) {
        return key.columnsFrom().stream().anyMatch(c -> before.column(c).isEmpty());
    }

    /**
     * A new column NOT NULL without a default on a table that has rows.
     *
     * @param origin the table's name before the migration, which the data conditions name (they are asked of the
     *               database as it is before the migration runs)
     */
    private void notNull(String table, String origin, Column column, int step) {
        if (!column.notNull() || column.defaultValue().isPresent() || column.generated().isPresent()
                || column.primaryKey()) {
            return;
        }
        add(FindingCode.NOT_NULL_WITHOUT_DEFAULT, step, "adds NOT NULL column " + table + "." + column.name()
                + " without a default: the old code's inserts fail");
        add(FindingCode.NOT_NULL_ON_EXISTING, step, "adds NOT NULL column " + table + "." + column.name()
                + " without a default: will fail if " + table + " has rows, unless the copy gives each a value",
                new DataCondition.Rows(origin));
    }

    private void altered(String table, String origin, AlterColumn alter, int step) {
        Set<AlterColumn.Aspect> aspects = alter.aspects();
        String column = table + "." + alter.to().name();
        if (aspects.contains(AlterColumn.Aspect.TYPE)) {
            ColumnTypes.narrowing(alter.from().type(), alter.to().type()).ifPresent(how -> add(FindingCode.NARROW_TYPE,
                    step, "changes column " + column + " from " + alter.from().type() + " to " + alter.to().type()
                            + ": " + how));
        }
        if (aspects.contains(AlterColumn.Aspect.NOT_NULL) && alter.to().notNull()) {
            if (alter.to().defaultValue().isEmpty()) {
                add(FindingCode.NOT_NULL_WITHOUT_DEFAULT, step, "makes column " + column + " NOT NULL without a"
                        + " default: the old code's inserts that leave it out fail");
            }
            add(FindingCode.NOT_NULL_ON_EXISTING, step, "makes column " + column + " NOT NULL: will fail if " + table
                    + " has rows where " + alter.to().name() + " is NULL", new DataCondition.Nulls(origin,
                    alter.from().name()));
        }
    }

    private static Table renamedTo(Table table, String name) {
        if (table.name().equals(name)) {
            return table;
        }
        return new Table(name, table.columns(), table.indexes(), table.foreignKeys().stream()
                .map(k -> new ForeignKey(k.name(), name, k.columnsFrom(), k.tableTo(), k.columnsTo(), k.onUpdate(),
                        k.onDelete())).toList(), table.compositePrimaryKeys(), table.uniqueConstraints(),
                table.checks());
    }

    private static Set<String> columnNames(Table table) {
        Set<String> names = new HashSet<>();
        table.columns().forEach(c -> names.add(c.name().toLowerCase(Locale.ROOT)));
        return names;
    }

    /** Whether {@code name} appears in {@code sql} as a word (bare or quoted), case-insensitively. */
    static boolean mentions(String sql, String name) {
        return Pattern.compile("(?<![\\w$])" + Pattern.quote(name) + "(?![\\w$])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(sql).find();
    }

    private void add(FindingCode code, int step, String message) {
        findings.add(Finding.of(code, tag, file, line(step), message));
    }

    private void add(FindingCode code, int step, String message, DataCondition condition) {
        findings.add(Finding.of(code, tag, file, line(step), message).dependingOn(condition));
    }

    private int line(int step) {
        return steps.isEmpty() ? 1 : steps.get(Math.max(0, Math.min(step, steps.size() - 1))).statement().line();
    }
}
