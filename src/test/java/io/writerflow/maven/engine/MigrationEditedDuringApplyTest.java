package io.writerflow.maven.engine;

import io.writerflow.maven.WriterflowException;
import io.writerflow.maven.migrations.MigrationDirectory;
import io.writerflow.maven.migrations.MigrationStatements;
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
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A large migration is read again from its file when it runs; a file edited between loading and running is
 * refused, so no migration ever runs under the checksum of other statements. Nothing of the apply commits.
 */
class MigrationEditedDuringApplyTest {

    private static final int INSERTS = 3_000; // past MigrationStatements.HELD_CHARS: read again from the file

    @TempDir
    Path project;

    private MigrationDirectory loadThenEdit(MigrationEngine engine) throws Exception {
        MigrationDirectory directory = engine.loadDirectory();
        assertInstanceOf(MigrationStatements.InFile.class, directory.migrations().get(1).statements());
        Path fill = project.resolve("drizzle/0001_fill.sql");
        Files.writeString(fill, Files.readString(fill).replace("(1, 'item", "(0, 'item"));
        return directory;
    }

    private static void assertRefused(MigrationEngine engine, MigrationDirectory directory) {
        WriterflowException e = assertThrows(WriterflowException.class, () -> engine.apply(directory, m -> { }));
        assertTrue(e.getMessage().startsWith("drizzle/0001_fill.sql changed while writerflow was using it"),
                e.getMessage());
        assertTrue(e.getMessage().contains("Nothing of 2 migrations (0000_items to 0001_fill) was committed; the"
                + " database is still without any migration."), e.getMessage());
    }

    @Test
    void onAFile() throws Exception {
        LargeMigration.write(project, INSERTS);
        MigrationFixture fixture = new MigrationFixture(project);
        MigrationEngine engine = fixture.engine();
        assertRefused(engine, loadThenEdit(engine));
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + fixture.database)) {
            assertEquals(List.of(), Rows.of(c, "SELECT name FROM sqlite_master WHERE name IN ('"
                    + LargeMigration.TABLE + "', '" + TestSettings.HISTORY + "')"),
                    "one transaction commits both migrations and the history table, and it rolled back");
        }
    }

    @Test
    void onTheTursoServer() throws Exception {
        LargeMigration.write(project, INSERTS);
        try (TursoServer server = TursoServer.start()) {
            MigrationEngine engine = new MigrationFixture(project).engine(
                    TestSettings.url(server.baseUrl(), project));
            assertRefused(engine, loadThenEdit(engine));
            try (Connection c = server.connect()) {
                assertEquals(List.of(), Rows.of(c, "SELECT name FROM sqlite_master WHERE name = '"
                        + LargeMigration.TABLE + "'"), "one request commits both migrations, and none was sent");
                assertEquals(List.of(), Rows.of(c, "SELECT holder FROM " + TestSettings.HISTORY + "_lock"),
                        "the lock was released");
            }
        }
    }
}
