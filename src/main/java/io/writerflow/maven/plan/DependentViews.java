package io.writerflow.maven.plan;

import io.writerflow.maven.diff.SqlIdentifiers;
import io.writerflow.maven.schema.Schema;
import io.writerflow.maven.schema.View;

import java.util.List;
import java.util.Set;

/**
 * Views that stay as they are but read a table the migration rebuilds or drops a column of. SQLite checks
 * every view when a table is renamed or loses a column, and fails on a view whose table is gone for the
 * moment ("error in view v: no such table"), so such views are dropped before and created again after (the
 * procedure in https://www.sqlite.org/lang_altertable.html#otheralter). Views the migration drops or
 * replaces anyway are dropped first of all by the planner instead.
 */
final class DependentViews {

    private final List<View> kept;

    DependentViews(Schema from, Schema to, Set<String> droppedViews) {
        this.kept = from.views().stream()
                .filter(v -> !v.existing() && v.definition().isPresent() && !droppedViews.contains(v.name()))
                .filter(v -> to.views().stream().anyMatch(t -> t.name().equals(v.name()) && !t.existing()))
                .toList();
    }

    /** The kept views that read {@code before}'s table, or, given a column, that column of it. */
    List<View> of(Before before, String column) {
        return kept.stream().filter(v -> {
            String sql = v.definition().orElse("");
            boolean table = SqlIdentifiers.mentions(sql, before.name())
                    || SqlIdentifiers.mentions(sql, before.previousName());
            return table && (column == null || SqlIdentifiers.mentions(sql, column));
        }).toList();
    }
}
