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

    /**
     * An SQL condition that is true when some row's foreign key points at nothing, for a statement inside
     * the transaction that fails it (see {@link MigrationLock#failWhen}); {@code null} when the database has
     * no foreign keys. Lets a remote migration be checked in the request that commits it.
     */
    String orphansExist(Connection connection) throws SQLException;

    /**
     * No check: a remote database that does not enforce foreign keys runs migrations as it runs every other
     * statement; the check only makes up for enforcement the plugin turned off.
     */
    record None() implements ForeignKeyCheck {
        @Override
        public Map<String, Integer> violations(Connection connection) {
            return Map.of();
        }

        @Override
        public String orphansExist(Connection connection) {
            return null;
        }
    }

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

        @Override
        public String orphansExist(Connection connection) {
            return "EXISTS (SELECT 1 FROM pragma_foreign_key_check)";
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
            List<Reference> references = references(connection);
            if (references.isEmpty()) {
                return Map.of();
            }
            List<String> counts = new ArrayList<>();
            for (Reference r : references) {
                counts.add("SELECT " + SqlQuoting.literal(r.label()) + ", count(*) FROM " + r.orphans(connection));
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

        @Override
        public String orphansExist(Connection connection) throws SQLException {
            List<String> exists = new ArrayList<>();
            for (Reference r : references(connection)) {
                exists.add("EXISTS (SELECT 1 FROM " + r.orphans(connection) + ")");
            }
            return exists.isEmpty() ? null : String.join(" OR ", exists);
        }

        private static List<Reference> references(Connection connection) throws SQLException {
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
            return List.copyOf(references.values());
        }

        private record Reference(String child, String parent, boolean parentExists, List<String> from,
                                 List<String> to) {

            String label() {
                return child + " -> " + parent;
            }

            /**
             * {@code child AS c WHERE <c's key is set and matches no parent row>}, to follow FROM; a key without
             * columns names the parent's primary key (SQLite's rule: only rows with every key column set count).
             */
            String orphans(Connection connection) throws SQLException {
                StringBuilder sql = new StringBuilder(SqlQuoting.identifier(child)).append(" AS c WHERE ");
                for (String column : from) {
                    sql.append("c.").append(SqlQuoting.identifier(column)).append(" IS NOT NULL AND ");
                }
                if (!parentExists) {
                    return sql.append("1").toString();
                }
                List<String> parentColumns = to.contains(null) ? primaryKey(connection, parent) : to;
                sql.append("NOT EXISTS (SELECT 1 FROM ").append(SqlQuoting.identifier(parent)).append(" AS p WHERE ");
                for (int i = 0; i < from.size(); i++) {
                    sql.append(i == 0 ? "" : " AND ").append("p.").append(SqlQuoting.identifier(parentColumns.get(i)))
                            .append(" = c.").append(SqlQuoting.identifier(from.get(i)));
                }
                return sql.append(")").toString();
            }
        }

        private static List<String> primaryKey(Connection connection, String table) throws SQLException {
            List<String> columns = new ArrayList<>();
            try (java.sql.Statement jdbc = connection.createStatement();
                 ResultSet rs = jdbc.executeQuery("SELECT name FROM pragma_table_info(" + SqlQuoting.literal(table)
                         + ") WHERE pk > 0 ORDER BY pk")) {
                while (rs.next()) {
                    columns.add(rs.getString(1));
                }
            }
            return columns.isEmpty() ? List.of("rowid") : columns;
        }
    }
}
