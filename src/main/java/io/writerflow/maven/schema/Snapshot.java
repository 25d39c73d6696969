package io.writerflow.maven.schema;

import java.util.List;
import java.util.Map;

/**
 * One snapshot of a drizzle directory ({@code meta/NNNN_snapshot.json} or {@code <folder>/snapshot.json}):
 * the schema after a migration, chained to the snapshots before it.
 *
 * @param prevIds the parents: one in drizzle-kit 0.31's {@code prevId}; drizzle-kit 1.0's {@code prevIds}
 *                lists two or more where a migration merged branches
 * @param renames the table and column renames this migration made (drizzle-kit 0.31's {@code _meta},
 *                1.0's {@code renames}), as {@code "\"old\"" -> "\"new\""} and
 *                {@code "\"table\".\"old\"" -> "\"table\".\"new\""}
 */
public record Snapshot(String id, List<String> prevIds, Schema schema, Renames renames) {

    /** The {@code prevId} of the first snapshot of a directory. */
    public static final String ORIGIN = "00000000-0000-0000-0000-000000000000";

    public Snapshot {
        prevIds = List.copyOf(prevIds);
    }

    /** A snapshot with one parent, as drizzle-kit 0.31 writes every one and the plugin writes its own. */
    public Snapshot(String id, String prevId, Schema schema, Renames renames) {
        this(id, List.of(prevId), schema, renames);
    }

    /** The first parent, the only one of a version "6" snapshot; the origin when there is none. */
    public String prevId() {
        return prevIds.isEmpty() ? ORIGIN : prevIds.get(0);
    }

    /** drizzle-kit's {@code _meta}. */
    public record Renames(Map<String, String> tables, Map<String, String> columns) {

        public static final Renames NONE = new Renames(Map.of(), Map.of());

        public Renames {
            tables = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(tables));
            columns = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(columns));
        }
    }
}
