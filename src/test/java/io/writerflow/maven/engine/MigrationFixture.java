package io.writerflow.maven.engine;

import io.writerflow.maven.engine.drift.TablesFilter;
import io.writerflow.maven.settings.DatabaseUrl;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A drizzle directory and a database file in a temporary project, for engine tests: in drizzle-kit 0.31's
 * journal layout, or with {@link #inFolders} in drizzle-kit 1.0's, where a migration's tag is its folder.
 */
final class MigrationFixture {

    static final String HISTORY = "__writerflow_history";

    final Path project;
    final Path drizzle;
    final Path database;
    private final Map<String, String> migrations = new LinkedHashMap<>();
    private final boolean folders;

    MigrationFixture(Path project) {
        this(project, false);
    }

    private MigrationFixture(Path project, boolean folders) {
        this.project = project;
        this.drizzle = project.resolve("drizzle");
        this.database = project.resolve("local.db");
        this.folders = folders;
    }

    /** A directory of {@code <yyyyMMddHHmmss>_<name>/migration.sql} folders, as drizzle-kit 1.0 writes it. */
    static MigrationFixture inFolders(Path project) {
        return new MigrationFixture(project, true);
    }

    MigrationFixture migration(String tag, String sql) throws Exception {
        migrations.put(tag, sql);
        write();
        return this;
    }

    private void write() throws Exception {
        if (folders) {
            for (Map.Entry<String, String> m : migrations.entrySet()) {
                Files.createDirectories(drizzle.resolve(m.getKey()));
                Files.writeString(drizzle.resolve(m.getKey()).resolve("migration.sql"), m.getValue());
            }
            return;
        }
        Files.createDirectories(drizzle.resolve("meta"));
        StringBuilder entries = new StringBuilder();
        int idx = 0;
        for (Map.Entry<String, String> m : migrations.entrySet()) {
            Files.writeString(drizzle.resolve(m.getKey() + ".sql"), m.getValue());
            entries.append(idx == 0 ? "" : ",").append("\n    {\"idx\": ").append(idx).append(", \"version\": \"6\", ")
                    .append("\"when\": ").append(1700000000000L + idx).append(", \"tag\": \"").append(m.getKey())
                    .append("\", \"breakpoints\": true}");
            idx++;
        }
        Files.writeString(drizzle.resolve("meta/_journal.json"),
                "{\n  \"version\": \"7\",\n  \"dialect\": \"sqlite\",\n  \"entries\": [" + entries + "\n  ]\n}\n");
    }

    MigrationEngine engine() {
        return engine(new DatabaseUrl.File(database, "file:local.db"));
    }

    MigrationEngine engine(DatabaseUrl url) {
        return new MigrationEngine(new EngineSettings(drizzle, "drizzle", url, "the test", HISTORY, "tester",
                Duration.ofMillis(300)));
    }

    ApplyResult apply() {
        MigrationEngine engine = engine();
        return engine.apply(engine.loadDirectory(), m -> { });
    }

    StatusReport status() {
        MigrationEngine engine = engine();
        return engine.status(engine.loadDirectory());
    }

    /** Status with drizzle.config's tablesFilter. */
    StatusReport status(TablesFilter tablesFilter) {
        MigrationEngine engine = new MigrationEngine(new EngineSettings(drizzle, "drizzle",
                new DatabaseUrl.File(database, "file:local.db"), "the test", java.util.Optional.empty(), "nowhere",
                HISTORY, "tester", Duration.ofMillis(300), EngineSettings.DEFAULT_LOCK_LEASE,
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
                "SELECT version || ' ' || description || ' ' || success FROM " + HISTORY + " ORDER BY installed_rank")) {
            List<String> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
            return rows;
        }
    }
}
