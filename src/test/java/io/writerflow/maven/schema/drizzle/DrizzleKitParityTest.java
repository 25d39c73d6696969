package io.writerflow.maven.schema.drizzle;

import io.writerflow.maven.schema.Schema;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static io.writerflow.maven.schema.drizzle.DrizzleKitProjects.assertSameSchema;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The loader reads each schema in {@code src/test/resources/schema/drizzle/} into the same model as the
 * snapshot the real drizzle-kit 0.31.11 writes for it. Together the fixtures use every part of the drizzle
 * API the loader supports; each file says what it covers. Both runtimes are held to it, and to drizzle-kit's
 * {@code casing} setting.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(value = JsRuntime.class, names = {"NODE", "GRAALJS"})
class DrizzleKitParityTest {

    @Parameter
    JsRuntime runtime;


    @TempDir
    Path work;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"columns", "constraints", "indexes", "generated", "helpers", "views", "names",
            "typescript", "query-builder", "query-builder-conditions", "references"})
    void readsTheSchemaAsDrizzleKitDoes(String fixture) throws IOException {
        Path project = DrizzleKitProjects.fixture(fixture, work);

        Schema expected = DrizzleKitProjects.drizzleKitSchema(project);
        Schema actual = new DrizzleSchemaLoader(runtime, "node", Optional.empty())
                .load(DrizzleKitProjects.schemaFile(project));

        // in drizzle-kit's order too: a module's own exports by name, then those of each `export * from`
        assertSameSchema(expected, actual);
    }

    @org.junit.jupiter.api.Test
    void typeScriptTranspiledByTheProjectsEsbuildReadsTheSame() throws IOException {
        Path project = DrizzleKitProjects.fixture("typescript", work);
        Schema expected = DrizzleKitProjects.drizzleKitSchema(project);
        // with node_modules in reach, Node.js transpiles with the project's esbuild, as drizzle-kit does
        io.writerflow.maven.testing.NodePeers.linkNodeModules(project);
        Path cache = work.resolve("cache");

        Schema actual = new DrizzleSchemaLoader(runtime, "node", Optional.of(cache))
                .load(DrizzleKitProjects.schemaFile(project));

        java.nio.file.Files.delete(project.resolve("node_modules"));
        assertSameSchema(expected, actual);
        try (var entries = java.nio.file.Files.list(cache.resolve("transpiled"))) {
            String first = java.nio.file.Files.readString(entries.findFirst().orElseThrow());
            assertTrue(first.contains("sourceMappingURL=data:application/json;base64,"), "kept with its source map");
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"snake_case", "camelCase"})
    void namesColumnsByTheConfiguredCasingAsDrizzleKitDoes(String casing) throws IOException {
        Path project = DrizzleKitProjects.fixture("casing", work);

        Schema expected = DrizzleKitProjects.drizzleKitSchemaWithCasing(project, casing);
        Schema actual = new DrizzleSchemaLoader(runtime, "node", Optional.empty()).load(new SchemaInput(
                List.of(project.resolve("schema.js")), "schema.js", ScriptEnvironment.of(project), Optional.of(casing)));

        assertSameSchema(expected, actual);
    }
}
