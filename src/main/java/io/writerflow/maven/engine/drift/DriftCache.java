package io.writerflow.maven.engine.drift;

import io.writerflow.maven.CacheFiles;
import io.writerflow.maven.ContentHash;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * Remembers status's drift check of an embedded database whose schema has not changed since: reading the
 * snapshot, introspecting the database, and diffing the two is most of what status costs a fresh Maven (0.2 to
 * 0.3 s of 0.4 s for 27 tables), and nearly every status finds the same database as the last one. A result is
 * kept under a key of everything it follows from: the plugin's jar, the SQLite library, the snapshot's bytes and
 * name, the tables drift leaves alone, and the database's schema as SQLite keeps it, the CREATE statement of
 * every table, index, view and trigger in {@code sqlite_master} (what the PRAGMAs the introspection reads are
 * computed from). A database changed in any way drift can see has another key. One file per database, in the
 * build directory: a cache, never a source of truth.
 */
public final class DriftCache {

    private final Path directory;
    private final String plugin;

    /**
     * @param directory where the results are kept
     * @param plugin    the plugin build that computes them (another may compare differently)
     */
    public DriftCache(Path directory, String plugin) {
        this.directory = directory;
        this.plugin = plugin;
    }

    /** The key of a check: of the database's schema read now through {@code connection}, and the rest. */
    String key(Connection connection, byte[] snapshot, String snapshotName, List<String> ignoredTables,
               TablesFilter tablesFilter) throws SQLException {
        StringBuilder key = new StringBuilder(4096).append("drift 1\n").append(plugin).append('\n')
                .append(connection.getMetaData().getDatabaseProductVersion()).append('\n')
                .append(ContentHash.of(snapshot)).append(' ').append(snapshotName).append('\n')
                .append(ignoredTables).append(' ').append(tablesFilter.globs()).append('\n');
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(
                     "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name")) {
            while (rs.next()) {
                for (int column = 1; column <= 4; column++) {
                    String value = rs.getString(column);
                    // lengths first, so that no two schemas write the same text
                    key.append(value == null ? -1 : value.length()).append(':').append(value == null ? "" : value);
                }
                key.append('\n');
            }
        }
        return ContentHash.of(key.toString());
    }

    /** The result kept for {@code database} under {@code key}, if it was. */
    Optional<DriftReport> lookup(Path database, String key) {
        try {
            Path file = fileFor(database);
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            Properties kept = new Properties();
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                kept.load(in);
            }
            if (!key.equals(kept.getProperty("key"))) {
                return Optional.empty();
            }
            List<Drift> differences = new ArrayList<>();
            for (int i = 0; i < Integer.parseInt(kept.getProperty("differences")); i++) {
                differences.add(new Drift(kept.getProperty(i + ".object"), kept.getProperty(i + ".kind"),
                        kept.getProperty(i + ".message")));
            }
            return Optional.of(new DriftReport(Boolean.parseBoolean(kept.getProperty("compared")),
                    kept.getProperty("note"), differences));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // an unreadable entry is a miss
        }
    }

    /**
     * Keeps the result of a check under its key, as {@link Properties}, not JSON: a status that finds its result
     * here loads nothing of Jackson, whose first use costs a fresh Maven process about 0.1 s.
     */
    void store(Path database, String key, DriftReport report) {
        Properties kept = new Properties();
        kept.setProperty("key", key);
        kept.setProperty("compared", String.valueOf(report.compared()));
        kept.setProperty("note", report.note());
        kept.setProperty("differences", String.valueOf(report.differences().size()));
        for (int i = 0; i < report.differences().size(); i++) {
            Drift drift = report.differences().get(i);
            kept.setProperty(i + ".object", drift.object());
            kept.setProperty(i + ".kind", drift.kind());
            kept.setProperty(i + ".message", drift.message());
        }
        try {
            StringWriter text = new StringWriter();
            kept.store(text, null);
            CacheFiles.write(fileFor(database), text.toString());
        } catch (IOException | RuntimeException e) {
            // not kept: the next status compares again
        }
    }

    private Path fileFor(Path database) {
        return directory.resolve(ContentHash.of(database.toAbsolutePath().normalize().toString()) + ".txt");
    }

}
