package io.writerflow.maven.engine;

import io.writerflow.maven.engine.drift.TablesFilter;
import io.writerflow.maven.settings.DatabaseUrl;
import io.writerflow.maven.testing.DrizzleDirectory;
import io.writerflow.maven.testing.TestSettings;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A drizzle directory and a database file in a temporary project, for engine tests: in drizzle-kit 0.31's
 * journal layout, or with {@link #inFolders} in drizzle-kit 1.0's, where a migration's tag is its folder.
 */
final class MigrationFixture implements EngineUnderTest {

    final Path project;
    final Path drizzle;
    final Path database;
    private final DrizzleDirectory directory;

    MigrationFixture(Path project) {
        this(project, false);
    }

    private MigrationFixture(Path project, boolean folders) {
        this.project = project;
        this.drizzle = project.resolve("drizzle");
        this.database = project.resolve("local.db");
        this.directory = folders ? DrizzleDirectory.folders(drizzle) : DrizzleDirectory.journal(drizzle);
    }

    /** A directory of {@code <yyyyMMddHHmmss>_<name>/migration.sql} folders, as drizzle-kit 1.0 writes it. */
    static MigrationFixture inFolders(Path project) {
        return new MigrationFixture(project, true);
    }

    MigrationFixture migration(String tag, String sql) throws Exception {
        directory.migration(tag, sql);
        return this;
    }

    @Override
    public MigrationEngine engine() {
        return engine(TestSettings.file(database));
    }

    MigrationEngine engine(DatabaseUrl url) {
        return new MigrationEngine(TestSettings.of(drizzle, url, Duration.ofMillis(300)));
    }

    /** Status with drizzle.config's tablesFilter. */
    StatusReport status(TablesFilter tablesFilter) {
        MigrationEngine engine = new MigrationEngine(new EngineSettings(drizzle, "drizzle",
                TestSettings.file(database), "the test", java.util.Optional.empty(), "nowhere",
                TestSettings.HISTORY, "tester", Duration.ofMillis(300), EngineSettings.DEFAULT_LOCK_LEASE,
                EngineSettings.DEFAULT_DRIZZLE_TABLE, DrizzleHistory.AUTO, tablesFilter));
        return engine.status(engine.loadDirectory());
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + database);
    }

    List<String> tables() throws SQLException {
        try (Connection c = connect(); ResultSet rs = c.createStatement().executeQuery(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")) {
            List<String> names = new ArrayList<>();
            while (rs.next()) {
                names.add(rs.getString(1));
            }
            return names;
        }
    }

    List<String> history() throws SQLException {
        try (Connection c = connect(); ResultSet rs = c.createStatement().executeQuery(
                "SELECT version || ' ' || description || ' ' || success FROM " + TestSettings.HISTORY
                        + " ORDER BY installed_rank")) {
            List<String> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
            return rows;
        }
    }
}
