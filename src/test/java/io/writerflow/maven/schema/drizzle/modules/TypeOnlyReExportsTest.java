package io.writerflow.maven.schema.drizzle.modules;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TypeOnlyReExportsTest {

    @TempDir
    Path project;

    @Test
    void findsNamesThatAreOnlyTypesWhereTheyComeFrom() throws IOException {
        Files.writeString(project.resolve("types.ts"), "export interface A { x: number }\ntype B = string;\n"
                + "export { type B };\nexport const C = 1;\nexport type C = typeof C;\n");
        Files.writeString(project.resolve("middle.ts"), "export { A, C } from \"./types\";\n");
        Path barrel = project.resolve("index.ts");
        String source = "export { A as Alias, B, C } from './types';\nexport { A } from \"./middle\";\n";

        ModuleGraph graph = ModuleGraph.scan(List.of(barrel), Map.of(barrel, source), new ModuleResolver());
        Map<Path, Map<String, Set<String>>> drops = TypeOnlyReExports.find(graph, Map.of(barrel, source));

        assertEquals(Map.of("./types", Set.of("A", "B"), "./middle", Set.of("A")), drops.get(barrel),
                "C is a value as well as a type; a type re-exported by middle is a type of middle");
        assertEquals("export { C } from './types';\nexport {} from \"./middle\";\n",
                TypeOnlyReExports.strip(source, drops.get(barrel)));
    }
}
