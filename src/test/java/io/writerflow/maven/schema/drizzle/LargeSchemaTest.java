package io.writerflow.maven.schema.drizzle;

import io.writerflow.maven.testing.LargeSchemas;

import io.writerflow.maven.schema.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.time.Duration;

import static io.writerflow.maven.schema.drizzle.DrizzleKitProjects.assertSameSchema;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A schema of the size DESIGN.md measured (300 tables, about 4,500 lines) reads as drizzle-kit reads it, in
 * both runtimes. The time it took is printed, not asserted: the benchmark is where timing belongs.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(value = JsRuntime.class, names = {"NODE", "GRAALJS"})
class LargeSchemaTest {

    @Parameter
    JsRuntime runtime;


    static final int TABLES = 300;

    @TempDir
    Path project;

    @Test
    void threeHundredTablesReadAsDrizzleKitReadsThem() throws IOException {
        String source = LargeSchemas.largeSchema(TABLES);
        Files.writeString(project.resolve("schema.js"), source);
        assertTrue(source.lines().count() >= 4_500, "about 4,500 lines");

        long start = System.nanoTime();
        Schema actual = new DrizzleSchemaLoader(runtime, "node", Optional.empty()).load(project.resolve("schema.js"));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        System.err.printf("DrizzleSchemaLoader (%s): %d tables, %d lines in %d ms%n", runtime, TABLES,
                source.lines().count(),
                took.toMillis());

        assertEquals(TABLES, actual.tables().size());
        assertSameSchema(DrizzleKitProjects.drizzleKitSchema(project), actual);
    }

}
