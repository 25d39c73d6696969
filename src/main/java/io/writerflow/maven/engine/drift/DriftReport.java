package io.writerflow.maven.engine.drift;

import io.writerflow.maven.diff.Renames;
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
import io.writerflow.maven.diff.SchemaChange;
import io.writerflow.maven.diff.SchemaDiff;
import io.writerflow.maven.schema.Column;
import io.writerflow.maven.schema.ForeignKey;
import io.writerflow.maven.schema.Index;
import io.writerflow.maven.schema.Schema;
import io.writerflow.maven.schema.introspect.Canonical;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Drift: how the live database differs from the snapshot of its last applied migration, in words.
 *
 * <p>The differences come from the same {@link SchemaDiff} that generate uses (snapshot as "before",
 * database as "after"), with no renames: a renamed column is one column missing and one not in the
 * migrations, because guessing would hide a real out-of-band change. A change the diff splits into a drop
 * and an add of the same thing (an index, a foreign key's actions, a check) is worded as one difference.
 * Both schemas are compared in {@link Canonical} spelling, which is also how their SQL appears in the words.
 *
 * @param compared    whether a database was compared with a snapshot at all
 * @param note        what was compared with what, or why nothing was
 * @param differences empty when the database matches its migrations (or nothing was compared)
 */
public record DriftReport(boolean compared, String note, List<Drift> differences) {

    public static final DriftReport NOT_CHECKED = notCompared("drift not checked");

    public DriftReport {
        differences = List.copyOf(differences);
    }

    public static DriftReport notCompared(String why) {
        return new DriftReport(false, why, List.of());
    }

    /**
     * @param migrations the last applied migration's snapshot
     * @param database   the live database, introspected
     * @param snapshot   the snapshot file, as named in the report
     */
    public static DriftReport compare(Schema migrations, Schema database, String snapshot) {
        Schema expected = Canonical.schema(migrations);
        List<SchemaChange> changes = SchemaDiff.diff(expected, Canonical.schema(database), Renames.NONE, true);
        return new DriftReport(true, "compared with " + snapshot, words(changes, expected));
    }

    private static List<Drift> words(List<SchemaChange> changes, Schema migrations) {
        List<Drift> drift = new ArrayList<>();
        Set<SchemaChange> paired = new HashSet<>();
        for (SchemaChange change : changes) {
            if (paired.contains(change)) {
                continue;
            }
            if (change instanceof CreateTable c) {
                drift.add(new Drift(c.table().name(), Drift.NOT_IN_MIGRATIONS,
                        "table " + c.table().name() + " not in migrations"));
            } else if (change instanceof DropTable c) {
                drift.add(new Drift(c.table().name(), Drift.MISSING, "table " + c.table().name() + " missing"));
            } else if (change instanceof AddColumn c) {
                String object = c.table() + "." + c.column().name();
                drift.add(new Drift(object, Drift.NOT_IN_MIGRATIONS, "column " + object + " not in migrations"));
            } else if (change instanceof DropColumn c) {
                String object = c.table() + "." + c.column().name();
                drift.add(new Drift(object, Drift.MISSING, "column " + object + " missing"));
            } else if (change instanceof AlterColumn c) {
                String object = c.table() + "." + c.to().name();
                drift.add(new Drift(object, Drift.CHANGED, object + ": database has " + describe(c.to())
                        + ", migrations say " + describe(c.from())));
            } else if (change instanceof DropIndex c) {
                Optional<CreateIndex> again = find(changes, CreateIndex.class,
                        n -> n.index().name().equals(c.index().name()));
                again.ifPresent(paired::add);
                drift.add(again.map(n -> new Drift(c.index().name(), Drift.CHANGED, "index " + c.index().name()
                                + ": database has " + describe(n.table(), n.index()) + ", migrations say "
                                + describe(c.table(), c.index())))
                        .orElse(new Drift(c.index().name(), Drift.MISSING, "index " + c.index().name() + " missing")));
            } else if (change instanceof CreateIndex c) {
                drift.add(new Drift(c.index().name(), Drift.NOT_IN_MIGRATIONS,
                        "index " + c.index().name() + " on " + c.table() + " not in migrations"));
            } else if (change instanceof DropForeignKey c) {
                Optional<AddForeignKey> again = find(changes, AddForeignKey.class,
                        n -> sameReference(n.foreignKey(), c.foreignKey()));
                again.ifPresent(paired::add);
                String object = reference(c.foreignKey());
                drift.add(again.map(n -> new Drift(object, Drift.CHANGED, "foreign key " + object + ": "
                                + actions(n.foreignKey(), c.foreignKey())))
                        .orElse(new Drift(object, Drift.MISSING, "foreign key " + object + " missing")));
            } else if (change instanceof AddForeignKey c) {
                String object = reference(c.foreignKey());
                drift.add(new Drift(object, Drift.NOT_IN_MIGRATIONS, "foreign key " + object + " not in migrations"));
            } else if (change instanceof DropPrimaryKey c) {
                Optional<AddPrimaryKey> again = find(changes, AddPrimaryKey.class, n -> n.table().equals(c.table()));
                again.ifPresent(paired::add);
                String object = c.table();
                drift.add(again.map(n -> new Drift(object, Drift.CHANGED, "primary key of " + object
                                + ": database has " + columns(n.primaryKey().columns()) + ", migrations say "
                                + columns(c.primaryKey().columns())))
                        .orElse(new Drift(object, Drift.MISSING, "primary key " + object
                                + columns(c.primaryKey().columns()) + " missing")));
            } else if (change instanceof AddPrimaryKey c) {
                drift.add(new Drift(c.table(), Drift.NOT_IN_MIGRATIONS, "primary key " + c.table()
                        + columns(c.primaryKey().columns()) + " not in migrations"));
            } else if (change instanceof DropUnique c) {
                Optional<AddUnique> again = find(changes, AddUnique.class,
                        n -> n.table().equals(c.table()) && n.unique().name().equals(c.unique().name()));
                again.ifPresent(paired::add);
                String object = c.unique().name();
                drift.add(again.map(n -> new Drift(object, Drift.CHANGED, "unique constraint " + object
                                + " on " + c.table() + ": database has " + columns(n.unique().columns())
                                + ", migrations say " + columns(c.unique().columns())))
                        .orElse(new Drift(object, Drift.MISSING, "unique constraint " + object + " on "
                                + c.table() + columns(c.unique().columns()) + " missing")));
            } else if (change instanceof AddUnique c) {
                drift.add(new Drift(c.unique().name(), Drift.NOT_IN_MIGRATIONS, "unique constraint "
                        + c.unique().name() + " on " + c.table() + columns(c.unique().columns()) + " not in migrations"));
            } else if (change instanceof DropCheck c) {
                Optional<AddCheck> again = find(changes, AddCheck.class,
                        n -> n.table().equals(c.table()) && n.check().name().equals(c.check().name()));
                again.ifPresent(paired::add);
                String object = c.check().name();
                drift.add(again.map(n -> new Drift(object, Drift.CHANGED, "check " + object + " on " + c.table()
                                + ": database has " + n.check().value() + ", migrations say " + c.check().value()))
                        .orElse(new Drift(object, Drift.MISSING, "check " + object + " on " + c.table() + " missing")));
            } else if (change instanceof AddCheck c) {
                String object = c.check().name();
                drift.add(new Drift(object, Drift.NOT_IN_MIGRATIONS, "check " + (object.isEmpty() ? "" : object + " ")
                        + "on " + c.table() + " not in migrations: " + c.check().value()));
            } else if (change instanceof DropView c) {
                Optional<CreateView> again = find(changes, CreateView.class, n -> n.subject().equals(c.subject()));
                again.ifPresent(paired::add);
                // a view drizzle only knows (.existing()) is the user's: its definition is not compared
                if (again.isEmpty()) {
                    drift.add(new Drift(c.subject(), Drift.MISSING, "view " + c.subject() + " missing"));
                } else if (!c.view().existing()) {
                    drift.add(new Drift(c.subject(), Drift.CHANGED, "view " + c.subject()
                            + ": database has a different definition"));
                }
            } else if (change instanceof CreateView c) {
                boolean known = migrations.views().stream().anyMatch(v -> v.name().equals(c.subject()) && v.existing());
                if (!known) {
                    drift.add(new Drift(c.subject(), Drift.NOT_IN_MIGRATIONS, "view " + c.subject()
                            + " not in migrations"));
                }
            } else {
                // renames, which a diff without declared renames never yields; kept worded should that change
                drift.add(new Drift(change.subject(), Drift.CHANGED, change.subject() + " differs: " + change));
            }
        }
        return drift;
    }

    private static <T extends SchemaChange> Optional<T> find(List<SchemaChange> changes, Class<T> type,
            Predicate<T> matches) {
        return changes.stream().filter(type::isInstance).map(type::cast).filter(matches).findFirst();
    }

    /** A column as its DDL reads: {@code real NOT NULL DEFAULT 0}, or {@code real NULL}. */
    static String describe(Column c) {
        return c.type()
                + (c.primaryKey() ? " PRIMARY KEY" : "")
                + (c.autoincrement() ? " AUTOINCREMENT" : "")
                + (c.notNull() ? " NOT NULL" : " NULL")
                + c.defaultValue().map(d -> " DEFAULT " + d.sql()).orElse("")
                + c.generated().map(g -> " GENERATED ALWAYS AS " + g.as() + " " + g.type()).orElse("");
    }

    private static String describe(String table, Index index) {
        return (index.unique() ? "UNIQUE " : "") + "ON " + table + columns(index.columnValues())
                + index.where().map(w -> " WHERE " + w).orElse("");
    }

    private static String columns(List<String> columns) {
        return "(" + String.join(", ", columns) + ")";
    }

    private static boolean sameReference(ForeignKey a, ForeignKey b) {
        return a.tableFrom().equals(b.tableFrom()) && a.columnsFrom().equals(b.columnsFrom())
                && a.tableTo().equals(b.tableTo()) && a.columnsTo().equals(b.columnsTo());
    }

    /** {@code documents.owner_id -> users.id}. */
    private static String reference(ForeignKey fk) {
        return side(fk.tableFrom(), fk.columnsFrom()) + " -> " + side(fk.tableTo(), fk.columnsTo());
    }

    private static String side(String table, List<String> columns) {
        return columns.size() == 1 ? table + "." + columns.get(0)
                : table + columns.stream().collect(Collectors.joining(", ", "(", ")"));
    }

    /**
     * {@code database has ON DELETE no action, migrations say cascade}, or with both actions when both
     * differ.
     */
    private static String actions(ForeignKey database, ForeignKey migrations) {
        boolean update = !database.onUpdate().equals(migrations.onUpdate());
        boolean delete = !database.onDelete().equals(migrations.onDelete());
        if (update && delete) {
            return "database has ON UPDATE " + database.onUpdate() + " ON DELETE " + database.onDelete()
                    + ", migrations say ON UPDATE " + migrations.onUpdate() + " ON DELETE " + migrations.onDelete();
        }
        return update ? "database has ON UPDATE " + database.onUpdate() + ", migrations say " + migrations.onUpdate()
                : "database has ON DELETE " + database.onDelete() + ", migrations say " + migrations.onDelete();
    }
}
