package io.writerflow.maven.schema.drizzle;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class ImportScannerTest {

    @TempDir
    Path project;

    @Test
    void namesOfEveryImportForm() {
        assertEquals(Set.of("default"), ImportScanner.importedNames("createId"));
        assertEquals(Set.of("default", "a", "b"), ImportScanner.importedNames("x, { a, b as c }"));
        assertEquals(Set.of("default", "a-b"), ImportScanner.importedNames("{ default as d, \"a-b\" as e }"));
        assertEquals(Set.of(), ImportScanner.importedNames("* as ns"));
        assertEquals(Set.of(), ImportScanner.importedNames(""));
    }

    @Test
    void followsRelativeImportsAndSkipsDrizzle() throws IOException {
        Files.createDirectories(project.resolve("lib"));
        Files.writeString(project.resolve("lib/index.js"), """
                import { customAlphabet } from "nanoid";
                export { v4 } from 'uuid';
                import "side-effect";
                """);
        Files.writeString(project.resolve("columns.js"), """
                import cuid, {
                  createId,
                } from "@paralleldrive/cuid2";
                export * from "./lib";
                """);
        String schema = """
                import { sqliteTable } from "drizzle-orm/sqlite-core";
                import { sql } from "drizzle-orm";
                import { nanoid } from "nanoid";
                import { createId } from "./columns";
                """;

        Map<String, Set<String>> imports = ImportScanner.packageImports(project.resolve("schema.js"), schema);

        assertEquals(Map.of(
                "nanoid", Set.of("nanoid", "customAlphabet"),
                "@paralleldrive/cuid2", Set.of("default", "createId"),
                "uuid", Set.of("v4"),
                "side-effect", Set.of()), imports);
    }

    @Test
    void locatesTheImportOfASpecifier() {
        String source = "// header\nimport { a } from \"./a.js\";\n  import { b } from './b';\n";

        assertArrayEquals(new int[]{3, 3}, ImportScanner.locate(source, "./b"::equals).orElseThrow());
    }
}
