package io.writerflow.maven.schema.introspect;

import io.writerflow.maven.schema.Check;
import io.writerflow.maven.schema.Column;
import io.writerflow.maven.schema.Index;
import io.writerflow.maven.schema.Schema;
import io.writerflow.maven.schema.Table;
import io.writerflow.maven.schema.View;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A live schema with every table, column, index, check and view that means the same as the reference's (equal in
 * {@link Canonical} spelling) taken as the reference spells it. Generate diffs with {@code equals}, and an
 * introspected database spells SQL its own way ({@code TRUE}, {@code text} for {@code text(256)}, a primary key
 * without NOT NULL); without this a diff from or to a live database would rewrite what did not change.
 */
public final class SpelledAs {

    private SpelledAs() {
    }

    /** {@code live}, spelled as {@code reference} wherever the two mean the same. */
    public static Schema reference(Schema live, Schema reference) {
        return new Schema(live.tables().stream().map(t -> reference.table(t.name()).map(r -> table(t, r)).orElse(t))
                .toList(), live.views().stream().map(v -> reference.views().stream()
                .filter(r -> r.name().equals(v.name()) && canonical(r).equals(canonical(v))).findFirst().orElse(v))
                .toList());
    }

    private static Table table(Table live, Table reference) {
        if (Canonical.table(live).equals(Canonical.table(reference))) {
            return reference;
        }
        return new Table(live.name(),
                same(live.columns(), reference.columns(), Canonical::column, Column::name),
                same(live.indexes(), reference.indexes(), i -> Canonical.table(new Table("", List.of(), List.of(i),
                        List.of(), List.of(), List.of(), List.of())).indexes().get(0), Index::name),
                live.foreignKeys(), live.compositePrimaryKeys(), live.uniqueConstraints(),
                same(live.checks(), reference.checks(), c -> new Check(c.name(), Canonical.sql(c.value())),
                        Check::name));
    }

    /** Each of {@code live}, or the reference's of the same name when it is the same in canonical spelling. */
    private static <T> List<T> same(List<T> live, List<T> reference, Function<T, T> canonical,
            Function<T, String> name) {
        return live.stream().map(l -> {
            Optional<T> match = reference.stream().filter(r -> name.apply(r).equals(name.apply(l))
                    && canonical.apply(r).equals(canonical.apply(l))).findFirst();
            return match.orElse(l);
        }).toList();
    }

    private static Schema canonical(View view) {
        return Canonical.schema(new Schema(List.of(), List.of(view)));
    }
}
