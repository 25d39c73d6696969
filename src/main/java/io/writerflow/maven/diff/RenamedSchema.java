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

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The previous schema as it looks once the declared renames have run: tables and columns under their new
 * names, and every reference to them (foreign keys, indexes, keys, CHECK and generated expressions) rewritten
 * the way SQLite's {@code ALTER TABLE ... RENAME} rewrites them. Comparing this with the new schema leaves
 * only the changes the renames do not make.
 *
 * @param tables        the previous tables in their original order (the order drizzle-kit diffs them in),
 *                      renamed
 * @param tableRenames  old table name to new, in the previous schema's order
 * @param columnRenames per table (new name): old column name to new, in the table's column order
 */
record RenamedSchema(List<Table> tables, Map<String, String> tableRenames,
                     Map<String, Map<String, String>> columnRenames) {

    /**
     * @throws io.writerflow.maven.WriterflowException when a rename names a table or column that does not
     *                                                 fit the two schemas
     */
    static RenamedSchema of(Schema from, Schema to, Renames renames) {
        Map<String, String> tableRenames = new LinkedHashMap<>();
        for (Table table : from.tables()) {
            renames.newTableName(table.name()).ifPresent(newName -> tableRenames.put(table.name(), newName));
        }
        for (Renames.TableRename r : renames.tables()) {
            checkTableRename(from, to, renames, r);
        }
        Map<String, Map<String, String>> columnRenames = new LinkedHashMap<>();
        for (Renames.ColumnRename r : renames.columns()) {
            String newTable = tableRenames.getOrDefault(r.table(), r.table());
            String oldTable = tableRenames.entrySet().stream().filter(e -> e.getValue().equals(newTable))
                    .map(Map.Entry::getKey).findFirst().orElse(newTable);
            checkColumnRename(from, to, renames, r, oldTable, newTable);
            if (columnRenames.computeIfAbsent(newTable, t -> new LinkedHashMap<>()).put(r.from(), r.to()) != null) {
                throw Renames.mismatch(renames, "column " + newTable + "." + r.from() + " is renamed twice (once"
                        + " under the table's old name, once under its new one).", "Declare it once.");
            }
        }
        // keep each table's renames in its column order, the order drizzle-kit lists them in
        Map<String, Map<String, String>> ordered = new LinkedHashMap<>();
        for (Table table : from.tables()) {
            String newTable = tableRenames.getOrDefault(table.name(), table.name());
            Map<String, String> renamed = columnRenames.get(newTable);
            if (renamed != null) {
                Map<String, String> inOrder = new LinkedHashMap<>();
                table.columns().stream().filter(c -> renamed.containsKey(c.name()))
                        .forEach(c -> inOrder.put(c.name(), renamed.get(c.name())));
                ordered.put(newTable, inOrder);
            }
        }
        // the renames alone first, then the tables rewritten with them
        RenamedSchema names = new RenamedSchema(List.of(), tableRenames, ordered);
        return new RenamedSchema(from.tables().stream().map(names::rename).toList(), tableRenames, ordered);
    }

    String newTableName(String oldName) {
        return tableRenames.getOrDefault(oldName, oldName);
    }

    Optional<Table> table(String newName) {
        return tables.stream().filter(t -> t.name().equals(newName)).findFirst();
    }

    private String newColumnName(String newTable, String column) {
        return columnRenames.getOrDefault(newTable, Map.of()).getOrDefault(column, column);
    }

    private Table rename(Table table) {
        String name = newTableName(table.name());
        List<Column> columns = table.columns().stream().map(c -> new Column(newColumnName(name, c.name()), c.type(),
                c.primaryKey(), c.notNull(), c.autoincrement(), c.defaultValue(),
                c.generated().map(g -> new Column.Generated(expression(table.name(), name, g.as()), g.type()))))
                .toList();
        List<Index> indexes = table.indexes().stream().map(i -> new Index(i.name(),
                i.columns().stream().map(c -> c.expression()
                        ? new IndexColumn(expression(table.name(), name, c.value()), true)
                        : IndexColumn.column(newColumnName(name, c.value()))).toList(),
                i.unique(), i.where().map(w -> expression(table.name(), name, w)))).toList();
        List<ForeignKey> foreignKeys = table.foreignKeys().stream().map(fk -> {
            String target = newTableName(fk.tableTo());
            return new ForeignKey(fk.name(), name, columns(name, fk.columnsFrom()), target,
                    columns(target, fk.columnsTo()), fk.onUpdate(), fk.onDelete());
        }).toList();
        List<PrimaryKey> primaryKeys = table.compositePrimaryKeys().stream()
                .map(pk -> new PrimaryKey(pk.name(), columns(name, pk.columns()))).toList();
        List<Unique> uniques = table.uniqueConstraints().stream()
                .map(u -> new Unique(u.name(), columns(name, u.columns()))).toList();
        List<Check> checks = table.checks().stream()
                .map(c -> new Check(c.name(), expression(table.name(), name, c.value()))).toList();
        return new Table(name, columns, indexes, foreignKeys, primaryKeys, uniques, checks);
    }

    private List<String> columns(String newTable, List<String> names) {
        return names.stream().map(n -> newColumnName(newTable, n)).toList();
    }

    /** An expression of table {@code oldTable} as SQLite rewrites it when the renames run. */
    private String expression(String oldTable, String newTable, String sql) {
        String result = oldTable.equals(newTable) ? sql : SqlIdentifiers.renameQualifier(sql, oldTable, newTable);
        for (Map.Entry<String, String> rename : columnRenames.getOrDefault(newTable, Map.of()).entrySet()) {
            result = SqlIdentifiers.renameColumn(result, newTable, rename.getKey(), rename.getValue());
        }
        return result;
    }

    private static void checkTableRename(Schema from, Schema to, Renames renames, Renames.TableRename r) {
        if (from.table(r.from()).isEmpty()) {
            throw Renames.mismatch(renames, "table " + r.from() + " (renamed to " + r.to()
                    + ") is not in the previous schema (" + names(from) + ").",
                    "Name the table as the latest snapshot in drizzle/meta/ has it.");
        }
        if (to.table(r.from()).isPresent()) {
            throw Renames.mismatch(renames, "table " + r.from() + " is renamed to " + r.to()
                    + ", but the schema still has a table " + r.from() + ".",
                    "Remove the rename, or rename the table in schema.js too.");
        }
        if (to.table(r.to()).isEmpty()) {
            throw Renames.mismatch(renames, "table " + r.from() + " is renamed to " + r.to()
                    + ", but the schema has no table " + r.to() + " (" + names(to) + ").",
                    "Give the table its new name in schema.js, or fix the rename.");
        }
        if (from.table(r.to()).isPresent()) {
            throw Renames.mismatch(renames, "table " + r.from() + " is renamed to " + r.to()
                    + ", but " + r.to() + " already existed before.", "Remove the rename.");
        }
    }

    private static void checkColumnRename(Schema from, Schema to, Renames renames, Renames.ColumnRename r,
                                          String oldTable, String newTable) {
        String entry = "column " + r.table() + "." + r.from() + " (renamed to " + r.to() + ")";
        Optional<Table> before = from.table(oldTable);
        Optional<Table> after = to.table(newTable);
        if (before.isEmpty() || after.isEmpty()) {
            throw Renames.mismatch(renames, entry + ": there is no table " + r.table() + " in both the previous"
                    + " schema and schema.js.", "Name a table that exists before and after (by its old or new"
                    + " name).");
        }
        if (before.get().column(r.from()).isEmpty()) {
            throw Renames.mismatch(renames, entry + ": table " + oldTable + " had no column " + r.from() + " ("
                    + columnNames(before.get()) + ").", "Name the column as the latest snapshot has it.");
        }
        if (after.get().column(r.from()).isPresent()) {
            throw Renames.mismatch(renames, entry + ": table " + newTable + " still has a column " + r.from() + ".",
                    "Remove the rename, or rename the column in schema.js too.");
        }
        if (after.get().column(r.to()).isEmpty()) {
            throw Renames.mismatch(renames, entry + ": table " + newTable + " has no column " + r.to() + " ("
                    + columnNames(after.get()) + ").", "Give the column its new name in schema.js, or fix the rename.");
        }
        if (before.get().column(r.to()).isPresent()) {
            throw Renames.mismatch(renames, entry + ": table " + oldTable + " already had a column " + r.to() + ".",
                    "Remove the rename.");
        }
    }

    private static String names(Schema schema) {
        return schema.tables().isEmpty() ? "no tables"
                : "tables: " + schema.tables().stream().map(Table::name).collect(Collectors.joining(", "));
    }

    private static String columnNames(Table table) {
        return "columns: " + table.columns().stream().map(Column::name).collect(Collectors.joining(", "));
    }
}
