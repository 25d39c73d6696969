package io.writerflow.maven.engine;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Finds rows whose foreign keys point at nothing, inside a migration's transaction before it commits.
 * Foreign-key enforcement is off while migrations run (a table rebuild drops and re-creates a parent table,
 * which with enforcement on would cascade-delete its children), so this check is what still refuses a
 * migration that leaves orphans.
 */
sealed interface ForeignKeyCheck {

    /** "child -> parent" to the number of child rows without a parent; empty when there are none. */
    Map<String, Integer> violations(Connection connection) throws SQLException;

    /** SQLite's own check, where the engine implements {@code PRAGMA foreign_key_check}. */
    record Pragma() implements ForeignKeyCheck {
        @Override
        public Map<String, Integer> violations(Connection connection) throws SQLException {
            Map<String, Integer> violations = new TreeMap<>();
            try (java.sql.Statement jdbc = connection.createStatement();
                 ResultSet rs = jdbc.executeQuery("PRAGMA foreign_key_check")) {
                while (rs.next()) {
                    violations.merge(rs.getString(1) + " -> " + rs.getString(3), 1, Integer::sum);
                }
            }
            return violations;
        }
    }

    /**
     * The same check in plain SQL built from {@code pragma_foreign_key_list}, for engines that answer
     * {@code PRAGMA foreign_key_check} with nothing (Turso's own engine): one query lists the foreign keys,
     * a second counts each one's orphans (SQLite's rule: a row is checked only when all its key columns are
     * non-NULL).
     */
    record Queries() implements ForeignKeyCheck {
        @Override
        public Map<String, Integer> violations(Connection connection) throws SQLException {
            Map<String, Reference> references = new LinkedHashMap<>();
            try (java.sql.Statement jdbc = connection.createStatement();
                 ResultSet rs = jdbc.executeQuery("SELECT m.name, f.id, f.\"table\", f.\"from\", f.\"to\","
                         + " (SELECT count(*) FROM sqlite_schema AS p WHERE p.type = 'table' AND p.name = f.\"table\")"
                         + " FROM sqlite_schema AS m, pragma_foreign_key_list(m.name) AS f"
                         + " WHERE m.type = 'table' ORDER BY m.name, f.id, f.seq")) {
                while (rs.next()) {
                    String key = rs.getString(1) + "#" + rs.getInt(2);
                    Reference reference = references.get(key);
                    if (reference == null) {
                        reference = new Reference(rs.getString(1), rs.getString(3), rs.getInt(6) > 0,
                                new ArrayList<>(), new ArrayList<>());
                        references.put(key, reference);
                    }
                    reference.from().add(rs.getString(4));
                    reference.to().add(rs.getString(5));
                }
            }
            if (references.isEmpty()) {
                return Map.of();
            }
            List<String> counts = new ArrayList<>();
            for (Reference r : references.values()) {
                counts.add(r.countOrphans(connection));
            }
            Map<String, Integer> violations = new TreeMap<>();
            try (java.sql.Statement jdbc = connection.createStatement();
                 ResultSet rs = jdbc.executeQuery(String.join(" UNION ALL ", counts))) {
                while (rs.next()) {
                    if (rs.getInt(2) > 0) {
                        violations.merge(rs.getString(1), rs.getInt(2), Integer::sum);
                    }
                }
            }
            return violations;
        }

        private record Reference(String child, String parent, boolean parentExists, List<String> from,
                                 List<String> to) {

            /** A SELECT of ('child -> parent', orphan count); a key without columns names the parent's primary key. */
            String countOrphans(Connection connection) throws SQLException {
                String label = "'" + (child + " -> " + parent).replace("'", "''") + "'";
                StringBuilder sql = new StringBuilder("SELECT ").append(label).append(", count(*) FROM ")
                        .append(quote(child)).append(" AS c WHERE ");
                for (String column : from) {
                    sql.append("c.").append(quote(column)).append(" IS NOT NULL AND ");
                }
                if (!parentExists) {
                    return sql.append("1").toString();
                }
                List<String> parentColumns = to.contains(null) ? primaryKey(connection, parent) : to;
                sql.append("NOT EXISTS (SELECT 1 FROM ").append(quote(parent)).append(" AS p WHERE ");
                for (int i = 0; i < from.size(); i++) {
                    sql.append(i == 0 ? "" : " AND ").append("p.").append(quote(parentColumns.get(i)))
                            .append(" = c.").append(quote(from.get(i)));
                }
                return sql.append(")").toString();
            }
        }

        private static List<String> primaryKey(Connection connection, String table) throws SQLException {
            List<String> columns = new ArrayList<>();
            try (java.sql.Statement jdbc = connection.createStatement();
                 ResultSet rs = jdbc.executeQuery("SELECT name FROM pragma_table_info('" + table.replace("'", "''")
                         + "') WHERE pk > 0 ORDER BY pk")) {
                while (rs.next()) {
                    columns.add(rs.getString(1));
                }
            }
            return columns.isEmpty() ? List.of("rowid") : columns;
        }

        private static String quote(String identifier) {
            return "\"" + identifier.replace("\"", "\"\"") + "\"";
        }
    }
}
