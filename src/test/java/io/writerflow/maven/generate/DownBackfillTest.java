package io.writerflow.maven.generate;

import io.writerflow.maven.migrations.MigrationLayout;
import io.writerflow.maven.migrations.MigrationPrefix;
import io.writerflow.maven.schema.Loss;
import io.writerflow.maven.schema.drizzle.DrizzleSchemaLoader;
import io.writerflow.maven.schema.drizzle.SchemaInput;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code -Dwriterflow.downs=true}: the down migrations an existing directory lacks, from its snapshots. */
class DownBackfillTest {

    @TempDir
    Path project;

    private static final String HEAD = "import { sqliteTable, text, integer } from \"drizzle-orm/sqlite-core\";\n";
    private static final List<String> SCHEMAS = List.of(
            "export const users = sqliteTable(\"users\", { id: integer(\"id\").primaryKey() });\n",
            "export const users = sqliteTable(\"users\", { id: integer(\"id\").primaryKey() });\n",
            "export const users = sqliteTable(\"users\", { id: integer(\"id\").primaryKey(), name: text(\"name\") });\n",
            "export const users = sqliteTable(\"users\", { id: integer(\"id\").primaryKey(), full: text(\"full\") });\n");
    private static final List<String> RENAMES = List.of("", "", "", "users.name:full");

    /** The directory generated with or without down migrations, a hand-written migration second. */
    private Path generate(String name, MigrationLayout layout, boolean downs) throws Exception {
        Path root = Files.createDirectories(project.resolve(name));
        Path drizzle = root.resolve("drizzle");
        long now = 1_700_000_000_000L;
        for (int i = 0; i < SCHEMAS.size(); i++) {
            Files.writeString(root.resolve("schema.js"), HEAD + SCHEMAS.get(i));
            new MigrationGenerator(new DrizzleSchemaLoader()).generate(new GenerateRequest(
                    SchemaInput.of(root.resolve("schema.js"), "schema.js"), drizzle, "drizzle", Optional.empty(),
                    i == 1, RENAMES.get(i), false, now + i * 2000L, Optional.of(layout), MigrationPrefix.INDEX, true,
                    downs));
            if (i == 1) {
                Path sql = MigrationLayout.entries(drizzle, "drizzle").get(1).sql().transform(drizzle::resolve);
                Files.writeString(sql, Files.readString(sql) + "\nINSERT INTO users (id) VALUES (1);");
            }
        }
        return drizzle;
    }

    private static List<String> files(Path drizzle) throws Exception {
        try (Stream<Path> files = Files.walk(drizzle)) {
            return files.filter(Files::isRegularFile).map(f -> drizzle.relativize(f).toString()).sorted().toList();
        }
    }

    @ParameterizedTest
    @EnumSource(MigrationLayout.class)
    void writesWhatGenerateWouldHaveWrittenAndLeavesWhatExists(MigrationLayout layout) throws Exception {
        Path with = generate("with", layout, true);
        Path without = generate("without", layout, false);
        List<String> downs = files(with).stream().filter(f -> f.endsWith("down.sql")).toList();
        assertEquals(4, downs.size(), downs.toString());
        assertTrue(files(without).stream().noneMatch(f -> f.endsWith("down.sql")), files(without).toString());
        String first = downs.get(0);
        Files.writeString(without.resolve(first), "-- mine\nDROP TABLE users;\n");

        List<DownBackfill.Written> written = DownBackfill.write(without, "drizzle");

        assertEquals(downs.subList(1, 4), written.stream().map(w -> without.relativize(w.file()).toString()).toList());
        assertEquals(List.of(true, false, false), written.stream().map(DownBackfill.Written::template).toList());
        assertEquals(List.of(List.of(), List.of(Loss.column("users", "name")), List.of()),
                written.stream().map(DownBackfill.Written::losses).toList());
        for (String down : downs.subList(1, 4)) {
            assertEquals(Files.readString(with.resolve(down)), Files.readString(without.resolve(down)), down);
        }
        assertEquals("-- mine\nDROP TABLE users;\n", Files.readString(without.resolve(first)));
        assertTrue(Files.readString(without.resolve(downs.get(3))).contains("RENAME COLUMN \"full\" TO \"name\""));
        assertEquals(List.of(), DownBackfill.write(without, "drizzle"), "nothing left to write");
    }
}
