package io.writerflow.maven.diff;

import io.writerflow.maven.diff.SchemaChange.RenameColumn;
import io.writerflow.maven.diff.SchemaChange.RenameTable;
import io.writerflow.maven.schema.Schema;
import io.writerflow.maven.schema.Snapshot;

import java.util.ArrayList;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code _meta} drizzle-kit writes into a migration's snapshot: the renames it made, as
 * {@code "\"old\"": "\"new\""} for tables and {@code "\"table\".\"old\"": "\"table\".\"new\""} for columns
 * (the table under its new name).
 */
public final class RenameMeta {

    private RenameMeta() {
    }

    public static Snapshot.Renames of(List<SchemaChange> changes) {
        Map<String, String> tables = new LinkedHashMap<>();
        Map<String, String> columns = new LinkedHashMap<>();
        for (SchemaChange change : changes) {
            if (change instanceof RenameTable r) {
                tables.put(quote(r.from()), quote(r.to()));
            } else if (change instanceof RenameColumn r) {
                columns.put(quote(r.table()) + "." + quote(r.from()), quote(r.table()) + "." + quote(r.to()));
            }
        }
        return new Snapshot.Renames(tables, columns);
    }

    /**
     * The renames that undo those a snapshot records: {@code new:old} for each table and {@code table.new:old}
     * for each column, the table under the name it has in {@code after}, the snapshot's schema. A name may hold
     * {@code "."}: a column's entry is split where the table it names has the renamed column in {@code after}.
     */
    public static Renames inverse(Snapshot.Renames meta, Schema after) {
        List<Renames.TableRename> tables = new ArrayList<>();
        meta.tables().forEach((from, to) -> tables.add(new Renames.TableRename(unquote(to), unquote(from))));
        List<Renames.ColumnRename> columns = new ArrayList<>();
        meta.columns().forEach((from, to) -> columns.add(columnInverse(from, to, after)));
        return new Renames(tables, columns);
    }

    /** {@code "t"."old"} and {@code "t"."new"}: the rename {@code t.new:old}. */
    private static Renames.ColumnRename columnInverse(String from, String to, Schema after) {
        String a = unquote(from);
        String b = unquote(to);
        Renames.ColumnRename first = null;
        for (int i = a.indexOf(SEPARATOR); i >= 0; i = a.indexOf(SEPARATOR, i + 1)) {
            String table = a.substring(0, i);
            if (!b.startsWith(table + SEPARATOR)) {
                continue;
            }
            String oldName = a.substring(i + SEPARATOR.length());
            String newName = b.substring(i + SEPARATOR.length());
            Renames.ColumnRename rename = new Renames.ColumnRename(table, newName, oldName);
            if (after.table(table).flatMap(t -> t.column(newName)).isPresent()) {
                return rename;
            }
            first = first == null ? rename : first;
        }
        if (first == null) {
            throw new IllegalArgumentException("not a column rename: " + from + " -> " + to);
        }
        return first;
    }

    private static final String SEPARATOR = "\".\"";

    private static String unquote(String quoted) {
        return quoted.length() >= 2 && quoted.startsWith("\"") && quoted.endsWith("\"")
                ? quoted.substring(1, quoted.length() - 1) : quoted;
    }

    private static String quote(String name) {
        return "\"" + name + "\"";
    }
}
