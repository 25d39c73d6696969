package io.writerflow.maven.schema;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The two snapshot formats of a drizzle directory: version "6" ({@code meta/NNNN_snapshot.json}, drizzle-kit
 * 0.31) and version "7" ({@code <folder>/snapshot.json}, drizzle-kit 1.0). Both read into one {@link Snapshot}
 * model; readers that only need the schema take whichever version a file has.
 */
public enum SnapshotFormat {

    V6 {
        @Override
        public String write(Snapshot snapshot) {
            return SnapshotCodec.write(snapshot);
        }

        @Override
        public String withId(String json, String id) {
            return SnapshotCodec.withId(json, id);
        }
    },

    V7 {
        @Override
        public String write(Snapshot snapshot) {
            return SnapshotV7Codec.write(snapshot);
        }

        @Override
        public String withId(String json, String id) {
            return SnapshotV7Codec.withId(json, id);
        }
    };

    /** The snapshot as this format writes it: JSON.stringify's layout, no final newline. */
    public abstract String write(Snapshot snapshot);

    /** What {@link #write} gives for the same snapshot with {@code id}, from what it gave with an empty id. */
    public abstract String withId(String json, String id);

    /**
     * A snapshot of either version, by its {@code "version"}.
     *
     * @param displayName the file, named in errors
     */
    public static Snapshot read(String json, String displayName) {
        JsonNode root = JsonFiles.parse(json, displayName);
        String version = root.path("version").asText("");
        if (version.equals(SnapshotV7Codec.VERSION)) {
            return SnapshotV7Codec.read(root, displayName);
        }
        // the version "6" reader names any other version as unsupported
        return SnapshotCodec.read(root, displayName);
    }
}
