package io.writerflow.maven.bench;

import io.writerflow.maven.generate.GenerateRequest;
import io.writerflow.maven.generate.MigrationGenerator;
import io.writerflow.maven.schema.drizzle.DrizzleSchemaLoader;
import io.writerflow.maven.schema.drizzle.JsRuntime;

import io.writerflow.maven.testing.LargeSchemas;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** One generate in a fresh JVM, timed as the goal times itself: prints "generate-ms N". Args: project, runtime. */
public final class GenerateOnce {

    private GenerateOnce() {
    }

    static void writeProject(Path project) throws Exception {
        Files.writeString(project.resolve("schema.js"), LargeSchemas.largeSchema(300));
    }

    /** The same 300 tables as schema.ts. */
    static void writeTypeScriptProject(Path project) throws Exception {
        Files.writeString(project.resolve("schema.ts"), LargeSchemas.largeTypeScriptSchema(300));
    }

    static Path schemaFile(Path project) {
        return Files.isRegularFile(project.resolve("schema.ts")) ? project.resolve("schema.ts")
                : project.resolve("schema.js");
    }

    /** The next change after the first migration: a nullable column added to the first table. */
    static void addColumn(Path project) throws Exception {
        Path schema = schemaFile(project);
        Files.writeString(schema, Files.readString(schema).replaceFirst("  raw: blob\\(\\),\n",
                "  raw: blob(),\n  note: text(),\n"));
    }

    public static void main(String[] args) {
        Path project = Path.of(args[0]);
        long start = System.nanoTime();
        // with the goal's cache: the first run evaluates schema.js, a run on an unchanged schema does not
        DrizzleSchemaLoader loader = new DrizzleSchemaLoader(JsRuntime.valueOf(args[1]), "node",
                Optional.of(project.resolve("target/writerflow/schema-cache")));
        Path schema = schemaFile(project);
        new MigrationGenerator(loader).generate(new GenerateRequest(schema, schema.getFileName().toString(), project.resolve("drizzle"), "drizzle", Optional.empty(), false, "", false,
                1700000000000L));
        System.out.println("generate-ms " + (System.nanoTime() - start) / 1_000_000);
    }
}
