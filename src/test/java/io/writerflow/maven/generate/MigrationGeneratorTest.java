package io.writerflow.maven.generate;

import io.writerflow.maven.WriterflowException;
import io.writerflow.maven.schema.Snapshot;
import io.writerflow.maven.schema.SnapshotCodec;
import io.writerflow.maven.schema.drizzle.DrizzleSchemaLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MigrationGeneratorTest {

    @TempDir
    Path project;

    private GenerateResult generate(Optional<String> name, boolean custom, String renames) {
        return new MigrationGenerator(new DrizzleSchemaLoader()).generate(new GenerateRequest(
                project.resolve("schema.js"), "schema.js", project.resolve("drizzle"), "drizzle", name, custom,
                renames, false, 1700000000000L));
    }

    private void schema(String columns) throws Exception {
        Files.writeString(project.resolve("schema.js"), "import { sqliteTable, text, integer } from \"drizzle-orm/sqlite-core\";\n"
                + "export const users = sqliteTable(\"users\", { id: integer(\"id\").primaryKey(), " + columns + " });\n");
    }

    @Test
    void anUnchangedSchemaIsKnownToMatchTheSnapshotItWroteUntilAnythingItReadsChanges() throws Exception {
        Files.writeString(project.resolve("columns.js"), "import { text } from \"drizzle-orm/sqlite-core\";\n"
                + "export const name = () => text(\"name\");\n");
        Files.writeString(project.resolve("schema.js"), "import { sqliteTable, integer } from \"drizzle-orm/sqlite-core\";\n"
                + "import { name } from \"./columns.js\";\n"
                + "export const users = sqliteTable(\"users\", { id: integer(\"id\").primaryKey(), name: name() });\n");
        DrizzleSchemaLoader loader = new DrizzleSchemaLoader(io.writerflow.maven.schema.drizzle.JsRuntime.AUTO, "node",
                Optional.of(project.resolve("target/cache")));
        MigrationGenerator generator = new MigrationGenerator(loader);
        GenerateRequest request = new GenerateRequest(project.resolve("schema.js"), "schema.js",
                project.resolve("drizzle"), "drizzle", Optional.empty(), false, "", false, 1700000000000L);
        generator.generate(request);
        byte[] snapshot = Files.readAllBytes(project.resolve("drizzle/meta/0000_snapshot.json"));

        assertTrue(loader.knownToMatch(request.schema(), snapshot), "the next generate need not read either side");
        assertTrue(generator.generate(request).written().isEmpty());
        assertFalse(loader.knownToMatch(request.schema(), "{}".getBytes()), "another snapshot");
        Files.writeString(project.resolve("columns.js"), "import { text } from \"drizzle-orm/sqlite-core\";\n"
                + "export const name = () => text(\"name\").notNull().default(\"\");\n");
        assertFalse(loader.knownToMatch(request.schema(), snapshot), "an imported file changed");
        assertTrue(generator.generate(request).written().isPresent(), "and the change is generated");
    }

    @Test
    void pendingChangesDiffsWithoutWriting() throws Exception {
        schema("name: text(\"name\")");
        generate(Optional.empty(), false, "");
        MigrationGenerator generator = new MigrationGenerator(new DrizzleSchemaLoader());
        GenerateRequest request = new GenerateRequest(project.resolve("schema.js"), "schema.js",
                project.resolve("drizzle"), "drizzle", Optional.empty(), false, "", true, 0L);
        assertEquals(java.util.List.of(), generator.pendingChanges(request));

        schema("name: text(\"name\"), score: integer(\"score\")");
        String journal = Files.readString(project.resolve("drizzle/meta/_journal.json"));
        assertEquals(java.util.List.of("add column users.score"), generator.pendingChanges(request).stream()
                .map(io.writerflow.maven.diff.ChangeNames::describe).toList());
        assertEquals(journal, Files.readString(project.resolve("drizzle/meta/_journal.json")));
        try (var files = Files.list(project.resolve("drizzle"))) {
            assertEquals(1, files.filter(f -> f.toString().endsWith(".sql") && !f.toString().endsWith(".down.sql"))
                    .count());
        }
    }

    @Test
    void aColumnAddedNotNullWithoutADefaultIsAWarningOfTheResult() throws Exception {
        schema("name: text(\"name\")");
        generate(Optional.empty(), false, "");
        schema("name: text(\"name\"), score: integer(\"score\").notNull()");

        GenerateResult result = generate(Optional.empty(), false, "");

        assertEquals(java.util.List.of("Adds users.score NOT NULL without a default: applying fails if users has rows"),
                result.warnings());
        assertEquals(java.util.List.of(), result.dataLoss());
    }

    @Test
    void customWritesAnEmptyMigrationOnTheSameSchema() throws Exception {
        schema("name: text(\"name\")");
        generate(Optional.empty(), false, "");
        GenerateResult custom = generate(Optional.empty(), true, "");

        assertEquals("0001_custom", custom.written().orElseThrow().entry().tag());
        assertEquals(java.util.List.of(), custom.tables(), "no schema read: drizzle-kit prints no summary either");
        assertEquals(MigrationGenerator.CUSTOM_SQL, Files.readString(project.resolve("drizzle/0001_custom.sql")));
        Snapshot first = SnapshotCodec.read(Files.readString(project.resolve("drizzle/meta/0000_snapshot.json")));
        Snapshot second = SnapshotCodec.read(Files.readString(project.resolve("drizzle/meta/0001_snapshot.json")));
        assertEquals(first.schema(), second.schema());
        assertEquals(first.id(), second.prevId());
        assertNotEquals(first.id(), second.id());
    }

    @Test
    void declaredColumnRenameKeepsTheColumnAndIsRecordedInTheSnapshot() throws Exception {
        schema("name: text(\"name\")");
        generate(Optional.empty(), false, "");
        schema("fullName: text(\"full_name\")");

        WriterflowException undeclared = assertThrows(WriterflowException.class,
                () -> generate(Optional.empty(), false, ""));
        assertTrue(undeclared.getMessage().contains("-Dwriterflow.renames=users.name:full_name"),
                undeclared.getMessage());
        assertFalse(Files.exists(project.resolve("drizzle/meta/0001_snapshot.json")));

        GenerateResult renamed = generate(Optional.empty(), false, "users.name:full_name");
        Path sql = renamed.written().orElseThrow().sql();
        assertEquals("ALTER TABLE `users` RENAME COLUMN \"name\" TO \"full_name\";", Files.readString(sql));
        String snapshot = Files.readString(project.resolve("drizzle/meta/0001_snapshot.json"));
        assertTrue(snapshot.contains("\"\\\"users\\\".\\\"name\\\"\": \"\\\"users\\\".\\\"full_name\\\"\""), snapshot);
    }

    @Test
    void answeredRenamesAreWrittenAndTheirPropertiesWriteTheSameFilesWithoutAsking() throws Exception {
        schema("name: text(\"name\"), nick: text(\"nick\")");
        generate(Optional.empty(), false, "");
        Path copy = project.resolve("copy");
        Files.createDirectories(copy.resolve("meta"));
        try (var files = Files.walk(project.resolve("drizzle"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, copy.resolve(project.resolve("drizzle").relativize(file)));
            }
        }
        schema("fullName: text(\"full_name\"), handle: text(\"handle\")");
        java.util.List<io.writerflow.maven.diff.RenameQuestion> asked = new java.util.ArrayList<>();
        // full_name was name; handle is new, so nick is dropped
        MigrationGenerator asking = new MigrationGenerator(new DrizzleSchemaLoader(),
                new io.writerflow.maven.diff.RenameInterview(question -> {
                    asked.add(question);
                    return question.created().equals("full_name") ? Optional.of("name") : Optional.empty();
                }));

        GenerateResult answered = asking.generate(new GenerateRequest(project.resolve("schema.js"), "schema.js",
                project.resolve("drizzle"), "drizzle", Optional.empty(), false, "", false, 1700000000000L));

        assertEquals(java.util.List.of("full_name: [name, nick]", "handle: [nick]"), asked.stream()
                .map(q -> q.created() + ": " + q.candidates()).toList());
        String properties = answered.answers().orElseThrow().properties();
        assertEquals("-Dwriterflow.renames=users.name:full_name -Dwriterflow.acceptDrops=true", properties);
        GenerateResult repeated = new MigrationGenerator(new DrizzleSchemaLoader()).generate(new GenerateRequest(
                project.resolve("schema.js"), "schema.js", copy, "copy", Optional.empty(), false,
                "users.name:full_name", true, 1700000000000L));
        assertEquals(Optional.empty(), repeated.answers());
        String tag = answered.written().orElseThrow().entry().tag();
        assertEquals(tag, repeated.written().orElseThrow().entry().tag());
        for (String file : java.util.List.of(tag + ".sql", "meta/0001_snapshot.json", "meta/_journal.json")) {
            assertEquals(Files.readString(project.resolve("drizzle").resolve(file)), Files.readString(copy.resolve(file)),
                    file);
        }
        assertTrue(Files.readString(copy.resolve(tag + ".sql")).contains("RENAME COLUMN \"name\" TO \"full_name\""));
    }

    @Test
    void aNameTooLongForAFileIsRefusedBeforeAnythingIsWrittenAndTheNextGenerateWorks() throws Exception {
        schema("name: text(\"name\")");
        WriterflowException e = assertThrows(WriterflowException.class,
                () -> generate(Optional.of("n".repeat(300)), false, ""));
        assertEquals("writerflow.name is 300 characters long; with its prefix and extension the migration's file name"
                + " would pass what file systems allow (255 bytes).", e.problem());
        assertEquals("Use a name of at most 200 characters.", e.nextStep());
        assertFalse(Files.exists(project.resolve("drizzle")), "no empty drizzle/meta/ left for the next generate");

        assertTrue(generate(Optional.of("n".repeat(200)), false, "").written().isPresent());
    }
}
