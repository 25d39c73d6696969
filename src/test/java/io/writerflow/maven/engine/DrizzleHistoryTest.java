package io.writerflow.maven.engine;

import io.writerflow.maven.WriterflowException;
import io.writerflow.maven.engine.drift.TablesFilter;
import io.writerflow.maven.testing.CloseStrippingProxy;
import io.writerflow.maven.testing.DrizzleDirectory;
import io.writerflow.maven.testing.NodePeers.Kit;
import io.writerflow.maven.testing.NodePeers;
import io.writerflow.maven.testing.Rows;
import io.writerflow.maven.testing.TestSettings;
import io.writerflow.maven.testing.TursoServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The plugin and drizzle's own migrator (drizzle-orm from npm, as an app's {@code migrate()} runs it) taking
 * turns on one database, on the embedded file and on the Turso server: each records what it applied where the
 * other looks, so neither runs a migration twice; drizzle's rows are the ones its migrator would write.
 */
class DrizzleHistoryTest {

    private static final String DRIZZLE = EngineSettings.DEFAULT_DRIZZLE_TABLE;

    @TempDir
    Path project;

    private TursoServer server;
    /** The Turso server refuses the Hrana "close" request that @libsql/client sends; the shim drops it. */
    private CloseStrippingProxy shim;

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
    }

    @AfterEach
    void stop() throws Exception {
        if (shim != null) {
            shim.close();
        }
        if (server != null) {
            server.close();
        }
    }

    // ------------------------------------------------------------------ fixtures

    /** Appends a migration to the journal, {@code when} a minute after the one before. */
    private void addMigration(String tag, String sql) throws Exception {
        int idx = Integer.parseInt(tag.substring(0, 4));
        DrizzleDirectory.open(project.resolve("drizzle")).migration(tag, sql, 1_895_530_181_042L + idx * 60_000L);
    }

    /** The drop that drizzle's migrator used to run a second time ("no such table"). */
    private void addDropMigration() throws Exception {
        addMigration("0002_drop_tags", "DROP TABLE `document_tags`;\n--> statement-breakpoint\nDROP TABLE `tags`;");
    }

    private String fileUrl() {
        return "file:" + project.resolve("local.db");
    }

    private String remoteUrl() throws Exception {
        if (server == null) {
            server = TursoServer.start();
            shim = CloseStrippingProxy.to(server.baseUrl());
        }
        return server.baseUrl();
    }

    private Connection connect(String url) throws SQLException {
        return url.startsWith("file:") ? DriverManager.getConnection("jdbc:sqlite:" + url.substring(5))
                : server.connect();
    }

    private List<String> query(String url, String sql) throws SQLException {
        try (Connection c = connect(url)) {
            return Rows.of(c, sql);
        }
    }

    private List<String> drizzleRows(String url) throws SQLException {
        return query(url, "SELECT hash, created_at FROM " + DRIZZLE + " ORDER BY created_at");
    }

    private List<String> tables(String url) throws SQLException {
        return query(url, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                + " AND name NOT LIKE '\\_\\_%' ESCAPE '\\' ORDER BY name");
    }

    private MigrationEngine engine(String url, DrizzleHistory mode, List<String> notices) {
        return new MigrationEngine(new EngineSettings(project.resolve("drizzle"), "drizzle",
                TestSettings.url(url, project), "the test", Optional.empty(), "nowhere",
                TestSettings.HISTORY, "tester", Duration.ofSeconds(5), EngineSettings.DEFAULT_LOCK_LEASE,
                DRIZZLE, mode, TablesFilter.ALL), notices::add);
    }

    private List<String> apply(String url, DrizzleHistory mode, List<String> notices) {
        MigrationEngine engine = engine(url, mode, notices);
        return engine.apply(engine.loadDirectory(), m -> { }).applied().stream()
                .map(ApplyResult.AppliedMigration::tag).toList();
    }

    private NodePeers.Run tryDrizzleMigrate(Kit kit, String url) throws Exception {
        return NodePeers.drizzleOrmMigrate(kit, project, url.startsWith("file:") ? url : shim.baseUrl());
    }

    private void drizzleMigrate(Kit kit, String url) throws Exception {
        NodePeers.Run run = tryDrizzleMigrate(kit, url);
        assertEquals(0, run.exitCode(), run.output());
    }

    /** The rows drizzle-orm's migrator writes for this directory, on a database of its own. */
    private List<String> rowsDrizzleWrites(Kit kit) throws Exception {
        String twin = "file:" + project.resolve("twin.db");
        drizzleMigrate(kit, twin);
        return drizzleRows(twin);
    }

    // ------------------------------------------------------------------ taking turns

    private void takeTurns(String url) throws Exception {
        drizzleMigrate(Kit.V0_31, url);
        addDropMigration();
        List<String> notices = new ArrayList<>();

        assertEquals(List.of("0002_drop_tags"), apply(url, DrizzleHistory.AUTO, notices));
        assertEquals(rowsDrizzleWrites(Kit.V0_31), drizzleRows(url), "the rows drizzle-orm's migrator writes");

        // drizzle's migrator next: nothing to run (it used to run the DROP TABLE again and fail)
        drizzleMigrate(Kit.V0_31, url);
        assertEquals(List.of("documents", "users"), tables(url));
        assertEquals(3, drizzleRows(url).size());

        // drizzle's migrator applies the next one; the plugin then adopts it instead of running it again
        addMigration("0003_notes", "CREATE TABLE `notes` (`id` integer PRIMARY KEY);");
        drizzleMigrate(Kit.V0_31, url);
        assertEquals(List.of(), apply(url, DrizzleHistory.AUTO, notices));
        assertTrue(notices.stream().anyMatch(n -> n.startsWith("Adopted 0003_notes as applied")), notices::toString);
        assertEquals(List.of("0 0000_init drizzle", "1 0001_add_tags drizzle", "2 0002_drop_tags tester",
                "3 0003_notes drizzle"), query(url, "SELECT version, description, installed_by FROM "
                + TestSettings.HISTORY + " ORDER BY installed_rank"));
        assertEquals(rowsDrizzleWrites(Kit.V0_31).size(), drizzleRows(url).size());
    }

    @Test
    void drizzlesMigratorAndTheEmbeddedApplyTakeTurns() throws Exception {
        takeTurns(fileUrl());
    }

    @Test
    void drizzlesMigratorAndTheRemoteApplyTakeTurns() throws Exception {
        takeTurns(remoteUrl());
    }

    @Test
    void drizzleKitMigrateRunsAfterTheApply() throws Exception {
        Files.writeString(project.resolve("drizzle.config.js"), "export default { dialect: 'turso', schema:"
                + " './schema.js', out: './drizzle', dbCredentials: { url: '" + fileUrl() + "' } };\n");
        NodePeers.linkNodeModules(project);
        NodePeers.Run first = NodePeers.drizzleKit(project, "migrate");
        assertEquals(0, first.exitCode(), first.output());
        addDropMigration();
        apply(fileUrl(), DrizzleHistory.AUTO, new ArrayList<>());

        NodePeers.Run next = NodePeers.drizzleKit(project, "migrate");

        assertEquals(0, next.exitCode(), next.output());
        assertEquals(List.of("documents", "users"), tables(fileUrl()));
    }

    // ------------------------------------------------------------------ the setting

    @Test
    void neverLeavesDrizzlesTableAlone() throws Exception {
        drizzleMigrate(Kit.V0_31, fileUrl());
        addDropMigration();

        apply(fileUrl(), DrizzleHistory.NEVER, new ArrayList<>());

        assertEquals(2, drizzleRows(fileUrl()).size());
    }

    @Test
    void autoWithoutDrizzlesTableCreatesNone() throws Exception {
        apply(fileUrl(), DrizzleHistory.AUTO, new ArrayList<>());

        assertEquals(List.of(), query(fileUrl(), "SELECT name FROM sqlite_master WHERE name = '" + DRIZZLE + "'"));
    }

    @Test
    void alwaysCreatesTheTableSoAnAppsMigrateFindsEverythingApplied() throws Exception {
        apply(fileUrl(), DrizzleHistory.NEVER, new ArrayList<>());
        addDropMigration();
        List<String> notices = new ArrayList<>();

        assertEquals(List.of("0002_drop_tags"), apply(fileUrl(), DrizzleHistory.ALWAYS, notices));

        assertEquals(List.of("Recorded 2 migrations applied earlier in " + DRIZZLE + ", so drizzle's migrator sees"
                + " them as applied"), notices);
        assertEquals(rowsDrizzleWrites(Kit.V0_31), drizzleRows(fileUrl()));
        drizzleMigrate(Kit.V0_31, fileUrl());
        assertEquals(List.of("documents", "users"), tables(fileUrl()));
    }

    @Test
    void withNothingPendingAnEmptyTableLeftByAFailedDrizzleMigrateIsCaughtUp() throws Exception {
        String url = remoteUrl();
        apply(url, DrizzleHistory.AUTO, new ArrayList<>());
        // drizzle-orm creates its table before its transaction; a migrate that then fails leaves it empty
        NodePeers.Run failed = tryDrizzleMigrate(Kit.V0_31, url);
        assertTrue(failed.output().contains("already exists"), failed.output());
        assertEquals(List.of(), drizzleRows(url));
        List<String> notices = new ArrayList<>();

        assertEquals(List.of(), apply(url, DrizzleHistory.AUTO, notices));

        assertEquals(1, notices.size(), notices::toString);
        assertEquals(rowsDrizzleWrites(Kit.V0_31), drizzleRows(url));
        drizzleMigrate(Kit.V0_31, url);
    }

    /** The catch-up rides in the first migration's transaction: the table is created and filled, or neither. */
    private void aFailedMigrationLeavesDrizzlesTableAsItWas(String url) throws Exception {
        apply(url, DrizzleHistory.NEVER, new ArrayList<>());
        addMigration("0002_broken", "CREATE TABLE `notes` (`id` integer);\n--> statement-breakpoint\n"
                + "INSERT INTO `missing` VALUES (1);");

        assertThrows(WriterflowException.class, () -> apply(url, DrizzleHistory.ALWAYS, new ArrayList<>()));

        assertEquals(List.of(), query(url, "SELECT name FROM sqlite_master WHERE name IN ('" + DRIZZLE + "', 'notes')"));
    }

    @Test
    void aFailedEmbeddedMigrationLeavesDrizzlesTableAsItWas() throws Exception {
        aFailedMigrationLeavesDrizzlesTableAsItWas(fileUrl());
    }

    @Test
    void aFailedRemoteMigrationLeavesDrizzlesTableAsItWas() throws Exception {
        aFailedMigrationLeavesDrizzlesTableAsItWas(remoteUrl());
    }

    @Test
    void baselineRecordsInDrizzlesTableToo() throws Exception {
        apply(fileUrl(), DrizzleHistory.NEVER, new ArrayList<>());
        try (Connection c = connect(fileUrl()); Statement s = c.createStatement()) {
            s.execute("DROP TABLE " + TestSettings.HISTORY);
        }
        MigrationEngine engine = engine(fileUrl(), DrizzleHistory.ALWAYS, new ArrayList<>());

        engine.baseline(engine.loadDirectory(), "1");

        assertEquals(rowsDrizzleWrites(Kit.V0_31), drizzleRows(fileUrl()));
    }

    // ------------------------------------------------------------------ drizzle-kit 1.0's folders

    /** The example's migrations as drizzle-kit 1.0 lays them out: a folder each, no journal. */
    private void foldersLayout() throws Exception {
        Path drizzle = project.resolve("drizzle");
        Files.createDirectories(drizzle.resolve("20300101000000_init"));
        Files.createDirectories(drizzle.resolve("20300102000000_add_tags"));
        Files.move(drizzle.resolve("0000_init.sql"), drizzle.resolve("20300101000000_init/migration.sql"));
        Files.move(drizzle.resolve("0001_add_tags.sql"), drizzle.resolve("20300102000000_add_tags/migration.sql"));
        try (Stream<Path> meta = Files.list(drizzle.resolve("meta"))) {
            for (Path file : meta.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(drizzle.resolve("meta"));
    }

    @Test
    void drizzleOrm1sMigratorFindsTheRowsOfItsOwnFormat() throws Exception {
        foldersLayout();
        for (String url : List.of(fileUrl(), remoteUrl())) {
            apply(url, DrizzleHistory.ALWAYS, new ArrayList<>());

            assertEquals(List.of("20300101000000_init 1893456000000", "20300102000000_add_tags 1893542400000"),
                    query(url, "SELECT name, created_at FROM " + DRIZZLE + " ORDER BY created_at"), url);
            drizzleMigrate(Kit.V1, url);
            assertEquals(2, drizzleRows(url).size(), "drizzle-orm 1.0 ran nothing");
            assertEquals(List.of("document_tags", "documents", "tags", "users"), tables(url));
        }
    }
}
