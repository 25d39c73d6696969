package io.writerflow.maven.engine;

import io.writerflow.maven.WriterflowException;
import io.writerflow.maven.engine.drift.TablesFilter;
import io.writerflow.maven.settings.DatabaseUrl;
import io.writerflow.maven.testing.CloseStrippingProxy;
import io.writerflow.maven.testing.DrizzleDirectory;
import io.writerflow.maven.testing.NodePeers;
import io.writerflow.maven.testing.TestSettings;
import io.writerflow.maven.testing.TursoServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Databases that drizzle-orm's own migrator (from npm) brought up to date: the first apply adopts drizzle's
 * history; baseline and repair for the other ways a history goes wrong.
 */
class DrizzleAdoptionTest {

    @TempDir
    Path project;

    private Path database;

    /** The example project's two migrations, as drizzle-kit wrote them, plus a third appended later. */
    @BeforeEach
    void directory() throws Exception {
        Path source = Path.of("example/drizzle");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path target = project.resolve("drizzle").resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
        database = project.resolve("local.db");
    }

    private void addThirdMigration() throws Exception {
        DrizzleDirectory.open(project.resolve("drizzle"))
                .migration("0002_notes", "CREATE TABLE `notes` (`id` integer PRIMARY KEY);", 1895530181042L);
    }

    private MigrationEngine engine(DatabaseUrl url, List<String> notices) {
        return new MigrationEngine(new EngineSettings(project.resolve("drizzle"), "drizzle", url, "the test",
                TestSettings.HISTORY, "tester", Duration.ofSeconds(5)), notices::add);
    }

    private MigrationEngine engine(List<String> notices) {
        return engine(new DatabaseUrl.File(database, "file:local.db"), notices);
    }

    private void drizzleMigrate(String url) throws Exception {
        NodePeers.Run run = NodePeers.drizzleOrmMigrate(project, url);
        assertEquals(0, run.exitCode(), run.output());
    }

    private List<String> history() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + database);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT version, description, installed_by, success FROM "
                     + TestSettings.HISTORY + " ORDER BY installed_rank")) {
            List<String> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getInt(4));
            }
            return rows;
        }
    }

    @Test
    void firstApplyAdoptsWhatDrizzleAppliedAndRunsOnlyTheRest() throws Exception {
        drizzleMigrate("file:" + database);
        addThirdMigration();
        List<String> notices = new ArrayList<>();
        MigrationEngine engine = engine(notices);

        ApplyResult result = engine.apply(engine.loadDirectory(), m -> { });

        assertEquals(List.of("0002_notes"), result.applied().stream().map(ApplyResult.AppliedMigration::tag).toList());
        assertEquals(2, notices.size(), notices.toString());
        assertTrue(notices.get(0).startsWith("Adopted 0000_init as applied: drizzle applied it"), notices.toString());
        assertEquals(List.of("0 0000_init drizzle 1", "1 0001_add_tags drizzle 1", "2 0002_notes tester 1"), history());
        StatusReport status = engine.status(engine.loadDirectory());
        assertTrue(status.migrations().stream().allMatch(m -> m.state() == MigrationState.APPLIED), status.toString());
    }

    @Test
    void statusBeforeTheFirstApplyCountsWhatDrizzleAppliedAsApplied() throws Exception {
        drizzleMigrate("file:" + database);
        addThirdMigration();
        MigrationEngine engine = engine(new ArrayList<>());

        StatusReport status = engine.status(engine.loadDirectory());

        assertEquals(List.of(MigrationState.APPLIED, MigrationState.APPLIED, MigrationState.PENDING),
                status.migrations().stream().map(MigrationStatus::state).toList());
        assertEquals("drizzle (adopted on the next apply)", status.migrations().get(0).appliedBy());
        assertEquals(Optional.of("0001_add_tags"), status.current());
        assertEquals(1, status.count(MigrationState.PENDING), "what the failOnPending gate counts");
        assertEquals(List.of(), status.drift().differences(), "drift is compared with drizzle's last migration");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + database); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM sqlite_master WHERE name = '"
                     + TestSettings.HISTORY + "'")) {
            assertEquals(0, rs.getInt(1), "status wrote nothing");
        }
    }

    @Test
    void drizzleConfigsMigrationsTableIsWhereAdoptionLooks() throws Exception {
        NodePeers.Run run = NodePeers.drizzleOrmMigrate(NodePeers.Kit.V0_31, project, "file:" + database,
                "app_migrations");
        assertEquals(0, run.exitCode(), run.output());
        List<String> notices = new ArrayList<>();
        MigrationEngine engine = new MigrationEngine(new EngineSettings(project.resolve("drizzle"), "drizzle",
                new DatabaseUrl.File(database, "file:local.db"), "the test", Optional.empty(), "nowhere",
                TestSettings.HISTORY, "tester", Duration.ofSeconds(5), EngineSettings.DEFAULT_LOCK_LEASE,
                "app_migrations", DrizzleHistory.AUTO, TablesFilter.ALL), notices::add);

        ApplyResult result = engine.apply(engine.loadDirectory(), m -> { });

        assertEquals(List.of(), result.applied(), "everything was adopted from app_migrations");
        assertEquals(List.of("0 0000_init drizzle 1", "1 0001_add_tags drizzle 1"), history());
        assertTrue(notices.get(0).contains("app_migrations"), notices.toString());
    }

    @Test
    void aProjectDrizzleKitGeneratedAndMigratedIsTakenOverByThePlugin(@TempDir Path kit) throws Exception {
        Files.createDirectories(kit.resolve("src/lib/db"));
        Files.writeString(kit.resolve("src/lib/db/schema.js"), """
                import { sqliteTable, text, integer } from "drizzle-orm/sqlite-core";
                export const users = sqliteTable("users", { id: integer("id").primaryKey(), name: text("name") });
                """);
        Files.writeString(kit.resolve("drizzle.config.js"), "export default { dialect: 'turso',"
                + " schema: './src/lib/db/schema.js', out: './drizzle', dbCredentials: { url: 'file:kit.db' } };\n");
        NodePeers.linkNodeModules(kit);
        NodePeers.Run generated = NodePeers.drizzleKit(kit, "generate");
        assertEquals(0, generated.exitCode(), generated.output());
        NodePeers.Run migrated = NodePeers.drizzleKit(kit, "migrate");
        assertEquals(0, migrated.exitCode(), migrated.output());
        // the plugin writes the next migration into drizzle-kit's directory, then applies it to drizzle-kit's database
        Files.writeString(kit.resolve("src/lib/db/schema.js"), """
                import { sqliteTable, text, integer } from "drizzle-orm/sqlite-core";
                export const users = sqliteTable("users", { id: integer("id").primaryKey(), name: text("name"),
                  email: text("email") });
                """);
        new io.writerflow.maven.generate.MigrationGenerator(new io.writerflow.maven.schema.drizzle.DrizzleSchemaLoader())
                .generate(new io.writerflow.maven.generate.GenerateRequest(kit.resolve("src/lib/db/schema.js"),
                        "schema.js", kit.resolve("drizzle"), "drizzle", java.util.Optional.empty(), false, "", false,
                        System.currentTimeMillis()));
        List<String> notices = new ArrayList<>();
        MigrationEngine engine = new MigrationEngine(TestSettings.of(kit.resolve("drizzle"),
                TestSettings.file(kit.resolve("kit.db"))), notices::add);

        ApplyResult result = engine.apply(engine.loadDirectory(), m -> { });

        assertEquals(1, notices.size(), notices.toString());
        assertEquals(1, result.applied().size());
        assertTrue(result.applied().get(0).tag().startsWith("0001_"), result.applied().toString());
        assertTrue(engine.status(engine.loadDirectory()).migrations().stream()
                .allMatch(m -> m.state() == MigrationState.APPLIED));
    }

    @Test
    void aFileChangedSinceDrizzleAppliedItStopsTheApply() throws Exception {
        drizzleMigrate("file:" + database);
        Path second = project.resolve("drizzle/0001_add_tags.sql");
        Files.writeString(second, Files.readString(second) + "\n-- edited\n");
        MigrationEngine engine = engine(new ArrayList<>());

        WriterflowException e = assertThrows(WriterflowException.class,
                () -> engine.apply(engine.loadDirectory(), m -> { }));

        assertTrue(e.getMessage().contains("drizzle/0001_add_tags.sql is not the file drizzle applied"), e.getMessage());
        assertTrue(e.getMessage().contains("Nothing was changed"), e.getMessage());
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + database);
             ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM sqlite_master WHERE name = '"
                     + TestSettings.HISTORY + "'")) {
            assertEquals(0, rs.getInt(1), "no history table was created");
        }
    }

    @Test
    void remoteDatabaseMigratedByDrizzleIsAdoptedToo() throws Exception {
        try (TursoServer server = TursoServer.start(); CloseStrippingProxy shim = CloseStrippingProxy.to(server.baseUrl())) {
            drizzleMigrate(shim.baseUrl());
            addThirdMigration();
            List<String> notices = new ArrayList<>();
            MigrationEngine engine = engine(TestSettings.url(server.baseUrl(), project), notices);

            ApplyResult result = engine.apply(engine.loadDirectory(), m -> { });

            assertEquals(List.of("0002_notes"),
                    result.applied().stream().map(ApplyResult.AppliedMigration::tag).toList());
            assertEquals(2, notices.size(), notices.toString());
            try (Connection c = server.connect();
                 ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM " + TestSettings.HISTORY)) {
                rs.next();
                assertEquals(3, rs.getInt(1));
            }
        }
    }

    @Test
    void baselineMarksAHandMadeDatabaseThenApplyRunsTheRest() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + database); Statement s = c.createStatement()) {
            for (String sql : Files.readString(project.resolve("drizzle/0000_init.sql")).split("--> statement-breakpoint")) {
                s.execute(sql);
            }
        }
        MigrationEngine engine = engine(new ArrayList<>());
        WriterflowException refused = assertThrows(WriterflowException.class,
                () -> engine.apply(engine.loadDirectory(), m -> { }));
        assertTrue(refused.getMessage().contains("no migration history"), refused.getMessage());

        assertEquals(1, engine.baseline(engine.loadDirectory(), "0000_init").size());
        assertEquals(List.of("0001_add_tags"), engine.apply(engine.loadDirectory(), m -> { }).applied().stream()
                .map(ApplyResult.AppliedMigration::tag).toList());
        assertEquals(List.of("0 0000_init tester (baseline) 1", "1 0001_add_tags tester 1"), history());

        WriterflowException again = assertThrows(WriterflowException.class,
                () -> engine.baseline(engine.loadDirectory(), "1"));
        assertTrue(again.getMessage().contains("already has a migration history"), again.getMessage());
        WriterflowException unknown = assertThrows(WriterflowException.class,
                () -> engine.baseline(engine.loadDirectory(), "0009_nope"));
        assertTrue(unknown.getMessage().contains("names no migration"), unknown.getMessage());
    }

    @Test
    void repairAcceptsAnEditedAppliedFile() throws Exception {
        MigrationEngine engine = engine(new ArrayList<>());
        engine.apply(engine.loadDirectory(), m -> { });
        Path first = project.resolve("drizzle/0000_init.sql");
        Files.writeString(first, Files.readString(first) + "\n-- a comment added after the fact\n");
        assertThrows(WriterflowException.class, () -> engine.apply(engine.loadDirectory(), m -> { }));

        var result = engine.repair(engine.loadDirectory());

        assertEquals(1, result.aligned().size());
        assertTrue(engine.apply(engine.loadDirectory(), m -> { }).applied().isEmpty());
        assertFalse(engine.status(engine.loadDirectory()).migrations().stream()
                .anyMatch(m -> m.state() != MigrationState.APPLIED));
    }

    /**
     * As Flyway's repair: a failed row is removed, and an applied entry the journal does not list, below its last
     * migration, is marked deleted with a row of type DELETE, which Flyway's info then reads as its own.
     */
    @Test
    void repairRemovesFailedEntriesAndMarksUnlistedOnesDeleted() throws Exception {
        MigrationEngine engine = engine(new ArrayList<>());
        engine.apply(engine.loadDirectory(), m -> { });
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + database); Statement s = c.createStatement()) {
            s.execute("INSERT INTO " + TestSettings.HISTORY + " (installed_rank, version, description, type, script,"
                    + " checksum, installed_by, execution_time, success) VALUES (3, '0.5', 'gone', 'SQL',"
                    + " 'drizzle/0000_gone.sql', 7, 'tester', 0, 1), (4, '9', 'failed', 'SQL', 'drizzle/0009_failed.sql',"
                    + " 8, 'tester', 0, 0)");
        }

        var result = engine.repair(engine.loadDirectory());

        assertEquals(List.of("9 failed"), result.removed().stream().map(e -> e.version() + " " + e.description()).toList());
        assertEquals(List.of("0.5 gone"), result.deleted().stream().map(e -> e.version() + " " + e.description()).toList());
        assertTrue(result.aligned().isEmpty());
        assertEquals("0.5 gone tester 1", history().get(history().size() - 1));
        assertEquals(4, history().size());
        assertFalse(engine.status(engine.loadDirectory()).migrations().stream()
                .anyMatch(m -> m.state() != MigrationState.APPLIED), engine.status(engine.loadDirectory()).toString());
        assertEquals(0, engine.repair(engine.loadDirectory()).changes());
    }
}
