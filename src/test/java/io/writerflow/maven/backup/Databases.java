package io.writerflow.maven.backup;


import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** Test data with every value type, and a comparable picture of a database: its schema and every row. */
final class Databases {

    /** Runs on embedded and remote: quotes, semicolons and newlines in text, blobs, extreme reals, NULLs. */
    static final List<String> SAMPLE = List.of(
            "CREATE TABLE authors (id integer PRIMARY KEY, name text NOT NULL, bio text)",
            "CREATE TABLE posts (id integer PRIMARY KEY AUTOINCREMENT, author_id integer REFERENCES authors(id),"
                    + " title text, score real, body blob, created integer)",
            "CREATE INDEX posts_author ON posts (author_id)",
            "CREATE VIEW post_titles AS SELECT title FROM posts",
            "INSERT INTO authors VALUES (1, 'O''Brien; \"quoted\"', NULL), (2, 'line\nbreak -- not a comment /*', 'x')",
            "INSERT INTO posts (author_id, title, score, body, created) VALUES"
                    + " (2, 'a', 0.1, X'00FF10', 9223372036854775807), (1, NULL, 1e300, X'', -9223372036854775808),"
                    + " (1, 'b', 3.0, NULL, NULL), (1, 'c', -2.5e-310, NULL, 0), (2, 'last', 1.0000000000000002, NULL, 1)");

    /** Only where the engine has them (the embedded one): triggers, WITHOUT ROWID, generated columns. */
    static final List<String> EMBEDDED_EXTRAS = List.of(
            "CREATE TRIGGER posts_touch AFTER UPDATE ON posts BEGIN UPDATE posts SET created = 0 WHERE id = NEW.id;"
                    + " SELECT 1; END",
            "CREATE TABLE tags (name text PRIMARY KEY, n integer) WITHOUT ROWID",
            "INSERT INTO tags VALUES ('t;1', 1), ('t2', NULL), ('t3', 3)",
            "CREATE TABLE sizes (w integer, h integer, area integer GENERATED ALWAYS AS (w * h) STORED)",
            "INSERT INTO sizes (w, h) VALUES (2, 3), (4, 5)");

    private Databases() {
    }

    static void execute(Connection connection, List<String> statements) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    /** The schema (sqlite_master's sql, by name) and every table's rows with their types. */
    static List<String> picture(Connection connection) throws SQLException {
        List<String> lines = new ArrayList<>();
        List<String> tables = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(
                "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' AND name NOT LIKE '__turso_internal%' ORDER BY name")) {
            while (rs.next()) {
                lines.add(rs.getString(1) + " " + rs.getString(2) + ": " + rs.getString(3));
                if (rs.getString(1).equals("table")) {
                    tables.add(rs.getString(2));
                }
            }
        }
        for (String table : tables) {
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT * FROM \"" + table + "\" ORDER BY 1")) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    StringBuilder row = new StringBuilder(table).append(':');
                    for (int i = 1; i <= columns; i++) {
                        row.append(' ').append(value(rs.getObject(i)));
                    }
                    lines.add(row.toString());
                }
            }
        }
        return lines;
    }

    private static String value(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Integer || value instanceof Long) {
            return "int:" + ((Number) value).longValue();
        }
        if (value instanceof Double d) {
            return "real:" + Double.doubleToRawLongBits(d) + "(" + d + ")";
        }
        if (value instanceof byte[] bytes) {
            return "blob:" + HexFormat.of().formatHex(bytes);
        }
        return "text:" + value;
    }

    static long count(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT count(*) FROM \"" + table + "\"")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
