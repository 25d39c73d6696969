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
