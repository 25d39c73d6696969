package io.writerflow.maven.generate;

import io.writerflow.maven.WriterflowException;
import io.writerflow.maven.migrations.MigrationLayout;
import io.writerflow.maven.migrations.WrittenMigration;
import io.writerflow.maven.schema.Snapshot;
import io.writerflow.maven.schema.SnapshotV7Codec;
import io.writerflow.maven.schema.Unique;
import io.writerflow.maven.schema.drizzle.DrizzleSchemaLoader;
import io.writerflow.maven.schema.drizzle.SchemaInput;
import io.writerflow.maven.testing.DrizzleDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** generate in drizzle-kit 1.0's layout: folders, version "7" snapshots, 1.0's model of the schema. */
class FolderLayoutGenerateTest {

    /** 2023-11-14T22:13:20Z. */
    private static final long NOW = 1700000000000L;

    @TempDir
    Path project;

    private GenerateResult generate(String name, boolean custom, Optional<MigrationLayout> layout) {
        return new MigrationGenerator(new DrizzleSchemaLoader()).generate(new GenerateRequest(
                SchemaInput.of(project.resolve("schema.js"), "schema.js"), project.resolve("drizzle"), "drizzle",
                Optional.of(name),
                custom, "", false, NOW, layout));
    }

    private GenerateResult generate(String name) {
        return generate(name, false, Optional.empty());
    }

    private void schema(String columns) throws Exception {
        Files.writeString(project.resolve("schema.js"), "import { sqliteTable, text, integer } from"
                + " \"drizzle-orm/sqlite-core\";\nexport const users = sqliteTable(\"users\", {"
                + " id: integer(\"id\").primaryKey(), email: text(\"email\").notNull().unique(), " + columns + " });\n");
    }

    private Snapshot snapshot(WrittenMigration written) throws Exception {
        return SnapshotV7Codec.read(Files.readString(written.snapshot()), written.snapshot().toString());
    }

    /** A folder directory of two migrations: {@code users} with {@code name}, then {@code score} added. */
    private List<WrittenMigration> initThenAddScore() throws Exception {
        schema("name: text(\"name\")");
        WrittenMigration first = generate("init", false, Optional.of(MigrationLayout.FOLDERS)).written().orElseThrow();
        schema("name: text(\"name\"), score: integer(\"score\")");
        return List.of(first, generate("add_score").written().orElseThrow());
    }

    @Test
    void aNewDirectoryInFoldersGetsAFolderWithSqlAndAVersion7Snapshot() throws Exception {
        schema("name: text(\"name\")");

        WrittenMigration written = generate("init", false, Optional.of(MigrationLayout.FOLDERS)).written().orElseThrow();

        assertEquals("20231114221320_init", written.entry().tag());
        assertEquals(project.resolve("drizzle/20231114221320_init/migration.sql"), written.sql());
        String sql = Files.readString(written.sql());
        // the plugin's own planner: `.unique()` is a UNIQUE constraint of the table, as drizzle-kit 1.0 models it
        assertTrue(sql.contains("CONSTRAINT users_email_unique UNIQUE(`email`)"), sql);
        assertFalse(sql.contains("CREATE UNIQUE INDEX"), sql);
        String json = Files.readString(written.snapshot());
        assertTrue(json.startsWith("{\n  \"version\": \"7\",\n  \"dialect\": \"sqlite\",\n  \"id\": \""), json);
        Snapshot snapshot = snapshot(written);
        assertEquals(List.of(Snapshot.ORIGIN), snapshot.prevIds());
        assertEquals(List.of(new Unique("users_email_unique", List.of("email"))),
                snapshot.schema().table("users").orElseThrow().uniqueConstraints());
        assertFalse(Files.exists(project.resolve("drizzle/meta")));
    }

    @Test
    void theDirectorysLayoutIsContinuedAndItsLastSnapshotIsTheParent() throws Exception {
        schema("name: text(\"name\")");
        WrittenMigration first = generate("init", false, Optional.of(MigrationLayout.FOLDERS)).written().orElseThrow();
        assertTrue(generate("noop").written().isEmpty(), "the snapshot read back is the schema generate wrote");

        schema("name: text(\"name\"), score: integer(\"score\")");
        WrittenMigration second = generate("add_score").written().orElseThrow();

        assertEquals("20231114221321_add_score", second.entry().tag(), "a second after the last folder");
        assertEquals("ALTER TABLE `users` ADD `score` integer;", Files.readString(second.sql()));
        assertEquals(List.of(snapshot(first).id()), snapshot(second).prevIds());
    }

    @Test
    void theSameSchemaOnTheSameDirectoryGivesTheSameFiles() throws Exception {
        schema("name: text(\"name\")");
        String json = Files.readString(generate("init", false, Optional.of(MigrationLayout.FOLDERS)).written()
                .orElseThrow().snapshot());
        Path again = project.resolve("drizzle");
        Files.walk(again).sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());

        assertEquals(json, Files.readString(generate("init", false, Optional.of(MigrationLayout.FOLDERS)).written()
                .orElseThrow().snapshot()));
    }

    @Test
    void customWritesAnEmptyMigrationFolder() throws Exception {
        schema("name: text(\"name\")");
        WrittenMigration first = generate("init", false, Optional.of(MigrationLayout.FOLDERS)).written().orElseThrow();

        WrittenMigration custom = generate("backfill", true, Optional.empty()).written().orElseThrow();

        assertEquals(MigrationGenerator.CUSTOM_SQL, Files.readString(custom.sql()));
        assertEquals(snapshot(first).schema(), snapshot(custom).schema());
        assertEquals(List.of(snapshot(first).id()), snapshot(custom).prevIds());
    }

    @Test
    void askingForTheOtherLayoutOfADirectoryFails() throws Exception {
        schema("name: text(\"name\")");
        generate("init", false, Optional.of(MigrationLayout.FOLDERS));
        schema("name: text(\"name\"), score: integer(\"score\")");

        WriterflowException e = assertThrows(WriterflowException.class,
                () -> generate("add_score", false, Optional.of(MigrationLayout.JOURNAL)));

        assertTrue(e.problem().startsWith("writerflow.layout=journal but drizzle already keeps its migrations in the"
                + " folders layout"), e.problem());
    }

    @Test
    void aNewDirectoryGetsTheJournalUnlessAskedOtherwise() throws Exception {
        schema("name: text(\"name\")");
        WrittenMigration written = generate("init").written().orElseThrow();
        assertEquals("0000_init", written.entry().tag());
        assertTrue(Files.exists(project.resolve("drizzle/meta/_journal.json")));
    }

    /**
     * drizzle-kit 1.0.0-rc.5 names two migrations generated within one second by the same timestamp, so that
     * name order may put the second first: its snapshot, not the last folder's, is the schema so far.
     */
    @Test
    void aLastMigrationThatSortsFirstIsNotContinued() throws Exception {
        List<WrittenMigration> two = initThenAddScore();
        WrittenMigration first = two.get(0);
        WrittenMigration second = two.get(1);
        Path sameSecond = project.resolve("drizzle/20231114221320_add_score");
        Files.move(second.sql().getParent(), sameSecond);

        WriterflowException e = assertThrows(WriterflowException.class, () -> generate("next"));

        assertEquals("drizzle/20231114221320_add_score sorts before drizzle/" + first.entry().tag() + ", whose snapshot"
                + " it follows, so it would be applied first (drizzle-kit 1.0 names two migrations generated within one"
                + " second so).", e.problem());
        assertEquals("If no database has applied 20231114221320_add_score yet, rename drizzle/20231114221320_add_score"
                + " with a timestamp after 20231114221320_init's.", e.nextStep());
    }

    /** Two branches each generated a migration; git merged their folders without a word. */
    @Test
    void twoEndsOfTheSnapshotChainAreNotContinued() throws Exception {
        List<WrittenMigration> two = initThenAddScore();
        WrittenMigration first = two.get(0);
        WrittenMigration main = two.get(1);
        String branch = "20231114221330_add_age";
        DrizzleDirectory.folders(project.resolve("drizzle")).migration(branch, "ALTER TABLE `users` ADD `age` integer;")
                .snapshot(branch, Files.readString(main.snapshot()).replace(snapshot(main).id(), "branch-id"));
        schema("name: text(\"name\"), score: integer(\"score\"), age: integer(\"age\")");

        WriterflowException e = assertThrows(WriterflowException.class, () -> generate("next"));

        assertEquals("drizzle/" + main.entry().tag() + " and drizzle/20231114221330_add_age each end the chain of"
                + " snapshots (no later snapshot follows them): two branches each generated a migration without the"
                + " other's.", e.problem());
        assertEquals(List.of(snapshot(first).id()), snapshot(main).prevIds());
    }
}
