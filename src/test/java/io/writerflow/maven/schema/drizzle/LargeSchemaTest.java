package io.writerflow.maven.schema.drizzle;

import io.writerflow.maven.testing.LargeSchemas;

import io.writerflow.maven.schema.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static io.writerflow.maven.schema.drizzle.DrizzleKitProjects.assertSameSchema;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A schema of the size DESIGN.md measured (300 tables, about 4,500 lines) reads as drizzle-kit reads it, in
 * reasonable time. The bound is loose on purpose: it catches a pathological slowdown, not noise.
 */
class LargeSchemaTest {

    static final int TABLES = 300;

    @TempDir
    Path project;

    @Test
    void threeHundredTablesReadAsDrizzleKitReadsThem() throws IOException {
        String source = LargeSchemas.largeSchema(TABLES);
        Files.writeString(project.resolve("schema.js"), source);
        assertTrue(source.lines().count() >= 4_500, "about 4,500 lines");

        long start = System.nanoTime();
        Schema actual = new DrizzleSchemaLoader().load(project.resolve("schema.js"));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        System.err.printf("DrizzleSchemaLoader: %d tables, %d lines in %d ms%n", TABLES, source.lines().count(),
                took.toMillis());

        assertEquals(TABLES, actual.tables().size());
        assertTrue(took.compareTo(Duration.ofSeconds(60)) < 0, "took " + took);
        assertSameSchema(DrizzleKitProjects.drizzleKitSchema(project), actual);
    }


}
