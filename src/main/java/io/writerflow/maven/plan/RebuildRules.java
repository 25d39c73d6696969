package io.writerflow.maven.plan;

import io.writerflow.maven.diff.SchemaChange;
import io.writerflow.maven.diff.SchemaChange.AddCheck;
import io.writerflow.maven.diff.SchemaChange.AddColumn;
import io.writerflow.maven.diff.SchemaChange.AddForeignKey;
import io.writerflow.maven.diff.SchemaChange.AddPrimaryKey;
import io.writerflow.maven.diff.SchemaChange.AddUnique;
import io.writerflow.maven.diff.SchemaChange.AlterColumn;
import io.writerflow.maven.diff.SchemaChange.AlterColumn.Aspect;
import io.writerflow.maven.diff.SchemaChange.DropCheck;
import io.writerflow.maven.diff.SchemaChange.DropColumn;
import io.writerflow.maven.diff.SchemaChange.DropForeignKey;
import io.writerflow.maven.diff.SchemaChange.DropPrimaryKey;
import io.writerflow.maven.diff.SchemaChange.DropUnique;
import io.writerflow.maven.diff.SqlIdentifiers;
import io.writerflow.maven.schema.Column;
import io.writerflow.maven.schema.ForeignKey;
import io.writerflow.maven.schema.Index;
import io.writerflow.maven.schema.Table;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Decides which changes SQLite's {@code ALTER TABLE} can make and which need the table rebuilt (create the
 * new table, copy the rows, drop the old one, rename): SQLite's ALTER TABLE only renames, adds a column
 * (not a primary key, not a STORED generated one, not with an expression as default) and drops a column
 * (not a key, not one a constraint or expression uses). Everything else about a table needs a rebuild.
 */
final class RebuildRules {

    private RebuildRules() {
    }

    /** Why the table must be rebuilt, one phrase per change that needs it; empty when ALTER TABLE will do. */
    static List<String> reasons(List<SchemaChange> group, Before before) {
        List<String> reasons = new ArrayList<>();
        String t = before.name();
        for (SchemaChange change : group) {
            if (change instanceof AlterColumn a) {
                if (!isVirtualSwap(a, before)) {
                    reasons.add("change column " + t + "." + a.to().name() + " (" + describe(a) + ")");
                }
            } else if (change instanceof AddColumn a) {
                whyNotAdd(a.column()).ifPresent(why -> reasons.add("add column " + t + "." + a.column().name()
                        + " (" + why + ")"));
            } else if (change instanceof DropColumn d) {
                whyNotDrop(d.column(), before.table()).ifPresent(why -> reasons.add("drop column " + t + "."
                        + d.column().name() + " (" + why + ")"));
            } else if (change instanceof AddForeignKey a) {
                if (inlinedInto(a.foreignKey(), group).isEmpty()) {
                    reasons.add("add the foreign key " + describe(a.foreignKey()));
                }
            } else if (change instanceof DropForeignKey d) {
                reasons.add("drop the foreign key " + describe(d.foreignKey()));
            } else if (change instanceof AddPrimaryKey a) {
                reasons.add("add the primary key (" + String.join(", ", a.primaryKey().columns()) + ")");
            } else if (change instanceof DropPrimaryKey d) {
                reasons.add("drop the primary key (" + String.join(", ", d.primaryKey().columns()) + ")");
            } else if (change instanceof AddUnique a) {
                reasons.add("add the unique constraint " + a.unique().name());
            } else if (change instanceof DropUnique d) {
                reasons.add("drop the unique constraint " + d.unique().name());
            } else if (change instanceof AddCheck a) {
                reasons.add("add the check " + a.check().name());
            } else if (change instanceof DropCheck d) {
                reasons.add("drop the check " + d.check().name());
            }
        }
        return reasons.stream().distinct().toList();
    }

    /**
     * The added column a foreign key can be written on ({@code ALTER TABLE ADD ... REFERENCES}), as
     * drizzle-kit does for a single-column key on a column added in the same migration.
     */
    static Optional<AddColumn> inlinedInto(ForeignKey fk, List<SchemaChange> group) {
        if (fk.columnsFrom().size() != 1) {
            return Optional.empty();
        }
        return group.stream().filter(c -> c instanceof AddColumn a && a.column().name().equals(fk.columnsFrom().get(0))
                && whyNotAdd(a.column()).isEmpty()).map(c -> (AddColumn) c).findFirst();
    }

    static Optional<String> whyNotAdd(Column c) {
        if (c.primaryKey()) {
            return Optional.of("SQLite cannot add a PRIMARY KEY column");
        }
        if (c.generated().filter(g -> g.type().equalsIgnoreCase("stored")).isPresent()) {
            return Optional.of("SQLite cannot add a STORED generated column");
        }
        if (c.defaultValue().filter(d -> !isConstant(d.sql())).isPresent()) {
            return Optional.of("SQLite cannot add a column whose default is not a constant");
        }
        return Optional.empty();
    }

    /** SQLite's rule for ADD COLUMN: no CURRENT_TIME/DATE/TIMESTAMP and no expression in parentheses. */
    private static boolean isConstant(String sql) {
        String s = sql.strip().toUpperCase(Locale.ROOT);
        return !s.startsWith("(") && !s.startsWith("CURRENT_");
    }

    static Optional<String> whyNotDrop(Column c, Table before) {
        String name = c.name();
        if (c.primaryKey() || before.compositePrimaryKeys().stream().anyMatch(pk -> pk.columns().contains(name))) {
            return Optional.of("it is part of the primary key");
        }
        if (before.uniqueConstraints().stream().anyMatch(u -> u.columns().contains(name))) {
            return Optional.of("it is part of a unique constraint");
        }
        if (before.foreignKeys().stream().anyMatch(fk -> fk.columnsFrom().contains(name))) {
            return Optional.of("it has a foreign key");
        }
        if (before.checks().stream().anyMatch(k -> SqlIdentifiers.mentions(k.value(), name))) {
            return Optional.of("a CHECK constraint uses it");
        }
        if (before.columns().stream().anyMatch(o -> !o.name().equals(name)
                && o.generated().filter(g -> SqlIdentifiers.mentions(g.as(), name)).isPresent())) {
            return Optional.of("a generated column uses it");
        }
        return Optional.empty();
    }

    /**
     * A column that is or becomes VIRTUAL generated and changes nothing else holds no data to keep:
     * drizzle-kit drops it and adds it again, and so does this, when SQLite allows dropping it.
     */
    static boolean isVirtualSwap(AlterColumn a, Before before) {
        boolean toVirtual = a.to().generated().filter(g -> g.type().equalsIgnoreCase("virtual")).isPresent();
        boolean fromVirtualOrPlain = a.from().generated().map(g -> g.type().equalsIgnoreCase("virtual")).orElse(true);
        if (!a.aspects().equals(Set.of(Aspect.GENERATED)) || !toVirtual || !fromVirtualOrPlain) {
            return false;
        }
        Optional<Column> previous = before.column(a.to().name());
        String previousName = previous.map(Column::name).orElse(a.to().name());
        boolean indexed = before.table().indexes().stream().anyMatch(i -> uses(i, previousName));
        return !indexed && previous.flatMap(p -> whyNotDrop(p, before.table())).isEmpty();
    }

    private static boolean uses(Index index, String column) {
        return index.columns().stream().anyMatch(c -> c.expression() ? SqlIdentifiers.mentions(c.value(), column)
                : c.value().equals(column)) || index.where().filter(w -> SqlIdentifiers.mentions(w, column)).isPresent();
    }

    static String describe(AlterColumn a) {
        List<String> parts = new ArrayList<>();
        Column from = a.from();
        Column to = a.to();
        for (Aspect aspect : a.aspects()) {
            switch (aspect) {
                case TYPE -> parts.add("type " + from.type() + " -> " + to.type());
                case NOT_NULL -> parts.add(to.notNull() ? "becomes NOT NULL" : "becomes nullable");
                case DEFAULT -> parts.add(to.defaultValue().isEmpty() ? "default dropped"
                        : "default " + from.defaultValue().map(d -> d.sql() + " -> ").orElse("") + to.defaultValue()
                        .orElseThrow().sql());
                case PRIMARY_KEY -> parts.add(to.primaryKey() ? "becomes the primary key" : "no longer the primary key");
                case AUTOINCREMENT -> parts.add(to.autoincrement() ? "AUTOINCREMENT added" : "AUTOINCREMENT dropped");
                case GENERATED -> parts.add(to.generated().isEmpty() ? "no longer generated"
                        : "generated as " + to.generated().orElseThrow().as() + " "
                        + to.generated().orElseThrow().type().toUpperCase(Locale.ROOT));
            }
        }
        return String.join(", ", parts);
    }

    static String describe(ForeignKey fk) {
        return "(" + String.join(", ", fk.columnsFrom()) + ") -> " + fk.tableTo() + "(" + String.join(", ",
                fk.columnsTo()) + ")";
    }
}
