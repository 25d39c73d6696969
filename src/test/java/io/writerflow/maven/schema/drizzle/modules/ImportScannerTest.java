package io.writerflow.maven.schema.drizzle.modules;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
        assertEquals(Set.of("b"), ImportScanner.importedNames("{ type A, b }"));
    }

    @Test
    void typeOnlyImportsAndExportsAreNotImports() {
        List<ImportScanner.Import> imports = ImportScanner.imports("""
                import type { Role } from "./roles";
                import type Default from "./default";
                export type { User } from "./users";
                import { type Post, posts } from "./posts";
                export * from "./tables";
                export * as helpers from "./helpers";
                const later = await import("./dynamic");
                """);

        assertEquals(List.of("./posts", "./tables", "./helpers", "./dynamic"),
                imports.stream().map(ImportScanner.Import::specifier).toList());
        assertEquals(List.of(ImportScanner.Kind.IMPORT, ImportScanner.Kind.STAR_EXPORT, ImportScanner.Kind.NAMED_EXPORT,
                ImportScanner.Kind.IMPORT), imports.stream().map(ImportScanner.Import::kind).toList());
        assertEquals(Set.of("posts"), imports.get(0).names());
    }

    @Test
    void followsRelativeImportsAndSkipsDrizzle() throws IOException {
        Files.createDirectories(project.resolve("lib"));
        Files.writeString(project.resolve("lib/index.js"), """
                import { customAlphabet } from "nanoid";
                export { v4 } from 'uuid';
                import "side-effect";
                """);
        Files.writeString(project.resolve("columns.ts"), """
                import cuid, {
                  createId,
                } from "@paralleldrive/cuid2";
                import { randomUUID } from "node:crypto";
                export * from "./lib";
                """);
        Path schema = project.resolve("schema.js");
        String source = """
                import { sqliteTable } from "drizzle-orm/sqlite-core";
                import { sql } from "drizzle-orm";
                import { nanoid } from "nanoid";
                import { createId } from "./columns.js";
                """;

        ModuleGraph graph = ModuleGraph.scan(List.of(schema), Map.of(schema, source), new ModuleResolver());

        assertEquals(Map.of(
                "nanoid", Set.of("nanoid", "customAlphabet"),
                "@paralleldrive/cuid2", Set.of("default", "createId"),
                "node:crypto", Set.of("randomUUID"),
                "uuid", Set.of("v4"),
                "side-effect", Set.of()), graph.packageImports());
        assertEquals(List.of(schema, project.resolve("columns.ts"), project.resolve("lib/index.js")), graph.files());
        assertEquals(Map.of(project.resolve("columns.ts"), List.of(project.resolve("lib/index.js"))),
                graph.starExports());
    }

    @Test
    void locatesTheImportOfASpecifier() {
        String source = "// header\nimport { a } from \"./a.js\";\n  import { b } from './b';\n";

        assertArrayEquals(new int[]{3, 3}, ImportScanner.locate(source, "./b"::equals).orElseThrow());
    }
}
