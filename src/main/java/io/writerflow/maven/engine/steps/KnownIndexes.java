package io.writerflow.maven.engine.steps;

import io.writerflow.maven.migrations.Migration;
import io.writerflow.maven.migrations.MigrationDirectory;
import io.writerflow.maven.schema.Index;
import io.writerflow.maven.schema.SnapshotFormat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The indexes a migration's generated SQL is responsible for: those the snapshot before it declares. A rebuild
 * written by drizzle-kit or the plugin creates again the ones the schema keeps; one it does not create was
 * removed from the schema. An index no snapshot declares was written by hand, and apply keeps it.
 */
public final class KnownIndexes {

    private KnownIndexes() {
    }

    /**
     * For each migration of {@code directory}, the lower-case names of the indexes of the previous migration's
     * snapshot; empty for the first migration, or when that snapshot is missing or unreadable (then every index
     * is kept).
     */
    public static Function<Migration, Set<String>> of(MigrationDirectory directory) {
        return migration -> indexesOfSnapshot(directory, position(directory, migration) - 1);
    }

    /**
     * For each migration of {@code directory}, the indexes of its own snapshot: what its down migration starts
     * from.
     */
    public static Function<Migration, Set<String>> own(MigrationDirectory directory) {
        return migration -> indexesOfSnapshot(directory, position(directory, migration));
    }

    private static int position(MigrationDirectory directory, Migration migration) {
        return directory.migrations().stream().map(Migration::version).toList().indexOf(migration.version());
    }

    private static Set<String> indexesOfSnapshot(MigrationDirectory directory, int at) {
        if (at < 0) {
            return Set.of();
        }
        String name = directory.migrations().get(at).entry().snapshot();
        Path file = directory.root().resolve(name);
        try {
            // unreadable (reported by check and status): no index is known, so every index is kept
            return SnapshotFormat.read(Files.readString(file, StandardCharsets.UTF_8), directory.display(name))
                    .schema().tables().stream().flatMap(t -> t.indexes().stream()).map(Index::name)
                    .map(n -> n.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        } catch (IOException | RuntimeException e) {
            return Set.of();
        }
    }

    /** For a migration without a directory around it: every index is kept. */
    public static Function<Migration, Set<String>> none() {
        return migration -> Set.of();
    }
}
