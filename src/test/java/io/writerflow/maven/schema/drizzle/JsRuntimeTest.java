package io.writerflow.maven.schema.drizzle;

import io.writerflow.maven.WriterflowException;
import io.writerflow.maven.schema.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which runtime reads the schema: Node.js when it can, GraalJS otherwise, and the same schema either way. */
class JsRuntimeTest {

    private static final String SCHEMA = """
            import { sqliteTable, integer, text } from "drizzle-orm/sqlite-core";
            export const notes = sqliteTable("notes", { id: integer().primaryKey(), body: text().notNull() });
            """;

    @TempDir
    Path project;

    @Test
    void bothRuntimesReadTheExampleProjectIntoTheSameSchema() {
        Path example = Path.of("example/src/lib/db/schema.js").toAbsolutePath();

        Schema node = new DrizzleSchemaLoader(JsRuntime.NODE, "node", Optional.empty()).load(example);
        Schema graal = new DrizzleSchemaLoader(JsRuntime.GRAALJS, "node", Optional.empty()).load(example);

        assertEquals(graal, node);
        assertTrue(node.tables().size() >= 2, "the example defines several tables");
    }

    @Test
    void nodeWhenNodeIsMissingSaysWhatToDo() {
        String missing = project.resolve("bin/node").toString();

        WriterflowException e = assertThrows(WriterflowException.class,
                () -> new DrizzleSchemaLoader(JsRuntime.NODE, missing, Optional.empty()).load(schemaFile(), SCHEMA));

        assertEquals("Node.js was not found: writerflow.node is '" + missing + "', which is not an executable file,"
                + " and writerflow.jsRuntime=node needs it.", e.problem());
        assertTrue(e.nextStep().contains("writerflow.jsRuntime=graaljs"), e.nextStep());
    }

    @Test
    void autoReadsTheSchemaInGraalJsWhenNodeIsMissing() {
        Schema schema = new DrizzleSchemaLoader(JsRuntime.AUTO, project.resolve("bin/node").toString(),
                Optional.empty()).load(schemaFile(), SCHEMA);

        assertTrue(schema.table("notes").isPresent());
    }

    @Test
    void aNodeTooOldForModuleHooksIsNamedOrPassedOver() throws IOException {
        // what node-main.mjs says and does on a Node.js without module.register()
        Path old = Files.createDirectories(project.resolve("bin")).resolve("node");
        Files.writeString(old, "#!/bin/sh\necho 'writerflow: Node.js v18.20.0 cannot load module hooks (20.6 or newer"
                + " can)' >&2\nexit 3\n");
        Files.setPosixFilePermissions(old, PosixFilePermissions.fromString("rwxr-xr-x"));

        WriterflowException e = assertThrows(WriterflowException.class, () -> new DrizzleSchemaLoader(JsRuntime.NODE,
                old.toString(), Optional.empty()).load(schemaFile(), SCHEMA));
        Schema schema = new DrizzleSchemaLoader(JsRuntime.AUTO, old.toString(), Optional.empty())
                .load(schemaFile(), SCHEMA);

        assertEquals("Node.js v18.20.0 cannot load module hooks (20.6 or newer can)", e.problem());
        assertTrue(schema.table("notes").isPresent());
    }

    @Test
    void aNodeThatFailsWithoutAWordAboutTheSchemaIsNamedOrPassedOver() throws IOException {
        Path broken = Files.createDirectories(project.resolve("bin")).resolve("node");
        Files.writeString(broken, "#!/bin/sh\necho 'Segmentation fault' >&2\nexit 139\n");
        Files.setPosixFilePermissions(broken, PosixFilePermissions.fromString("rwxr-xr-x"));

        WriterflowException e = assertThrows(WriterflowException.class, () -> new DrizzleSchemaLoader(JsRuntime.NODE,
                broken.toString(), Optional.empty()).load(schemaFile(), SCHEMA));
        Schema schema = new DrizzleSchemaLoader(JsRuntime.AUTO, broken.toString(), Optional.empty())
                .load(schemaFile(), SCHEMA);

        assertEquals(schemaFile() + ": reading the schema failed inside the JavaScript runtime: Node.js exited with"
                + " code 139: Segmentation fault", e.problem());
        assertTrue(schema.table("notes").isPresent());
    }

    @Test
    void nodeReadsTheSchemaAsAnEsModuleWhateverPackageJsonSays() throws IOException {
        Files.writeString(project.resolve("package.json"), "{ \"type\": \"commonjs\" }\n");
        Files.writeString(project.resolve("columns.js"), "import { integer } from \"drizzle-orm/sqlite-core\";\n"
                + "export const id = () => integer().primaryKey();\n");
        Files.writeString(schemaFile(), """
                import { sqliteTable, text } from "drizzle-orm/sqlite-core";
                import { id } from "./columns";
                export const notes = sqliteTable("notes", { id: id(), body: text() });
                """);

        Schema schema = new DrizzleSchemaLoader(JsRuntime.NODE, "node", Optional.empty()).load(schemaFile());

        assertTrue(schema.table("notes").orElseThrow().column("id").orElseThrow().primaryKey());
    }

    @Test
    void anUnknownRuntimeNamesTheSetting() {
        WriterflowException e = assertThrows(WriterflowException.class, () -> JsRuntime.parse("deno"));

        assertEquals("writerflow.jsRuntime is 'deno', which is not a runtime writerflow knows.", e.problem());
        assertEquals(JsRuntime.GRAALJS, JsRuntime.parse(" GraalJS "));
    }

    private Path schemaFile() {
        return project.resolve("schema.js");
    }
}
