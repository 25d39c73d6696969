package io.writerflow.maven.backup;

import io.writerflow.maven.migrations.Migration;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tables a dry run's migrations dropped and the rows that went with them: a table of the copy before the
 * run that is gone after it and was not renamed away. A table rebuilt to change its columns (created anew,
 * filled, the old one dropped, the new one renamed) keeps its name and its rows, so it is not counted; the
 * row counts column drops would lose are not reported.
 */
final class DroppedTables {

    private static final Pattern DROP = Pattern.compile(
            "\\bDROP\\s+TABLE\\s+(?:IF\\s+EXISTS\\s+)?[`\"\\[]?([^`\"\\]\\s;]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern RENAME = Pattern.compile(
            "\\bALTER\\s+TABLE\\s+[`\"\\[]?([^`\"\\]\\s;]+)[`\"\\]]?\\s+RENAME\\s+TO\\b", Pattern.CASE_INSENSITIVE);

    private final Map<String, Long> before;

    private DroppedTables(Map<String, Long> before) {
        this.before = before;
    }

    /** The copy's tables and their rows, before the dry run's migrations run on it. */
    static DroppedTables before(Path copy) throws SQLException {
        Map<String, Long> rows = new LinkedHashMap<>();
        try (Connection c = open(copy)) {
            for (String table : tables(c)) {
                try (java.sql.Statement s = c.createStatement();
                     ResultSet rs = s.executeQuery("SELECT count(*) FROM \"" + table.replace("\"", "\"\"") + "\"")) {
                    rows.put(table, rs.next() ? rs.getLong(1) : 0);
                }
            }
        }
        return new DroppedTables(rows);
    }

    /** The tables gone from the copy after {@code applied} ran on it, with their rows, naming the dropping migration. */
    List<DryRun.DroppedTable> after(Path copy, List<Migration> applied) throws SQLException {
        List<String> now;
        try (Connection c = open(copy)) {
            now = tables(c);
        }
        List<DryRun.DroppedTable> dropped = new ArrayList<>();
        for (Map.Entry<String, Long> table : before.entrySet()) {
            if (now.contains(table.getKey()) || renamed(table.getKey(), applied)) {
                continue;
            }
            Optional<String> by = applied.stream().filter(m -> names(m, DROP, table.getKey())).map(Migration::tag)
                    .findFirst();
            dropped.add(new DryRun.DroppedTable(table.getKey(), table.getValue(), by));
        }
        return dropped;
    }

    private static boolean renamed(String table, List<Migration> applied) {
        return applied.stream().anyMatch(m -> names(m, RENAME, table));
    }

    private static boolean names(Migration migration, Pattern pattern, String table) {
        return migration.statements().find(statement -> {
            Matcher m = pattern.matcher(statement.sql());
            while (m.find()) {
                if (m.group(1).equalsIgnoreCase(table)) {
                    return true;
                }
            }
            return false;
        }).isPresent();
    }

    private static List<String> tables(Connection c) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (java.sql.Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'"
                     + " AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        return tables;
    }

    private static Connection open(Path copy) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + copy);
    }
}
