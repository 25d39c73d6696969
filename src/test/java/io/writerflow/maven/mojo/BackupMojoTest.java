package io.writerflow.maven.mojo;

import io.writerflow.maven.mojo.MojoHarnessTest.RecordingLog;
import io.writerflow.maven.testing.DrizzleDirectory;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** apply with backup and dry run, and restore, as Maven builds them from the plugin descriptor. */
@MojoTest
class BackupMojoTest {

    private static final String POM = "classpath:/unit/pom.xml";

    @TempDir
    Path project;

    private void migrations(String... sql) throws Exception {
        DrizzleDirectory drizzle = DrizzleDirectory.journal(project.resolve("drizzle"));
        for (int i = 0; i < sql.length; i++) {
            drizzle.migration(String.format("%04d_m%d", i, i), sql[i]);
        }
    }

    private <T extends AbstractWriterflowMojo> T inProject(T mojo, RecordingLog log) {
        mojo.baseDir = project.toFile();
        mojo.out = project.resolve("drizzle").toFile();
        mojo.setLog(log);
        return mojo;
    }

    private static final String INIT = "CREATE TABLE `notes` (`id` integer PRIMARY KEY, `body` text);\n"
            + "--> statement-breakpoint\nINSERT INTO `notes` (`body`) VALUES ('a'), (NULL);";

    @Test
    @InjectMojo(goal = "apply", pom = POM)
    void backupIsWrittenBeforeThePendingMigrations(ApplyMojo apply) throws Exception {
        migrations(INIT);
        inProject(apply, new RecordingLog()).execute();
        migrations(INIT, "DELETE FROM `notes`;");
        RecordingLog log = new RecordingLog();
        inProject(apply, log).backup = true;
        apply.backupDir = null; // the default: outside target/, which mvn clean removes
        apply.execute();

        assertTrue(log.info.get(1).matches("Backup of file:local\\.db written to \\.writerflow/backups/"
                + "local\\.db-\\d{8}T\\d{6}Z\\.sqlite \\(\\d+\\.\\d KB, 3 rows in \\d+ ms\\)"), log.info.toString());
        assertTrue(log.info.get(2).startsWith("Applied 0001_m1"), log.info.toString());
        try (Stream<Path> files = Files.list(project.resolve(".writerflow/backups"))) {
            assertEquals(1, files.count());
        }

        RecordingLog nothing = new RecordingLog();
        inProject(apply, nothing).execute();
        assertEquals(2, nothing.info.size(), "no backup when nothing is pending: " + nothing.info);
    }

    @Test
    @InjectMojo(goal = "restore", pom = POM)
    void restoreFillsANewDatabaseThenRefusesIt(RestoreMojo restore) throws Exception {
        migrations(INIT);
        Files.createDirectories(project.resolve("target"));
        Files.writeString(project.resolve("target/backup.sql"), "CREATE TABLE keep (x);\nINSERT INTO keep VALUES(1);\n");
        Files.writeString(project.resolve(".env"), "TURSO_DATABASE_URL=file:local.db\n");
        RecordingLog log = new RecordingLog();
        inProject(restore, log).from = new File("target/backup.sql");
        restore.execute();
        assertTrue(log.info.get(1).matches("Restored target/backup\\.sql into file:local\\.db \\(1 row, 2 statements in"
                + " \\d+ ms\\)"), log.info.toString());

        byte[] before = Files.readAllBytes(project.resolve("local.db"));
        MojoFailureException e = assertThrows(MojoFailureException.class, restore::execute);
        assertTrue(e.getMessage().startsWith("Refusing to restore into file:local.db (from TURSO_DATABASE_URL in .env):"
                + " it is not empty (1 table: keep)."), e.getMessage());
        assertTrue(e.getMessage().contains("Next step: Restore into a new database"), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(project.resolve("local.db")));

        restore.from = null;
        e = assertThrows(MojoFailureException.class, restore::execute);
        assertTrue(e.getMessage().contains("-Dwriterflow.from="), e.getMessage());
    }

    @Test
    @InjectMojo(goal = "apply", pom = POM)
    void dryRunReportsAndChangesNothing(ApplyMojo apply) throws Exception {
        migrations(INIT);
        inProject(apply, new RecordingLog()).execute();
        byte[] before = Files.readAllBytes(project.resolve("local.db"));
        migrations(INIT, "UPDATE `notes` SET `body` = 'b' WHERE `body` IS NULL;");
        RecordingLog log = new RecordingLog();
        inProject(apply, log).dryRun = true;
        apply.execute();
        assertTrue(log.info.get(1).matches("Would apply 0001_m1: 1 statement, 1 row changed in \\d+ ms"),
                log.info.toString());
        assertEquals(List.of("Dry run: 1 migration would apply cleanly to file:local.db; nothing was changed"),
                log.info.subList(2, log.info.size()));
        assertEquals(List.of(), log.warn, "a file's copy runs on its own engine: no caveat about the server");
        assertArrayEquals(before, Files.readAllBytes(project.resolve("local.db")));

        migrations(INIT, "CREATE TABLE `n2` (`body` text NOT NULL);\n--> statement-breakpoint\n"
                + "INSERT INTO `n2` SELECT `body` FROM `notes`;");
        MojoFailureException e = assertThrows(MojoFailureException.class, apply::execute);
        assertTrue(e.getMessage().startsWith("Dry run: the next would fail on file:local.db; nothing was changed."),
                e.getMessage());
        assertTrue(e.getMessage().contains("drizzle/0001_m1.sql:3"), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(project.resolve("local.db")));
    }
}
