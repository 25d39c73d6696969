package io.writerflow.maven.rebase;

import io.writerflow.maven.schema.Column;
import io.writerflow.maven.schema.Schema;
import io.writerflow.maven.schema.Table;
import io.writerflow.maven.schema.View;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A three-way merge of schemas: what a branch's migration changed ({@code base} to {@code ours}) carried onto the
 * schema main has now ({@code theirs}). Tables, views and, inside a table both sides changed, columns, indexes,
 * keys and checks are merged by name: a side that left an element as the base had it takes the other side's. An
 * element both sides changed, differently, is a conflict, named {@code table.column} (or {@code table}, {@code
 * index ...} and so on), which a regenerated migration cannot settle.
 */
final class SchemaMerge {

    /** The merged schema and the elements both sides changed differently. */
    record Result(Schema schema, List<String> conflicts) {
    }

    private SchemaMerge() {
    }

    static Result merge(Schema base, Schema theirs, Schema ours) {
        List<String> conflicts = new ArrayList<>();
        List<Table> tables = byName(base.tables(), theirs.tables(), ours.tables(), Table::name,
                (b, h, o) -> mergeTable(b, h, o, conflicts), n -> n, conflicts);
        List<View> views = byName(base.views(), theirs.views(), ours.views(), View::name, null, n -> "view " + n,
                conflicts);
        return new Result(new Schema(tables, views), List.copyOf(conflicts));
    }

    /** Both sides changed one table: merged element by element. */
    private static Optional<Table> mergeTable(Optional<Table> b, Optional<Table> h, Optional<Table> o,
                                              List<String> conflicts) {
        if (b.isEmpty() || h.isEmpty() || o.isEmpty()) {
            String name = h.or(() -> o).map(Table::name).orElseThrow();
            conflicts.add(name + (b.isEmpty() ? " (created on both sides, differently)"
                    : " (dropped or renamed on one side, changed on the other)"));
            return h;
        }
        Table base = b.get();
        Table theirs = h.get();
        Table ours = o.get();
        String t = theirs.name();
        return Optional.of(new Table(t,
                byName(base.columns(), theirs.columns(), ours.columns(), Column::name, null, n -> t + "." + n, conflicts),
                byName(base.indexes(), theirs.indexes(), ours.indexes(), i -> i.name(), null,
                        n -> t + " index " + n, conflicts),
                byName(base.foreignKeys(), theirs.foreignKeys(), ours.foreignKeys(), f -> f.name(), null,
                        n -> t + " foreign key " + n, conflicts),
                byName(base.compositePrimaryKeys(), theirs.compositePrimaryKeys(), ours.compositePrimaryKeys(),
                        p -> "", null, n -> t + " primary key", conflicts),
                byName(base.uniqueConstraints(), theirs.uniqueConstraints(), ours.uniqueConstraints(),
                        u -> u.name(), null, n -> t + " unique " + n, conflicts),
                byName(base.checks(), theirs.checks(), ours.checks(), c -> c.name(), null,
                        n -> t + " check " + n, conflicts)));
    }

    @FunctionalInterface
    private interface Both<T> {
        Optional<T> merge(Optional<T> base, Optional<T> theirs, Optional<T> ours);
    }

    /**
     * The elements of the three lists merged by key: in main's order, then the branch's new ones in its order.
     *
     * @param both how to merge an element both sides changed; null: it is a conflict
     */
    private static <T> List<T> byName(List<T> base, List<T> theirs, List<T> ours, Function<T, String> key,
                                      Both<T> both, Function<String, String> label, List<String> conflicts) {
        Map<String, T> b = index(base, key);
        Map<String, T> h = index(theirs, key);
        Map<String, T> o = index(ours, key);
        Set<String> names = new LinkedHashSet<>(h.keySet());
        names.addAll(o.keySet());
        names.addAll(b.keySet());
        List<T> merged = new ArrayList<>();
        for (String name : names) {
            Optional<T> bv = Optional.ofNullable(b.get(name));
            Optional<T> hv = Optional.ofNullable(h.get(name));
            Optional<T> ov = Optional.ofNullable(o.get(name));
            Optional<T> result;
            if (Objects.equals(ov, bv) || Objects.equals(hv, ov)) {
                result = hv;
            } else if (Objects.equals(hv, bv)) {
                result = ov;
            } else if (both != null) {
                result = both.merge(bv, hv, ov);
            } else {
                conflicts.add(label.apply(name));
                result = hv;
            }
            result.ifPresent(merged::add);
        }
        return merged;
    }

    private static <T> Map<String, T> index(List<T> list, Function<T, String> key) {
        Map<String, T> map = new LinkedHashMap<>();
        list.forEach(e -> map.putIfAbsent(key.apply(e), e));
        return map;
    }
}
