package io.writerflow.maven.schema.drizzle;

import io.writerflow.maven.schema.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** An unchanged schema is not evaluated again; a change to it or to a module it imports is. */
@ParameterizedClass(name = "{0}")
@EnumSource(value = JsRuntime.class, names = {"NODE", "GRAALJS"})
class SchemaCacheTest {

    @Parameter
    JsRuntime runtime;


    @TempDir
    Path project;

    private static String table(String name) {
        return "export const " + name + " = sqliteTable(\"" + name + "\", { id: integer(\"id\").primaryKey() });\n";
    }

    private Path cacheFile() throws Exception {
        try (Stream<Path> files = Files.list(project.resolve("cache"))) {
            return files.filter(f -> f.toString().endsWith(".txt")).findFirst().orElseThrow();
        }
    }

    private static java.util.List<String> tables(Schema schema) {
        return schema.tables().stream().map(t -> t.name()).sorted().toList();
    }

    @Test
    void usedWhileTheSchemaAndItsImportsAreUnchanged() throws Exception {
        String header = "import { sqliteTable, integer } from \"drizzle-orm/sqlite-core\";\n";
        Files.writeString(project.resolve("tables.js"), header + table("imported"));
        Path schema = project.resolve("schema.js");
        Files.writeString(schema, header + "export * from \"./tables.js\";\n" + table("users"));
        DrizzleSchemaLoader loader = new DrizzleSchemaLoader(runtime, "node", Optional.of(project.resolve("cache")));
        assertEquals(java.util.List.of("imported", "users"), tables(loader.load(schema)));

        // a cache entry stands in for evaluation: planted with another table, it is what the next load returns
        Path entry = cacheFile();
        Files.writeString(entry, Files.readString(entry).replace("\"users\"", "\"planted\""));
        assertEquals(java.util.List.of("imported", "planted"), tables(loader.load(schema)));

        // an imported module changed: evaluated again
        Files.writeString(project.resolve("tables.js"), header + table("imported2"));
        assertEquals(java.util.List.of("imported2", "users"), tables(loader.load(schema)));

        // the schema file changed: evaluated again
        Files.writeString(schema, header + "export * from \"./tables.js\";\n" + table("people"));
        assertEquals(java.util.List.of("imported2", "people"), tables(loader.load(schema)));

        // a loader without a cache never reads one
        Files.writeString(cacheFile(), Files.readString(cacheFile()).replace("\"people\"", "\"planted\""));
        assertEquals(java.util.List.of("imported2", "people"),
                tables(new DrizzleSchemaLoader(runtime, "node", Optional.empty()).load(schema)));
    }
}
