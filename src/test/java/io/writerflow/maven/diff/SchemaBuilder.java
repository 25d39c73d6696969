package io.writerflow.maven.diff;

import io.writerflow.maven.schema.Check;
import io.writerflow.maven.schema.Column;
import io.writerflow.maven.schema.ForeignKey;
import io.writerflow.maven.schema.Index;
import io.writerflow.maven.schema.Index.IndexColumn;
import io.writerflow.maven.schema.PrimaryKey;
import io.writerflow.maven.schema.Schema;
import io.writerflow.maven.schema.Table;
import io.writerflow.maven.schema.Unique;
import io.writerflow.maven.schema.View;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Schemas for tests, written the way drizzle-kit's snapshots describe them. */
public final class SchemaBuilder {

    private SchemaBuilder() {
    }

    public static Schema schema(Table... tables) {
        return new Schema(List.of(tables), List.of());
    }

    public static Schema schema(List<Table> tables, View... views) {
        return new Schema(tables, List.of(views));
    }

    public static View view(String name, String definition) {
        return new View(name, List.of(), Optional.of(definition), false);
    }

    public static ColumnBuilder col(String name, String type) {
        return new ColumnBuilder(name, type);
    }

    public static TableBuilder table(String name) {
        return new TableBuilder(name);
    }

    public static final class ColumnBuilder {
        private final String name;
        private final String type;
        private boolean primaryKey;
        private boolean notNull;
        private boolean autoincrement;
        private Column.DefaultValue defaultValue;
        private Column.Generated generated;

        ColumnBuilder(String name, String type) {
            this.name = name;
            this.type = type;
        }

        /** drizzle-kit's primary keys are NOT NULL. */
        public ColumnBuilder pk() {
            primaryKey = true;
            notNull = true;
            return this;
        }

        public ColumnBuilder autoincrement() {
            autoincrement = true;
            return this;
        }

        public ColumnBuilder notNull() {
            notNull = true;
            return this;
        }

        public ColumnBuilder def(String sql) {
            defaultValue = Column.DefaultValue.sql(sql);
            return this;
        }

        public ColumnBuilder virtual(String as) {
            generated = new Column.Generated(as, "virtual");
            return this;
        }

        public ColumnBuilder stored(String as) {
            generated = new Column.Generated(as, "stored");
            return this;
        }

        public Column build() {
            return new Column(name, type, primaryKey, notNull, autoincrement, Optional.ofNullable(defaultValue),
                    Optional.ofNullable(generated));
        }
    }

    public static final class TableBuilder {
        private final String name;
        private final List<Column> columns = new ArrayList<>();
        private final List<Index> indexes = new ArrayList<>();
        private final List<ForeignKey> foreignKeys = new ArrayList<>();
        private final List<PrimaryKey> primaryKeys = new ArrayList<>();
        private final List<Unique> uniques = new ArrayList<>();
        private final List<Check> checks = new ArrayList<>();

        TableBuilder(String name) {
            this.name = name;
        }

        public TableBuilder columns(ColumnBuilder... builders) {
            Arrays.stream(builders).map(ColumnBuilder::build).forEach(columns::add);
            return this;
        }

        public TableBuilder index(String index, String... columnNames) {
            indexes.add(new Index(index, Arrays.stream(columnNames).map(IndexColumn::column).toList(), false,
                    Optional.empty()));
            return this;
        }

        public TableBuilder uniqueIndex(String index, String... columnNames) {
            indexes.add(new Index(index, Arrays.stream(columnNames).map(IndexColumn::column).toList(), true,
                    Optional.empty()));
            return this;
        }

        public TableBuilder expressionIndex(String index, String expression, String where) {
            indexes.add(new Index(index, List.of(new IndexColumn(expression, true)), false, Optional.ofNullable(where)));
            return this;
        }

        public TableBuilder fk(String column, String tableTo, String columnTo, String onDelete) {
            foreignKeys.add(new ForeignKey(name + "_" + column + "_" + tableTo + "_" + columnTo + "_fk", name,
                    List.of(column), tableTo, List.of(columnTo), "no action", onDelete));
            return this;
        }

        public TableBuilder pk(String... columnNames) {
            primaryKeys.add(new PrimaryKey(Optional.empty(), List.of(columnNames)));
            return this;
        }

        public TableBuilder unique(String constraint, String... columnNames) {
            uniques.add(new Unique(constraint, List.of(columnNames)));
            return this;
        }

        public TableBuilder check(String constraint, String value) {
            checks.add(new Check(constraint, value));
            return this;
        }

        public Table build() {
            return new Table(name, columns, indexes, foreignKeys, primaryKeys, uniques, checks);
        }
    }
}
