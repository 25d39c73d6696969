package io.writerflow.maven.schema;

import java.util.Map;

/**
 * One {@code drizzle/meta/NNNN_snapshot.json}: the schema after a migration, chained to the previous
 * snapshot by {@code prevId}.
 *
 * @param renames drizzle-kit's {@code _meta}: the table and column renames this migration made, as
 *                {@code "\"old\"" -> "\"new\""} and {@code "\"table\".\"old\"" -> "\"table\".\"new\""}
 */
public record Snapshot(String id, String prevId, Schema schema, Renames renames) {

    /** The {@code prevId} of the first snapshot of a directory. */
    public static final String ORIGIN = "00000000-0000-0000-0000-000000000000";

    /** drizzle-kit's {@code _meta}. */
    public record Renames(Map<String, String> tables, Map<String, String> columns) {

        public static final Renames NONE = new Renames(Map.of(), Map.of());

        public Renames {
            tables = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(tables));
            columns = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(columns));
        }
    }
}
