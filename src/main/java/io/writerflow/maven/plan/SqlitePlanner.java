package io.writerflow.maven.plan;

import io.writerflow.maven.diff.SchemaChange;
import io.writerflow.maven.diff.SchemaChange.AddColumn;
import io.writerflow.maven.diff.SchemaChange.AddForeignKey;
import io.writerflow.maven.diff.SchemaChange.AlterColumn;
import io.writerflow.maven.diff.SchemaChange.CreateIndex;
import io.writerflow.maven.diff.SchemaChange.CreateTable;
import io.writerflow.maven.diff.SchemaChange.CreateView;
import io.writerflow.maven.diff.SchemaChange.DropColumn;
import io.writerflow.maven.diff.SchemaChange.DropIndex;
import io.writerflow.maven.diff.SchemaChange.DropTable;
import io.writerflow.maven.diff.SchemaChange.DropView;
import io.writerflow.maven.diff.SchemaChange.RenameColumn;
import io.writerflow.maven.diff.SchemaChange.RenameTable;
import io.writerflow.maven.schema.Column;
import io.writerflow.maven.schema.ForeignKey;
import io.writerflow.maven.schema.Loss;
import io.writerflow.maven.schema.Schema;
import io.writerflow.maven.schema.Table;
import io.writerflow.maven.schema.View;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns a diff into the statements of a SQLite migration that run on SQLite, libSQL and Turso alike.
 *
 * <p>The order is drizzle-kit 0.31's: table by table in the order the diff first names them, with table
 * renames and then column renames moved to the front, and identical statements written once. Three
 * deliberate departures keep migrations from failing halfway: views that are dropped go first (a broken view
 * makes SQLite refuse later renames); changes ALTER TABLE cannot make rebuild the table correctly
 * ({@link TableRebuild}) where drizzle-kit's rebuild loses or invents data; and several rebuilds in one
 * migration share one {@code PRAGMA foreign_keys=OFF} ... {@code =ON} bracket, where drizzle-kit closes it after
 * the first rebuild.
 */
public final class SqlitePlanner {

    private SqlitePlanner() {
    }

    /**
     * @param from    the schema before, as the previous snapshot has it
     * @param to      the schema after
     * @param changes {@code SchemaDiff.diff(from, to, ...)}
     */
    public static Plan plan(Schema from, Schema to, List<SchemaChange> changes) {
        Set<String> droppedViews = changes.stream().filter(c -> c instanceof DropView).map(SchemaChange::subject)
                .collect(Collectors.toSet());
        DependentViews dependentViews = new DependentViews(from, to, droppedViews);
        List<PlannedStatement> viewDrops = new ArrayList<>();
        List<PlannedStatement> tableRenames = new ArrayList<>();
        List<PlannedStatement> columnRenames = new ArrayList<>();
        List<PlannedStatement> body = new ArrayList<>();
        List<PlannedStatement> viewCreates = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        List<Plan.Rebuild> rebuilds = new ArrayList<>();

        for (SchemaChange change : changes) {
            if (change instanceof DropView d) {
                viewDrops.add(new PlannedStatement(SqliteDdl.dropView(d.view().name()), "Drop view " + d.view().name()
                        + (d.view().existing() ? "" : ", before any table changes it reads"), change));
            } else if (change instanceof CreateView c) {
                viewCreates.add(new PlannedStatement(SqliteDdl.createView(c.view()), "Create view " + c.view().name(),
                        change));
            }
        }
        List<SchemaChange> tableChanges = changes.stream()
                .filter(c -> !(c instanceof DropView) && !(c instanceof CreateView)).toList();
        // what Before needs of every table, found once rather than among all changes for each table
        List<SchemaChange> renames = changes.stream()
                .filter(c -> c instanceof RenameTable || c instanceof RenameColumn).toList();
        for (Map.Entry<String, List<SchemaChange>> group : GroupOrder.byTable(tableChanges).entrySet()) {
            List<SchemaChange> rest = new ArrayList<>();
            for (SchemaChange change : group.getValue()) {
                if (change instanceof RenameTable r) {
                    tableRenames.add(new PlannedStatement(SqliteDdl.renameTable(r.from(), r.to()),
                            "Rename table " + r.from() + " to " + r.to() + " (its rows, indexes and the foreign keys"
                                    + " pointing at it follow)", change));
                } else if (change instanceof RenameColumn r) {
                    columnRenames.add(new PlannedStatement(SqliteDdl.renameColumn(r.table(), r.from(), r.to()),
                            "Rename column " + r.table() + "." + r.from() + " to " + r.to() + " (its data follows)",
                            change));
                } else {
                    rest.add(change);
                }
            }
            if (!rest.isEmpty()) {
                body.addAll(tableStatements(group.getKey(), rest, from, to, renames, dependentViews, warnings,
                        rebuilds));
            }
        }

        List<PlannedStatement> all = new ArrayList<>(viewDrops);
        all.addAll(tableRenames);
        all.addAll(columnRenames);
        all.addAll(body);
        all.addAll(viewCreates);
        // drizzle-kit writes a statement only once, so its second rebuild runs after the first one's
        // PRAGMA foreign_keys=ON: one bracket around all of them instead (run outside a transaction, as by the
        // sqlite3 shell, every rebuild then runs with enforcement off)
        int lastOn = all.stream().map(PlannedStatement::sql).toList().lastIndexOf(TableRebuild.FOREIGN_KEYS_ON);
        Set<String> seen = new HashSet<>();
        List<PlannedStatement> unique = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            PlannedStatement s = all.get(i);
            boolean earlierOn = s.sql().equals(TableRebuild.FOREIGN_KEYS_ON) && i != lastOn;
            if (!earlierOn && seen.add(s.sql())) {
                unique.add(s);
            }
        }
        List<String> allWarnings = new ArrayList<>();
        unique.forEach(s -> s.dataLoss().ifPresent(note -> allWarnings.addAll(note.lines().toList())));
        allWarnings.addAll(warnings);
        return new Plan(unique, allWarnings, rebuilds);
    }

    private static List<PlannedStatement> tableStatements(String table, List<SchemaChange> group, Schema from,
                                                          Schema to, List<SchemaChange> renames,
                                                          DependentViews dependentViews, List<String> warnings,
                                                          List<Plan.Rebuild> rebuilds) {
        Optional<Before> before = Before.of(from, renames, table);
        Optional<Table> after = before.isPresent() ? to.table(table) : Optional.empty();
        if (after.isPresent()) {
            List<String> reasons = RebuildRules.reasons(group, before.get());
            if (!reasons.isEmpty()) {
                warnIfAddedNotNull(group, warnings);
                Table kept = after.get();
                rebuilds.add(new Plan.Rebuild(kept.name(), before.get().table().columns().stream()
                        .filter(c -> kept.column(before.get().currentName(c)).isEmpty()).map(Column::name).toList()));
                return TableRebuild.statements(before.get(), after.get(), group, reasons, dependentViews);
            }
        }
        List<PlannedStatement> out = new ArrayList<>();
        for (SchemaChange change : group) {
            out.addAll(alterStatements(change, group, before, dependentViews, warnings));
        }
        return out;
    }

    private static List<PlannedStatement> alterStatements(SchemaChange change, List<SchemaChange> group,
                                                          Optional<Before> before, DependentViews dependentViews,
                                                          List<String> warnings) {
        if (change instanceof CreateTable c) {
            return List.of(new PlannedStatement(SqliteDdl.createTable(c.table().name(), c.table(), c.table().checks()),
                    "Create table " + c.table().name(), change));
        }
        if (change instanceof CreateIndex c) {
            return List.of(new PlannedStatement(SqliteDdl.createIndex(c.table(), c.index()),
                    "Create " + (c.index().unique() ? "unique " : "") + "index " + c.index().name() + " on " + c.table(),
                    change));
        }
        if (change instanceof DropIndex d) {
            return List.of(new PlannedStatement(SqliteDdl.dropIndex(d.index().name()),
                    "Drop index " + d.index().name() + " of " + d.table(), change));
        }
        if (change instanceof DropTable d) {
            return List.of(new PlannedStatement(SqliteDdl.dropTable(d.table().name()), "Drop table " + d.table().name(),
                    change).withDataLoss("Drops table " + d.table().name() + " and all its rows",
                    List.of(Loss.table(d.table().name()))));
        }
        if (change instanceof AddColumn a) {
            Optional<ForeignKey> reference = group.stream()
                    .filter(c -> c instanceof AddForeignKey f && RebuildRules.inlinedInto(f.foreignKey(), group)
                            .filter(a::equals).isPresent())
                    .map(c -> ((AddForeignKey) c).foreignKey()).findFirst();
            warnIfAddedNotNull(List.of(a), warnings);
            return List.of(new PlannedStatement(SqliteDdl.addColumn(a.table(), a.column(), reference),
                    "Add column " + a.table() + "." + a.column().name(), change));
        }
        if (change instanceof AddForeignKey) {
            return List.of(); // written on its column's ADD (RebuildRules.inlinedInto)
        }
        if (change instanceof DropColumn d) {
            Before b = before.orElseThrow();
            PlannedStatement drop = new PlannedStatement(SqliteDdl.dropColumn(d.table(), d.column().name()),
                    "Drop column " + d.table() + "." + d.column().name(), change);
            return aroundViews(b, d.column().name(), d.column().generated().isPresent() ? drop
                    : drop.withDataLoss("Drops column " + d.table() + "." + d.column().name() + " and its data",
                    List.of(Loss.column(d.table(), d.column().name()))),
                    change, dependentViews);
        }
        if (change instanceof AlterColumn a) {
            // RebuildRules.isVirtualSwap: a VIRTUAL generated column is dropped and added again
            Column to = a.to();
            String why = "Column " + a.table() + "." + to.name() + " " + RebuildRules.describe(a)
                    + ": drop it and add it again (a VIRTUAL column holds no data)";
            PlannedStatement drop = new PlannedStatement(SqliteDdl.dropColumn(a.table(), to.name()), why, change);
            if (a.from().generated().isEmpty()) {
                drop = drop.withDataLoss("Replaces the values stored in " + a.table() + "." + to.name()
                        + " with its generated expression", List.of(Loss.column(a.table(), to.name())));
            }
            List<PlannedStatement> out = new ArrayList<>(aroundViews(before.orElseThrow(), to.name(), drop, change,
                    dependentViews));
            out.add(new PlannedStatement(SqliteDdl.addColumn(a.table(), to, Optional.empty()), why, change));
            return out;
        }
        throw new IllegalStateException("no ALTER TABLE statement for " + change + "; it needs a rebuild");
    }

    /** A DROP COLUMN, with the views that read the column dropped before and created again after. */
    private static List<PlannedStatement> aroundViews(Before before, String column, PlannedStatement statement,
                                                      SchemaChange change, DependentViews dependentViews) {
        List<View> views = dependentViews.of(before, column);
        List<PlannedStatement> out = new ArrayList<>();
        views.forEach(v -> out.add(new PlannedStatement(SqliteDdl.dropView(v.name()), "Drop view " + v.name()
                + ", which reads " + before.name() + "." + column + ", until the column is gone", change)));
        out.add(statement);
        views.forEach(v -> out.add(new PlannedStatement(SqliteDdl.createView(v), "Create view " + v.name()
                + " again", change)));
        return out;
    }

    private static void warnIfAddedNotNull(List<SchemaChange> group, List<String> warnings) {
        for (SchemaChange change : group) {
            if (change instanceof AddColumn a && a.column().notNull() && a.column().defaultValue().isEmpty()
                    && a.column().generated().isEmpty()) {
                warnings.add("Adds " + a.table() + "." + a.column().name() + " NOT NULL without a default:"
                        + " applying fails if " + a.table() + " has rows");
            }
        }
    }
}
