package io.writerflow.maven.diff;

import io.writerflow.maven.schema.Check;
import io.writerflow.maven.schema.Column;
import io.writerflow.maven.schema.ForeignKey;
import io.writerflow.maven.schema.Index;
import io.writerflow.maven.schema.PrimaryKey;
import io.writerflow.maven.schema.Table;
import io.writerflow.maven.schema.Unique;
import io.writerflow.maven.schema.View;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * One difference between two schemas. Changes name tables by their name after the migration (a renamed
 * table's changes follow its {@link RenameTable}), except {@link DropTable}, whose table is gone. Whether a
 * change can be made with {@code ALTER TABLE} or needs a table rebuild is the planner's decision, not the
 * diff's.
 */
public sealed interface SchemaChange {

    /** The table (or, for view changes, the view) this change is about. */
    String subject();

    record CreateTable(Table table) implements SchemaChange {
        public String subject() {
            return table.name();
        }
    }

    record DropTable(Table table) implements SchemaChange {
        public String subject() {
            return table.name();
        }
    }

    record RenameTable(String from, String to) implements SchemaChange {
        public String subject() {
            return to;
        }
    }

    record AddColumn(String table, Column column) implements SchemaChange {
        public String subject() {
            return table;
        }
    }

    record DropColumn(String table, Column column) implements SchemaChange {
        public String subject() {
            return table;
        }
    }

    record RenameColumn(String table, String from, String to) implements SchemaChange {
        public String subject() {
            return table;
        }
    }

    /**
     * A column that keeps its name but changes its definition.
     *
     * @param from the column as it was (under its current name, if it was renamed)
     */
    record AlterColumn(String table, Column from, Column to) implements SchemaChange {

        /** What changed about a column. */
        public enum Aspect { TYPE, NOT_NULL, DEFAULT, PRIMARY_KEY, AUTOINCREMENT, GENERATED }

        public String subject() {
            return table;
        }

        public Set<Aspect> aspects() {
            Set<Aspect> aspects = EnumSet.noneOf(Aspect.class);
            if (!ColumnTypes.sameType(from.type(), to.type())) {
                aspects.add(Aspect.TYPE);
            }
            if (from.notNull() != to.notNull()) {
                aspects.add(Aspect.NOT_NULL);
            }
            // by the SQL only: a default stored as the JSON number 0 or the string "0" is the same DEFAULT 0
            if (!from.defaultValue().map(Column.DefaultValue::sql).equals(to.defaultValue().map(Column.DefaultValue::sql))) {
                aspects.add(Aspect.DEFAULT);
            }
            if (from.primaryKey() != to.primaryKey()) {
                aspects.add(Aspect.PRIMARY_KEY);
            }
            if (from.autoincrement() != to.autoincrement()) {
                aspects.add(Aspect.AUTOINCREMENT);
            }
            if (!Objects.equals(from.generated(), to.generated())) {
                aspects.add(Aspect.GENERATED);
            }
            return aspects;
        }
    }

    record CreateIndex(String table, Index index) implements SchemaChange {
        public String subject() {
            return table;
        }
    }

    record DropIndex(String table, Index index) implements SchemaChange {
        public String subject() {
            return table;
        }
    }

    record AddForeignKey(String table, ForeignKey foreignKey) implements SchemaChange {
        public String subject() {
            return table;
        }
    }

    record DropForeignKey(String table, ForeignKey foreignKey) implements SchemaChange {
        public String subject() {
            return table;
        }
    }

    /** A composite primary key ({@code primaryKey({ columns })}) added to an existing table. */
    record AddPrimaryKey(String table, PrimaryKey primaryKey) implements SchemaChange {
        public String subject() {
            return table;
        }
    }

    record DropPrimaryKey(String table, PrimaryKey primaryKey) implements SchemaChange {
        public String subject() {
            return table;
        }
    }

    record AddUnique(String table, Unique unique) implements SchemaChange {
        public String subject() {
            return table;
        }
    }

    record DropUnique(String table, Unique unique) implements SchemaChange {
        public String subject() {
            return table;
        }
    }

    record AddCheck(String table, Check check) implements SchemaChange {
        public String subject() {
            return table;
        }
    }

    record DropCheck(String table, Check check) implements SchemaChange {
        public String subject() {
            return table;
        }
    }

    record CreateView(View view) implements SchemaChange {
        public String subject() {
            return view.name();
        }
    }

    record DropView(View view) implements SchemaChange {
        public String subject() {
            return view.name();
        }
    }
}
