package io.writerflow.maven.engine.backup;

import io.writerflow.maven.sql.SqlQuoting;

import java.io.IOException;
import java.io.Writer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes a database as SQL: the tables' CREATE statements, an INSERT for every row, then the indexes, views and
 * triggers (after the rows, so triggers do not fire and indexes are built once). Reads with plain SELECTs, so it
 * works over any JDBC driver, the libSQL one included. The libSQL driver returns a result whole, in one HTTP
 * response, so rows are read a page at a time, by rowid (or by OFFSET for a WITHOUT ROWID table), and written
 * as they arrive: a table is never held in memory.
 */
public final class SqlDump {

    /** Rows per SELECT: a page of ordinary rows is well under a megabyte in one HTTP response. */
    public static final int DEFAULT_PAGE_ROWS = 2_000;

    private static final Pattern WITHOUT_ROWID = Pattern.compile("(?is).*\\)\\s*WITHOUT\\s+ROWID\\s*;?\\s*$");
    private static final Pattern VIRTUAL = Pattern.compile("(?is)^\\s*CREATE\\s+VIRTUAL\\s+TABLE.*");

    private final Set<String> excludedTables;
    private final int pageRows;

    /** @param excludedTables tables left out (the remote migration lock, held while a backup is taken) */
    public SqlDump(Set<String> excludedTables, int pageRows) {
        this.excludedTables = Set.copyOf(excludedTables);
        this.pageRows = pageRows;
    }

    /** A row of sqlite_master. */
    record SchemaObject(String type, String name, String sql) {
    }

    /** Writes the dump; returns the number of rows written (sqlite_sequence's counters not counted). */
    public long write(Connection connection, Writer out) throws SQLException, IOException {
        List<SchemaObject> objects = schema(connection);
        long rows = 0;
        out.write("-- writerflow-maven-plugin SQL dump: schema and rows; restore with mvn writerflow:restore\n");
        for (SchemaObject table : objects) {
            if (!table.type().equals("table") || excluded(table.name())) {
                continue;
            }
            if (table.name().equalsIgnoreCase("sqlite_sequence")) {
                continue;
            }
            out.write(table.sql());
            out.write(";\n");
        }
        for (SchemaObject table : objects) {
            if (!table.type().equals("table") || excluded(table.name()) || VIRTUAL.matcher(table.sql()).matches()) {
                continue;
            }
            if (table.name().equalsIgnoreCase("sqlite_sequence")) {
                // created by the first AUTOINCREMENT table above; its counters keep new ids from reusing old ones
                out.write("DELETE FROM \"sqlite_sequence\";\n");
            }
            long written = rows(connection, table, out);
            rows += table.name().equalsIgnoreCase("sqlite_sequence") ? 0 : written;
        }
        for (SchemaObject object : objects) {
            if (!object.type().equals("table") && !excluded(object.name())) {
                out.write(object.sql());
                out.write(";\n");
            }
        }
        return rows;
    }

    private boolean excluded(String name) {
        // sqlite_sequence is dumped as rows only
        return (internal(name) && !name.equalsIgnoreCase("sqlite_sequence")) || excludedTables.contains(name);
    }

    /**
     * The engine's own objects, which it creates by itself: SQLite's {@code sqlite_stat*},
     * {@code sqlite_autoindex_*}, {@code sqlite_sequence}, and the Turso server's {@code __turso_internal_*}
     * (its AUTOINCREMENT counters, a name it refuses in a CREATE).
     */
    public static boolean internal(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.startsWith("sqlite_") || lower.startsWith("__turso_internal");
    }

    /** Tables, then everything else, each in creation order (a view is created after what it reads). */
    static List<SchemaObject> schema(Connection connection) throws SQLException {
        List<SchemaObject> objects = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT type, name, sql FROM sqlite_master"
                     + " WHERE sql IS NOT NULL ORDER BY CASE type WHEN 'table' THEN 0 WHEN 'index' THEN 1"
                     + " WHEN 'view' THEN 2 ELSE 3 END, rowid")) {
            while (rs.next()) {
                objects.add(new SchemaObject(rs.getString(1), rs.getString(2), rs.getString(3)));
            }
        }
        return objects;
    }

    /**
     * {@code *}, or the list of the columns an INSERT can set when the table has generated columns (which an
     * INSERT must leave out; they are computed again on restore). A server without {@code pragma_table_xinfo}
     * gets {@code *}.
     */
    private static String storedColumns(Connection connection, String table) {
        List<String> names = new ArrayList<>();
        boolean generated = false;
        // the statement rather than pragma_table_xinfo(): the Turso server fails that on a name with a "
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("PRAGMA table_xinfo(" + SqlQuoting.identifier(table) + ")")) {
            while (rs.next()) {
                int hidden = rs.getInt("hidden");
                if (hidden == 2 || hidden == 3) {
                    generated = true;
                } else if (hidden == 0) {
                    names.add(SqlQuoting.identifier(rs.getString("name")));
                }
            }
        } catch (SQLException e) {
            return "*";
        }
        return generated && !names.isEmpty() ? String.join(",", names) : "*";
    }

    private long rows(Connection connection, SchemaObject table, Writer out) throws SQLException, IOException {
        String name = SqlQuoting.identifier(table.name());
        String stored = storedColumns(connection, table.name());
        String prefix = "INSERT INTO " + name + (stored.equals("*") ? "" : "(" + stored + ")") + " VALUES(";
        boolean byRowid = table.sql() == null || !WITHOUT_ROWID.matcher(table.sql()).matches();
        long written = 0;
        long lastRowid = Long.MIN_VALUE;
        StringBuilder line = new StringBuilder(256);
        while (true) {
            String select = byRowid
                    ? "SELECT _rowid_, " + stored + " FROM " + name + (lastRowid == Long.MIN_VALUE ? "" : " WHERE _rowid_ > "
                    + lastRowid) + " ORDER BY _rowid_ LIMIT " + pageRows
                    : "SELECT " + stored + " FROM " + name + " LIMIT " + pageRows + " OFFSET " + written;
            int page = 0;
            try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(select)) {
                int columns = rs.getMetaData().getColumnCount();
                int first = byRowid ? 2 : 1;
                while (rs.next()) {
                    if (byRowid) {
                        lastRowid = rs.getLong(1);
                    }
                    line.setLength(0);
                    line.append(prefix);
                    for (int i = first; i <= columns; i++) {
                        if (i > first) {
                            line.append(',');
                        }
                        SqlValues.append(line, rs.getObject(i));
                    }
                    line.append(");\n");
                    out.append(line);
                    page++;
                }
            }
            written += page;
            if (page < pageRows) {
                return written;
            }
        }
    }
}
