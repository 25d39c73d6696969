package io.writerflow.maven.diff;

import io.writerflow.maven.diff.SchemaChange.AddCheck;
import io.writerflow.maven.diff.SchemaChange.AddColumn;
import io.writerflow.maven.diff.SchemaChange.AddForeignKey;
import io.writerflow.maven.diff.SchemaChange.AddPrimaryKey;
import io.writerflow.maven.diff.SchemaChange.AddUnique;
import io.writerflow.maven.diff.SchemaChange.AlterColumn;
import io.writerflow.maven.diff.SchemaChange.CreateIndex;
import io.writerflow.maven.diff.SchemaChange.CreateTable;
import io.writerflow.maven.diff.SchemaChange.CreateView;
import io.writerflow.maven.diff.SchemaChange.DropCheck;
import io.writerflow.maven.diff.SchemaChange.DropColumn;
import io.writerflow.maven.diff.SchemaChange.DropForeignKey;
import io.writerflow.maven.diff.SchemaChange.DropIndex;
import io.writerflow.maven.diff.SchemaChange.DropPrimaryKey;
import io.writerflow.maven.diff.SchemaChange.DropTable;
import io.writerflow.maven.diff.SchemaChange.DropUnique;
import io.writerflow.maven.diff.SchemaChange.DropView;
import io.writerflow.maven.diff.SchemaChange.RenameColumn;
import io.writerflow.maven.diff.SchemaChange.RenameTable;
import io.writerflow.maven.diff.TableMatch.TablePair;
import io.writerflow.maven.schema.Check;
import io.writerflow.maven.schema.Column;
import io.writerflow.maven.schema.ForeignKey;
import io.writerflow.maven.schema.Index;
import io.writerflow.maven.schema.PrimaryKey;
import io.writerflow.maven.schema.Schema;
import io.writerflow.maven.schema.Table;
import io.writerflow.maven.schema.View;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Compares two schemas and lists what changed, for the planner to turn into SQL.
 *
 * <p>The list is in drizzle-kit 0.31's statement order (created tables, dropped tables, renamed tables,
 * renamed columns, dropped foreign keys, dropped checks, dropped indexes, dropped primary keys, altered
 * columns, added primary keys, added columns, indexes of created tables, created indexes, added checks,
 * added foreign keys, dropped columns, views), each group in drizzle-kit's table and column order, so the
 * planner can emit migrations that read like drizzle-kit's.
 *
 * <p>Foreign keys and composite primary keys are compared by what they do, not by name: their names never
 * reach SQLite's DDL, and SQLite's renames already rewrite references to renamed tables and columns.
 */
public final class SchemaDiff {

    /** The user property that lets generate drop what disappeared when it may have been renamed. */
    public static final String ACCEPT_DROPS_PROPERTY = UndeclaredRenames.ACCEPT_DROPS;

    private SchemaDiff() {
    }

    /**
     * @param renames     the renames the user declared ({@code writerflow.renames})
     * @param acceptDrops drop and create where a rename is possible but not declared
     *                    ({@code writerflow.acceptDrops}); otherwise such a diff fails (to ask instead, settle
     *                    the renames first: {@link RenameDecision#settle})
     * @throws io.writerflow.maven.WriterflowException for renames that do not fit the schemas, and for
     *                                                 possible renames that were not declared
     */
    public static List<SchemaChange> diff(Schema from, Schema to, Renames renames, boolean acceptDrops) {
        RenamedSchema renamed = RenamedSchema.of(from, to, renames);
        TableMatch match = TableMatch.of(renamed, to);
        List<Table> created = match.created();
        List<Table> dropped = match.dropped();
        List<TablePair> kept = match.kept();
        if (!acceptDrops) {
            UndeclaredRenames undeclared = UndeclaredRenames.of(from, to, renames, match);
            if (!undeclared.isEmpty()) {
                throw undeclared.failure();
            }
        }

        List<SchemaChange> changes = new ArrayList<>();
        created.forEach(t -> changes.add(new CreateTable(t)));
        dropped.forEach(t -> changes.add(new DropTable(t)));
        renamed.tableRenames().forEach((a, b) -> changes.add(new RenameTable(a, b)));
        renamed.columnRenames().forEach((table, columns) ->
                columns.forEach((a, b) -> changes.add(new RenameColumn(table, a, b))));
        for (TablePair p : kept) {
            missing(p.before().foreignKeys(), p.after().foreignKeys(), SchemaDiff::fkContent)
                    .forEach(fk -> changes.add(new DropForeignKey(name(p), fk)));
        }
        for (TablePair p : kept) {
            missing(p.before().checks(), p.after().checks(), Check::name)
                    .forEach(c -> changes.add(new DropCheck(name(p), c)));
            altered(p.before().checks(), p.after().checks(), Check::name)
                    .forEach(c -> changes.add(new DropCheck(name(p), c)));
            missing(p.before().uniqueConstraints(), p.after().uniqueConstraints(), Function.identity())
                    .forEach(u -> changes.add(new DropUnique(name(p), u)));
        }
        for (TablePair p : kept) {
            missing(p.before().indexes(), p.after().indexes(), Index::name)
                    .forEach(i -> changes.add(new DropIndex(name(p), i)));
        }
        for (TablePair p : kept) {
            altered(p.before().indexes(), p.after().indexes(), Index::name)
                    .forEach(i -> changes.add(new DropIndex(name(p), i)));
        }
        for (TablePair p : kept) {
            missing(p.before().compositePrimaryKeys(), p.after().compositePrimaryKeys(), PrimaryKey::columns)
                    .forEach(pk -> changes.add(new DropPrimaryKey(name(p), pk)));
        }
        for (TablePair p : kept) {
            Map<String, Column> afterColumns = byKey(p.after().columns(), Column::name);
            for (Column old : p.before().columns()) {
                Optional.ofNullable(afterColumns.get(old.name())).map(now -> new AlterColumn(name(p), old, now))
                        .filter(a -> !a.aspects().isEmpty()).ifPresent(changes::add);
            }
        }
        for (TablePair p : kept) {
            missing(p.after().compositePrimaryKeys(), p.before().compositePrimaryKeys(), PrimaryKey::columns)
                    .forEach(pk -> changes.add(new AddPrimaryKey(name(p), pk)));
        }
        for (TablePair p : kept) {
            missing(p.after().columns(), p.before().columns(), Column::name)
                    .forEach(c -> changes.add(new AddColumn(name(p), c)));
        }
        for (Table t : created) {
            t.indexes().forEach(i -> changes.add(new CreateIndex(t.name(), i)));
        }
        for (TablePair p : kept) {
            missing(p.after().indexes(), p.before().indexes(), Index::name)
                    .forEach(i -> changes.add(new CreateIndex(name(p), i)));
        }
        for (TablePair p : kept) {
            // drizzle-kit lists the new version of an altered index in the previous schema's order
            altered(p.before().indexes(), p.after().indexes(), Index::name)
                    .forEach(i -> changes.add(new CreateIndex(name(p), p.after().indexes().stream()
                            .filter(n -> n.name().equals(i.name())).findFirst().orElseThrow())));
        }
        for (TablePair p : kept) {
            missing(p.after().checks(), p.before().checks(), Check::name)
                    .forEach(c -> changes.add(new AddCheck(name(p), c)));
            altered(p.before().checks(), p.after().checks(), Check::name)
                    .forEach(c -> changes.add(new AddCheck(name(p), p.after().checks().stream()
                            .filter(n -> n.name().equals(c.name())).findFirst().orElseThrow())));
            missing(p.after().uniqueConstraints(), p.before().uniqueConstraints(), Function.identity())
                    .forEach(u -> changes.add(new AddUnique(name(p), u)));
        }
        for (TablePair p : kept) {
            missing(p.after().foreignKeys(), p.before().foreignKeys(), SchemaDiff::fkContent)
                    .forEach(fk -> changes.add(new AddForeignKey(name(p), fk)));
        }
        for (TablePair p : kept) {
            missing(p.before().columns(), p.after().columns(), Column::name)
                    .forEach(c -> changes.add(new DropColumn(name(p), c)));
        }
        views(from, to, changes);
        return List.copyOf(changes);
    }

    /** Views hold no data: a changed view is dropped and created again, as drizzle-kit does. */
    private static void views(Schema from, Schema to, List<SchemaChange> changes) {
        List<SchemaChange> creates = new ArrayList<>();
        for (View before : from.views()) {
            Optional<View> after = to.views().stream().filter(v -> v.name().equals(before.name())).findFirst();
            if (after.isEmpty() && !before.existing()) {
                changes.add(new DropView(before));
            }
        }
        for (View after : to.views()) {
            boolean isNew = from.views().stream().noneMatch(v -> v.name().equals(after.name()));
            if (isNew && !after.existing()) {
                creates.add(new CreateView(after));
            }
        }
        for (View before : from.views()) {
            to.views().stream().filter(v -> v.name().equals(before.name())).findFirst()
                    .filter(after -> !after.existing())
                    .filter(after -> !after.definition().equals(before.definition()) || before.existing())
                    .ifPresent(after -> {
                        changes.add(new DropView(before));
                        creates.add(new CreateView(after));
                    });
        }
        changes.addAll(creates);
    }

    private static String name(TablePair pair) {
        return pair.after().name();
    }

    /** What a foreign key does, without its name. */
    private static List<Object> fkContent(ForeignKey fk) {
        return List.of(fk.tableFrom(), fk.columnsFrom(), fk.tableTo(), fk.columnsTo(), fk.onUpdate(), fk.onDelete());
    }

    /** The items of {@code items} whose key is not among {@code others}' keys, in {@code items}' order. */
    private static <T> List<T> missing(List<T> items, List<T> others, Function<T, ?> key) {
        Set<Object> keys = new HashSet<>();
        others.forEach(o -> keys.add(key.apply(o)));
        return items.stream().filter(i -> !keys.contains(key.apply(i))).toList();
    }

    /** The items of {@code before} whose key is in {@code after} with a different value. */
    private static <T> List<T> altered(List<T> before, List<T> after, Function<T, ?> key) {
        Map<Object, List<T>> byKey = new HashMap<>();
        after.forEach(a -> byKey.computeIfAbsent(key.apply(a), k -> new ArrayList<>()).add(a));
        return before.stream().filter(b -> byKey.getOrDefault(key.apply(b), List.of()).stream()
                .anyMatch(a -> !Objects.equals(a, b))).toList();
    }

    /** The items by key, the first of each key. */
    static <K, T> Map<K, T> byKey(List<T> items, Function<T, K> key) {
        Map<K, T> map = new HashMap<>();
        items.forEach(i -> map.putIfAbsent(key.apply(i), i));
        return map;
    }
}
