package io.writerflow.maven.engine.database;

import io.writerflow.maven.engine.lock.MigrationLock;
import io.writerflow.maven.sql.SqlQuoting;

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
public sealed interface ForeignKeyCheck {

    /** "child -> parent" to the number of child rows without a parent; empty when there are none. */
    default Map<String, Integer> violations(Connection connection) throws SQLException {
        String query = violationsQuery(connection);
        if (query == null) {
            return Map.of();
        }
        List<List<Object>> rows = new ArrayList<>();
        try (java.sql.Statement jdbc = connection.createStatement(); ResultSet rs = jdbc.executeQuery(query)) {
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.add(rs.getObject(i));
                }
                rows.add(row);
            }
        }
        return violations(rows);
    }

    /**
     * The query whose rows {@link #violations(List)} reads, built for the schema on {@code schema} (the database
     * itself, or a copy of its schema for a query sent in a request of its own); null when there is nothing to
     * count.
     */
    String violationsQuery(Connection schema) throws SQLException;

    /** The violations in the rows of {@link #violationsQuery}. */
    Map<String, Integer> violations(List<List<Object>> rows);

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
        public String violationsQuery(Connection schema) {
            return null;
        }

        @Override
        public Map<String, Integer> violations(List<List<Object>> rows) {
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
        public String violationsQuery(Connection schema) {
            return "PRAGMA foreign_key_check";
        }

        /** One row per orphan: its table, rowid, parent table and key. */
        @Override
        public Map<String, Integer> violations(List<List<Object>> rows) {
            Map<String, Integer> violations = new TreeMap<>();
            rows.forEach(row -> violations.merge(row.get(0) + " -> " + row.get(2), 1, Integer::sum));
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
        public String violationsQuery(Connection schema) throws SQLException {
            List<String> counts = new ArrayList<>();
            for (Reference r : references(schema)) {
                counts.add("SELECT " + SqlQuoting.literal(r.label()) + ", count(*) FROM " + r.orphans(schema));
            }
            return counts.isEmpty() ? null : String.join(" UNION ALL ", counts);
        }

        /** One row per foreign key: its label and its count of orphans. */
        @Override
        public Map<String, Integer> violations(List<List<Object>> rows) {
            Map<String, Integer> violations = new TreeMap<>();
            for (List<Object> row : rows) {
                int count = ((Number) row.get(1)).intValue();
                if (count > 0) {
                    violations.merge(String.valueOf(row.get(0)), count, Integer::sum);
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

        /**
         * Every foreign key, in one query. The Turso server fails {@code pragma_foreign_key_list} given a table
         * name that holds a double quote, so the query lists such tables instead (id -1), and their keys are read
         * with the PRAGMA statement, which it answers.
         */
        private static List<Reference> references(Connection connection) throws SQLException {
            Map<String, Reference> references = new LinkedHashMap<>();
            List<String> quoted = new ArrayList<>();
            try (java.sql.Statement jdbc = connection.createStatement();
                 ResultSet rs = jdbc.executeQuery("SELECT m.name, f.id, f.\"table\", f.\"from\", f.\"to\","
                         + " (SELECT count(*) FROM sqlite_schema AS p WHERE p.type = 'table' AND p.name = f.\"table\"),"
                         + " f.seq FROM sqlite_schema AS m, pragma_foreign_key_list(m.name) AS f"
                         + " WHERE m.type = 'table' AND instr(m.name, '\"') = 0"
                         + " UNION ALL SELECT name, -1, NULL, NULL, NULL, 0, 0 FROM sqlite_schema"
                         + " WHERE type = 'table' AND instr(name, '\"') > 0 ORDER BY 1, 2, 7")) {
                while (rs.next()) {
                    if (rs.getInt(2) < 0) {
                        quoted.add(rs.getString(1));
                    } else {
                        add(references, rs.getString(1), rs.getInt(2), rs.getString(3), rs.getInt(6) > 0,
                                rs.getString(4), rs.getString(5));
                    }
                }
            }
            for (String child : quoted) {
                try (java.sql.Statement jdbc = connection.createStatement();
                     ResultSet rs = jdbc.executeQuery("PRAGMA foreign_key_list(" + SqlQuoting.identifier(child) + ")")) {
                    while (rs.next()) {
                        String parent = rs.getString("table");
                        add(references, child, rs.getInt("id"), parent, tableExists(connection, parent),
                                rs.getString("from"), rs.getString("to"));
                    }
                }
            }
            return List.copyOf(references.values());
        }

        private static void add(Map<String, Reference> references, String child, int id, String parent,
                                boolean parentExists, String from, String to) {
            Reference reference = references.computeIfAbsent(child + "#" + id,
                    key -> new Reference(child, parent, parentExists, new ArrayList<>(), new ArrayList<>()));
            reference.from().add(from);
            reference.to().add(to);
        }

        private static boolean tableExists(Connection connection, String table) throws SQLException {
            try (java.sql.Statement jdbc = connection.createStatement();
                 ResultSet rs = jdbc.executeQuery("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = "
                         + SqlQuoting.literal(table))) {
                return rs.next() && rs.getInt(1) > 0;
            }
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
                // a key without columns names the parent's primary key; the Turso server lists it as "" for null
                List<String> parentColumns = to.contains(null) || to.contains("") ? primaryKey(connection, parent) : to;
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
                 ResultSet rs = jdbc.executeQuery("PRAGMA table_info(" + SqlQuoting.identifier(table) + ")")) {
                // the statement rather than pragma_table_info(): the Turso server fails that on a name with a "
                Map<Integer, String> byPosition = new TreeMap<>();
                while (rs.next()) {
                    if (rs.getInt("pk") > 0) {
                        byPosition.put(rs.getInt("pk"), rs.getString("name"));
                    }
                }
                columns.addAll(byPosition.values());
            }
            return columns.isEmpty() ? List.of("rowid") : columns;
        }
    }
}
