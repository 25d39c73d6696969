package io.writerflow.maven.diff;

import io.writerflow.maven.diff.SchemaChange.RenameColumn;
import io.writerflow.maven.diff.SchemaChange.RenameTable;
import io.writerflow.maven.schema.Snapshot;

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

    private static String quote(String name) {
        return "\"" + name + "\"";
    }
}
