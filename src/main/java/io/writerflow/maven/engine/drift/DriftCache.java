package io.writerflow.maven.engine.drift;

import io.writerflow.maven.CacheFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

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
                .append(sha256(snapshot)).append(' ').append(snapshotName).append('\n')
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
        return sha256(key.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The result kept for {@code database} under {@code key}, if it was. */
    Optional<DriftReport> lookup(Path database, String key) {
        try {
            Path file = fileFor(database);
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (lines.size() < 3 || !lines.get(0).equals("key " + key)) {
                return Optional.empty();
            }
            List<Drift> differences = new ArrayList<>();
            for (String line : lines.subList(3, lines.size())) {
                String[] fields = line.split("\t", -1);
                if (fields.length != 3) {
                    return Optional.empty();
                }
                differences.add(new Drift(unescape(fields[0]), unescape(fields[1]), unescape(fields[2])));
            }
            return Optional.of(new DriftReport(Boolean.parseBoolean(lines.get(1)), unescape(lines.get(2)),
                    differences));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // an unreadable entry is a miss
        }
    }

    /**
     * Keeps the result of a check under its key: the key, whether compared, the note, then a line per difference.
     * Plain lines, not JSON: a status that finds its result here loads nothing of Jackson, whose first use costs a
     * fresh Maven process about 0.1 s.
     */
    void store(Path database, String key, DriftReport report) {
        StringBuilder text = new StringBuilder("key ").append(key).append('\n').append(report.compared()).append('\n')
                .append(escape(report.note())).append('\n');
        for (Drift drift : report.differences()) {
            text.append(escape(drift.object())).append('\t').append(escape(drift.kind())).append('\t')
                    .append(escape(drift.message())).append('\n');
        }
        try {
            CacheFiles.write(fileFor(database), text);
        } catch (IOException | RuntimeException e) {
            // not kept: the next status compares again
        }
    }

    private Path fileFor(Path database) {
        return directory.resolve(sha256(database.toAbsolutePath().normalize().toString()
                .getBytes(StandardCharsets.UTF_8)).substring(0, 32) + ".txt");
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }

    private static String unescape(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length()) {
                char next = value.charAt(++i);
                out.append(next == 't' ? '\t' : next == 'n' ? '\n' : next == 'r' ? '\r' : next);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
