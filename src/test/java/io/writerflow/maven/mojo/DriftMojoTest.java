package io.writerflow.maven.mojo;

import io.writerflow.maven.mojo.MojoHarnessTest.RecordingLog;
import io.writerflow.maven.testing.DrizzleDirectory;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The goals of "Branches and drift" as Maven builds them: apply's outOfOrder, generate's from, adopt-drift. */
@MojoTest
class DriftMojoTest {

    private static final String POM = "classpath:/unit/pom.xml";

    @TempDir
    Path project;

    private <T extends AbstractWriterflowMojo> T inProject(T mojo, RecordingLog log) {
        mojo.baseDir = project.toFile();
        mojo.out = project.resolve("drizzle").toFile();
        mojo.setLog(log);
        return mojo;
    }

    private void execute(String... statements) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + project.resolve("local.db"));
             Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    @Test
    @InjectMojo(goal = "apply", pom = POM)
    void applyNamesTheFlagThenRunsTheMigrationOutOfOrder(ApplyMojo apply) throws Exception {
        DrizzleDirectory folders = DrizzleDirectory.folders(project.resolve("drizzle"))
                .migration("20261202140057_init", "CREATE TABLE `users` (`id` integer PRIMARY KEY);")
                .migration("20261202140100_tags", "CREATE TABLE `tags` (`id` integer PRIMARY KEY);");
        RecordingLog log = new RecordingLog();
        inProject(apply, log).execute();
        folders.migration("20261202140058_from_a_branch", "CREATE TABLE `notes` (`id` integer PRIMARY KEY);");

        MojoFailureException e = assertThrows(MojoFailureException.class, apply::execute);
        assertTrue(e.getMessage().contains("writerflow.outOfOrder is off"), e.getMessage());
        assertTrue(e.getMessage().contains("-Dwriterflow.outOfOrder=true"), e.getMessage());

        apply.outOfOrder = true;
        RecordingLog again = new RecordingLog();
        apply.setLog(again);
        apply.execute();
        assertTrue(again.info.get(1).startsWith("Applied 20261202140058_from_a_branch"), again.all());
    }

    @Test
    @InjectMojo(goal = "generate", pom = POM)
    void generateFromTheDatabaseStartsFromItsLiveSchema(GenerateMojo generate) throws Exception {
        Path schema = project.resolve("schema.js");
        Files.writeString(schema, """
                import { sqliteTable, text, integer } from "drizzle-orm/sqlite-core";
                export const users = sqliteTable("users", { id: integer("id").primaryKey(), name: text("name") });
                """);
        generate.schema = schema.toString();
        inProject(generate, new RecordingLog()).out = project.resolve("fresh").toFile();
        generate.execute();
        execute("CREATE TABLE users (id integer PRIMARY KEY NOT NULL, name text, extra text)");

        generate.from = "database";
        RecordingLog log = new RecordingLog();
        generate.setLog(log);
        generate.execute();

        assertTrue(log.all().contains("Starting from the live schema of file:local.db (writerflow.from=database)"),
                log.all());
        try (var files = Files.list(project.resolve("fresh"))) {
            Path second = files.filter(p -> p.getFileName().toString().startsWith("0001_")
                    && !p.toString().endsWith(".down.sql")).findFirst().orElseThrow();
            String sql = Files.readString(second);
            // reviewed from the live schema it starts from (not the previous snapshot, which has no users.extra)
            assertEquals("-- writerflow:lint WF102 error line 4: drops column users.extra: its values are lost, and"
                    + " the running application still reads it until every instance is deployed\n\n"
                    + "-- Drops column users.extra and its data\nALTER TABLE `users` DROP COLUMN `extra`;",
                    sql.strip());
        }

        generate.from = "latest";
        MojoFailureException e = assertThrows(MojoFailureException.class, generate::execute);
        assertTrue(e.getMessage().contains("writerflow.from=latest is not a choice"), e.getMessage());
    }

    @Test
    @InjectMojo(goal = "adopt-drift", pom = POM)
    void adoptDriftWithoutADatabaseOrDriftWritesNothing(AdoptDriftMojo adopt) throws Exception {
        DrizzleDirectory.journal(project.resolve("drizzle"))
                .migration("0000_init", "CREATE TABLE `users` (`id` integer PRIMARY KEY);");
        RecordingLog log = new RecordingLog();
        MojoFailureException e = assertThrows(MojoFailureException.class, inProject(adopt, log)::execute);
        assertTrue(e.getMessage().contains("does not exist, so it has no drift to adopt"), e.getMessage());

        execute("CREATE TABLE users (id integer PRIMARY KEY)");
        e = assertThrows(MojoFailureException.class, adopt::execute);
        assertTrue(e.getMessage().contains("has no migration applied"), e.getMessage());
        assertTrue(e.getMessage().contains("writerflow:baseline"), e.getMessage());
    }
}
