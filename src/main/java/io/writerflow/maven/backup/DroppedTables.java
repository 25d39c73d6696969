package io.writerflow.maven.backup;

import io.writerflow.maven.migrations.Migration;
import io.writerflow.maven.sql.LeadingName;
import io.writerflow.maven.sql.SqlQuoting;

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

    /** What comes before the name of a dropped table; after it, anything may. */
    private static final Pattern DROP = Pattern.compile("\\bDROP\\s+TABLE\\s+(?:IF\\s+EXISTS\\s+)?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ANYTHING = Pattern.compile("");
    /** What comes before and after the name of a table renamed away. */
    private static final Pattern ALTER = Pattern.compile("\\bALTER\\s+TABLE\\s+", Pattern.CASE_INSENSITIVE);
    private static final Pattern RENAME_TO = Pattern.compile("\\s+RENAME\\s+TO\\b", Pattern.CASE_INSENSITIVE);

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
                     ResultSet rs = s.executeQuery("SELECT count(*) FROM " + SqlQuoting.identifier(table))) {
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
            Optional<String> by = applied.stream().filter(m -> names(m, DROP, ANYTHING, table.getKey()))
                    .map(Migration::tag).findFirst();
            dropped.add(new DryRun.DroppedTable(table.getKey(), table.getValue(), by));
        }
        return dropped;
    }

    private static boolean renamed(String table, List<Migration> applied) {
        return applied.stream().anyMatch(m -> names(m, ALTER, RENAME_TO, table));
    }

    /**
     * Whether a statement of the migration names {@code table} between {@code before} and {@code after}; the
     * name is read as SQLite reads it, quotes and all, so a name with spaces or quotes in it is found too.
     */
    private static boolean names(Migration migration, Pattern before, Pattern after, String table) {
        return migration.statements().find(statement -> {
            String sql = statement.sql();
            Matcher m = before.matcher(sql);
            while (m.find()) {
                Optional<LeadingName> name = LeadingName.at(sql, m.end());
                if (name.isPresent() && name.get().name().equalsIgnoreCase(table)
                        && after.matcher(sql).region(name.get().end(), sql.length()).lookingAt()) {
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
