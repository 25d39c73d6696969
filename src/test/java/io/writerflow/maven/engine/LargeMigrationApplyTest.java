package io.writerflow.maven.engine;

import io.writerflow.maven.testing.LargeMigration;
import io.writerflow.maven.testing.Rows;
import io.writerflow.maven.testing.TestSettings;
import io.writerflow.maven.testing.TursoServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Apply streams a large migration instead of holding it: a 20 MB migration applies, in one piece, in a JVM whose
 * heap could not hold its text twice (as the file's text and its list of statements, as apply did before). No
 * timing is asserted.
 */
class LargeMigrationApplyTest {

    private static final int INSERTS = 40_000;
    private static final int HEAP_MB = 32;

    @TempDir
    Path project;

    private Path drizzle() throws Exception {
        Path drizzle = LargeMigration.write(project, INSERTS);
        long size = Files.size(drizzle.resolve("0001_fill.sql"));
        assertTrue(2 * size > HEAP_MB * 1024L * 1024, "two copies of the migration would fit in the heap: " + size);
        return drizzle;
    }

    private static LargeMigration.Run apply(Path drizzle, String url) throws Exception {
        LargeMigration.Run run = LargeMigration.applyInChildJvm(drizzle, url, HEAP_MB,
                System.getProperty("java.class.path"), 120);
        assertTrue(run.succeeded(), () -> "apply with -Xmx" + HEAP_MB + "m failed:\n" + run.output());
        return run;
    }

    @Test
    void toAFile() throws Exception {
        Path drizzle = drizzle();
        apply(drizzle, "file:local.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + project.resolve("local.db"))) {
            assertEquals(List.of(Long.toString((long) INSERTS * LargeMigration.ROWS_PER_INSERT)),
                    Rows.of(c, "SELECT count(*) FROM " + LargeMigration.TABLE));
            assertEquals(List.of("0 1", "1 1"), Rows.of(c, "SELECT version, success FROM " + TestSettings.HISTORY
                    + " ORDER BY installed_rank"));
        }
    }

    @Test
    void toTheTursoServer() throws Exception {
        Path drizzle = drizzle();
        try (TursoServer server = TursoServer.start()) {
            apply(drizzle, server.baseUrl());
            try (Connection c = server.connect()) {
                assertEquals(List.of(Long.toString((long) INSERTS * LargeMigration.ROWS_PER_INSERT)),
                        Rows.of(c, "SELECT count(*) FROM " + LargeMigration.TABLE));
                assertEquals(List.of("0 1", "1 1"), Rows.of(c, "SELECT version, success FROM "
                        + TestSettings.HISTORY + " ORDER BY installed_rank"));
            }
        }
    }
}
