package io.writerflow.maven.schema.introspect;

import io.writerflow.maven.schema.Check;
import io.writerflow.maven.schema.Column;
import io.writerflow.maven.schema.DefaultNames;
import io.writerflow.maven.schema.Column.DefaultValue;
import io.writerflow.maven.schema.Column.Generated;
import io.writerflow.maven.schema.ForeignKey;
import io.writerflow.maven.schema.Index;
import io.writerflow.maven.schema.Index.IndexColumn;
import io.writerflow.maven.schema.PrimaryKey;
import io.writerflow.maven.schema.Schema;
import io.writerflow.maven.schema.Table;
import io.writerflow.maven.schema.Unique;
import io.writerflow.maven.schema.View;
import io.writerflow.maven.sql.SqlQuoting;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Reads a live SQLite or libSQL database into the schema model, normalised as drizzle-kit's snapshots
 * store it, so that the one diff can compare the two.
 *
 * <p>Only plain SELECTs over {@code sqlite_master} and the table-valued PRAGMA functions, because the
 * same code runs on sqlite-jdbc and on the Hrana driver, whose server answers no more than that. What the
 * PRAGMAs do not expose (CHECK and named UNIQUE constraints, generated expressions, AUTOINCREMENT,
 * parenthesised defaults, index expressions and WHERE) is read from the DDL text SQLite keeps.
 */
public final class SqliteIntrospector {

    private final Set<String> ignoredTables;
    /** When set, the only tables read (lower case): the lint's shadow reads again just what a statement changed. */
    private final Optional<Set<String>> only;

    /** @param ignoredTables tables that are not the application's (history, lock), compared case-insensitively */
    public SqliteIntrospector(Collection<String> ignoredTables) {
        this(ignoredTables, Optional.empty());
    }

    private SqliteIntrospector(Collection<String> ignoredTables, Optional<Set<String>> only) {
        this.ignoredTables = ignoredTables.stream().map(t -> t.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        this.only = only;
    }

    /**
     * An introspector of {@code tables} alone (and every view), compared case-insensitively: its per-table queries
     * are limited to them, so that reading a few tables of a large schema costs a few tables.
     */
    public static SqliteIntrospector only(Collection<String> tables) {
        return new SqliteIntrospector(List.of(), Optional.of(tables.stream().map(t -> t.toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet())));
    }

    /** {@code query} limited to the {@link #only} tables, when there are such. */
    private String limited(String query) {
        return only.map(tables -> query.replace(" ORDER BY", " AND lower(m.name) IN (" + tables.stream()
                .map(SqlQuoting::literal).collect(Collectors.joining(", ")) + ") ORDER BY")).orElse(query);
    }

    /** Every object of the schema. */
    public static final String MASTER = "SELECT type, name, tbl_name, sql FROM sqlite_master";
    /**
     * Tables whose names hold a double quote are read one by one ({@link #quotedNames}): the Turso server
     * (tursodb 0.7) fails a table-valued PRAGMA given such a name ("near ...: syntax error").
     */
    private static final String PLAIN_NAME = " AND instr(m.name, '\"') = 0";
    /** Every column of every table, in one query rather than one per table. */
    public static final String COLUMNS = "SELECT m.name AS tbl, c.* FROM sqlite_master AS m,"
            + " pragma_table_xinfo(m.name) AS c WHERE m.type = 'table'" + PLAIN_NAME + " ORDER BY m.name, c.cid";
    /** The same for engines without table_xinfo: generated columns stay unseen, everything else is the same. */
    private static final String COLUMNS_WITHOUT_HIDDEN = "SELECT m.name AS tbl, c.* FROM sqlite_master AS m,"
            + " pragma_table_info(m.name) AS c WHERE m.type = 'table'" + PLAIN_NAME + " ORDER BY m.name, c.cid";
    /** Every foreign key of every table. */
    public static final String FOREIGN_KEYS = "SELECT m.name AS child, f.* FROM sqlite_master AS m,"
            + " pragma_foreign_key_list(m.name) AS f WHERE m.type = 'table'" + PLAIN_NAME
            + " ORDER BY m.name, f.id, f.seq";
    /** The queries {@link #read} runs, which a caller may send ahead in one request (see LibsqlConnection#prime). */
    public static final List<String> QUERIES = List.of(MASTER, COLUMNS, FOREIGN_KEYS);

    public Schema read(Connection connection) throws SQLException {
        List<Map<String, Object>> master = rows(connection, MASTER);
        List<Map<String, Object>> allColumns;
        boolean hidden = true;
        try {
            allColumns = rows(connection, limited(COLUMNS));
        } catch (SQLException e) {
            allColumns = rows(connection, limited(COLUMNS_WITHOUT_HIDDEN));
            hidden = false;
        }
        List<Map<String, Object>> keys = rows(connection, limited(FOREIGN_KEYS));
        for (String table : quotedNames(master)) {
            if (only.isPresent() && !only.get().contains(table.toLowerCase(Locale.ROOT))) {
                continue;
            }
            allColumns.addAll(pragma(connection, hidden ? "table_xinfo" : "table_info", table, "tbl"));
            keys.addAll(pragma(connection, "foreign_key_list", table, "child"));
        }
        DeclaredNames declared = new DeclaredNames(master);
        declared.restore(master, "name", "tbl_name");
        declared.restore(allColumns, "tbl");
        declared.restore(keys, "child", "table");
        Map<String, List<Map<String, Object>>> columnsByTable = groupBy(allColumns, "tbl");
        Map<String, List<Map<String, Object>>> keysByTable = groupBy(keys, "child");
        master.sort(Comparator.comparing(r -> String.valueOf(r.get("name"))));
        List<Table> tables = new ArrayList<>();
        List<View> views = new ArrayList<>();
        for (Map<String, Object> row : master) {
            String name = String.valueOf(row.get("name"));
            String sql = row.get("sql") == null ? "" : row.get("sql").toString();
            if (ignored(name) || "table".equals(row.get("type")) && only.isPresent()
                    && !only.get().contains(name.toLowerCase(Locale.ROOT))) {
                continue;
            }
            if ("table".equals(row.get("type")) && !sql.toUpperCase(Locale.ROOT).startsWith("CREATE VIRTUAL")) {
                tables.add(table(name, sql, indexesOf(master, name), columnsByTable, keysByTable));
            } else if ("view".equals(row.get("type"))) {
                views.add(view(name, sql));
            }
        }
        return new Schema(tables, views);
    }

    /** The tables the queries over every table leave out, see {@link #PLAIN_NAME}. */
    private static List<String> quotedNames(List<Map<String, Object>> master) {
        return master.stream().filter(r -> "table".equals(r.get("type")))
                .map(r -> String.valueOf(r.get("name"))).filter(n -> n.indexOf('"') >= 0).toList();
    }

    /** The rows of {@code PRAGMA <pragma>("table")}, each with the table's name under {@code key}. */
    private static List<Map<String, Object>> pragma(Connection connection, String pragma, String table, String key)
            throws SQLException {
        List<Map<String, Object>> rows = rows(connection, "PRAGMA " + pragma + "(" + SqlQuoting.identifier(table)
                + ")");
        rows.forEach(r -> r.put(key, table));
        return rows;
    }

    private static Map<String, List<Map<String, Object>>> groupBy(List<Map<String, Object>> rows, String key) {
        Map<String, List<Map<String, Object>>> groups = new HashMap<>();
        for (Map<String, Object> row : rows) {
            groups.computeIfAbsent(String.valueOf(row.get(key)), k -> new ArrayList<>()).add(row);
        }
        return groups;
    }

    private boolean ignored(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        // the Turso server keeps AUTOINCREMENT counters in tables of its own (__turso_internal_seq_...)
        return lower.startsWith("sqlite_") || lower.startsWith("__turso_internal") || lower.equals("__drizzle_migrations")
                || ignoredTables.contains(lower);
    }

    private static List<Index> indexesOf(List<Map<String, Object>> master, String table) {
        List<Index> indexes = new ArrayList<>();
        for (Map<String, Object> row : master) {
            // an autoindex (UNIQUE or PRIMARY KEY in CREATE TABLE) has no SQL of its own
            if ("index".equals(row.get("type")) && table.equals(row.get("tbl_name")) && row.get("sql") != null) {
                index(String.valueOf(row.get("name")), row.get("sql").toString()).ifPresent(indexes::add);
            }
        }
        return indexes;
    }

    private static Optional<Index> index(String name, String sql) {
        int on = SqlText.keyword(sql, "ON", 0);
        if (on < 0) {
            return Optional.empty();
        }
        int afterTable = on + 2 + SqlText.leadingNameLength(sql.substring(on + 2));
        Optional<String> group = SqlText.groupAt(sql, afterTable);
        if (group.isEmpty()) {
            return Optional.empty();
        }
        List<IndexColumn> columns = SqlText.splitTopLevel(group.get().substring(1, group.get().length() - 1)).stream()
                .map(c -> SqlText.isName(c) ? IndexColumn.column(SqlText.unquote(c)) : new IndexColumn(c, true))
                .toList();
        int where = SqlText.keyword(sql, "WHERE", afterTable);
        Optional<String> condition = where < 0 ? Optional.empty()
                : Optional.of(stripSemicolon(sql.substring(where + 5)));
        boolean unique = SqlText.keyword(sql.substring(0, on), "UNIQUE", 0) >= 0;
        return Optional.of(new Index(name, columns, unique, condition));
    }

    private static View view(String name, String sql) {
        int as = SqlText.keyword(sql, "AS", 0);
        return new View(name, List.of(), as < 0 ? Optional.empty() : Optional.of(stripSemicolon(sql.substring(as + 2))),
                false);
    }

    private static String stripSemicolon(String sql) {
        String s = sql.strip();
        return s.endsWith(";") ? s.substring(0, s.length() - 1).strip() : s;
    }

    private static Table table(String name, String sql, List<Index> indexes,
            Map<String, List<Map<String, Object>>> columnsByTable, Map<String, List<Map<String, Object>>> keysByTable) {
        List<String> items = SqlText.firstGroup(sql).map(SqlText::splitTopLevel).orElse(List.of());
        Map<String, String> definitions = new HashMap<>();
        List<Unique> uniques = new ArrayList<>();
        List<Check> checks = new ArrayList<>();
        for (String item : items) {
            constraint(item, uniques, checks);
            if (!isTableConstraint(item)) {
                definitions.put(SqlText.leadingName(item), item);
            }
        }

        List<Map<String, Object>> infos = new ArrayList<>(columnsByTable.getOrDefault(name, List.of()));
        infos.removeIf(i -> number(i.get("hidden")) == 1);
        long keyColumns = infos.stream().filter(i -> number(i.get("pk")) > 0).count();
        List<Column> columns = new ArrayList<>();
        for (Map<String, Object> info : infos) {
            String column = String.valueOf(info.get("name"));
            Optional<String> definition = Optional.ofNullable(definitions.get(column));
            columns.add(column(column, info, definition, keyColumns == 1));
            definition.flatMap(d -> columnUnique(name, column, d.substring(SqlText.leadingNameLength(d))))
                    .ifPresent(uniques::add);
        }
        List<PrimaryKey> compositeKeys = keyColumns > 1
                ? List.of(new PrimaryKey(Optional.empty(), infos.stream().filter(i -> number(i.get("pk")) > 0)
                .sorted(Comparator.comparingLong(i -> number(i.get("pk")))).map(i -> String.valueOf(i.get("name")))
                .toList()))
                : List.of();
        return new Table(name, columns, indexes, foreignKeys(name, keysByTable, columnsByTable), compositeKeys, uniques,
                checks);
    }

    private static boolean isTableConstraint(String item) {
        String word = SqlText.leadingName(item).toUpperCase(Locale.ROOT);
        return Set.of("CONSTRAINT", "PRIMARY", "FOREIGN", "UNIQUE", "CHECK").contains(word)
                && !SqlText.isQuotedStart(item);
    }

    /** A table constraint drizzle writes as {@code CONSTRAINT name UNIQUE(...)} or {@code CONSTRAINT "name" CHECK(...)}. */
    private static void constraint(String item, List<Unique> uniques, List<Check> checks) {
        if (!isTableConstraint(item)) {
            return;
        }
        String rest = item;
        String name = "";
        if (SqlText.leadingName(item).equalsIgnoreCase("CONSTRAINT")) {
            rest = item.substring("CONSTRAINT".length());
            name = SqlText.leadingName(rest);
            rest = rest.substring(SqlText.leadingNameLength(rest)).strip();
        }
        String kind = SqlText.leadingName(rest).toUpperCase(Locale.ROOT);
        Optional<String> group = SqlText.groupAt(rest, kind.length());
        if (group.isEmpty()) {
            return;
        }
        String inside = group.get().substring(1, group.get().length() - 1);
        if (kind.equals("UNIQUE")) {
            uniques.add(new Unique(name, SqlText.splitTopLevel(inside).stream().map(SqlText::unquote).toList()));
        } else if (kind.equals("CHECK")) {
            checks.add(new Check(name, inside));
        }
    }

    /**
     * A UNIQUE in a column's definition, where drizzle-kit 1.0 writes a one-column unique constraint:
     * {@code `email` text UNIQUE} (drizzle's default name, {@code users_email_unique}) or
     * {@code `email` text CONSTRAINT `name` UNIQUE}.
     *
     * @param rest the definition after the column's name
     */
    private static Optional<Unique> columnUnique(String table, String column, String rest) {
        int unique = SqlText.keyword(rest, "UNIQUE", 0);
        if (unique < 0) {
            return Optional.empty();
        }
        String before = rest.substring(0, unique);
        int constraint = -1;
        for (int at = SqlText.keyword(before, "CONSTRAINT", 0); at >= 0; at = SqlText.keyword(before, "CONSTRAINT", at + 1)) {
            constraint = at;
        }
        String named = constraint < 0 ? "" : before.substring(constraint + "CONSTRAINT".length()).strip();
        return Optional.of(new Unique(!named.isEmpty() && SqlText.isName(named) ? SqlText.unquote(named)
                : DefaultNames.unique(table, List.of(column)), List.of(column)));
    }

    private static Column column(String name, Map<String, Object> info, Optional<String> definition,
            boolean singleKey) {
        String declared = info.get("type") == null ? "" : info.get("type").toString();
        String rest = definition.map(d -> d.substring(SqlText.leadingNameLength(d))).orElse("");
        int at = rest.toLowerCase(Locale.ROOT).indexOf(declared.toLowerCase(Locale.ROOT));
        // the type as written (a custom type keeps its case); SQLite may report it upper-cased
        String type = !declared.isEmpty() && at >= 0 ? rest.substring(at, at + declared.length())
                : declared.toLowerCase(Locale.ROOT);

        Optional<DefaultValue> defaultValue = Optional.empty();
        if (info.get("dflt_value") != null) {
            int keyword = SqlText.keyword(rest, "DEFAULT", 0);
            // SQLite reports DEFAULT (CURRENT_TIMESTAMP) without the parentheses drizzle writes and stores
            Optional<String> group = keyword < 0 ? Optional.empty() : SqlText.groupAt(rest, keyword + 7);
            defaultValue = Optional.of(DefaultValue.sql(group.orElse(info.get("dflt_value").toString())));
        }

        long hidden = number(info.get("hidden"));
        Optional<Generated> generated = Optional.empty();
        int as = SqlText.keyword(rest, "AS", 0);
        if (hidden == 2 || hidden == 3 || as >= 0) {
            Optional<String> expression = as < 0 ? Optional.empty() : SqlText.groupAt(rest, as + 2);
            boolean stored = hidden == 3 || SqlText.keyword(rest, "STORED", 0) >= 0;
            generated = expression.map(e -> new Generated(e, stored ? "stored" : "virtual"));
        }
        return new Column(name, type, singleKey && number(info.get("pk")) > 0, number(info.get("notnull")) == 1,
                SqlText.keyword(rest, "AUTOINCREMENT", 0) >= 0, defaultValue, generated);
    }

    private static List<ForeignKey> foreignKeys(String table, Map<String, List<Map<String, Object>>> keysByTable,
            Map<String, List<Map<String, Object>>> columnsByTable) {
        Map<Long, List<Map<String, Object>>> byId = new TreeMap<>();
        for (Map<String, Object> row : keysByTable.getOrDefault(table, List.of())) {
            byId.computeIfAbsent(number(row.get("id")), id -> new ArrayList<>()).add(row);
        }
        List<ForeignKey> keys = new ArrayList<>();
        for (List<Map<String, Object>> parts : byId.values()) {
            parts.sort(Comparator.comparingLong(p -> number(p.get("seq"))));
            Map<String, Object> first = parts.get(0);
            String tableTo = String.valueOf(first.get("table"));
            List<String> from = parts.stream().map(p -> String.valueOf(p.get("from"))).toList();
            List<String> to = parts.stream().map(p -> p.get("to") == null ? "" : p.get("to").toString()).toList();
            if (to.contains("")) {
                // REFERENCES parent without columns: the parent's primary key
                to = primaryKey(columnsByTable.getOrDefault(tableTo, List.of()));
            }
            keys.add(new ForeignKey(DefaultNames.foreignKey(table, from, tableTo, to), table, from, tableTo, to,
                    action(first.get("on_update")), action(first.get("on_delete"))));
        }
        return keys;
    }

    private static List<String> primaryKey(List<Map<String, Object>> columns) {
        return columns.stream()
                .filter(i -> number(i.get("pk")) > 0).sorted(Comparator.comparingLong(i -> number(i.get("pk"))))
                .map(i -> String.valueOf(i.get("name"))).toList();
    }

    /** drizzle's spelling: {@code NO ACTION} is {@code no action}. */
    private static String action(Object value) {
        return value == null ? "no action" : value.toString().toLowerCase(Locale.ROOT);
    }

    private static long number(Object value) {
        if (value == null) {
            return 0;
        }
        if (value instanceof Number n) {
            return n.longValue();
        }
        try {
            return Long.parseLong(value.toString().strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Every row as column label (lowercase) to value; read whole, so no two result sets are ever open. */
    private static List<Map<String, Object>> rows(Connection connection, String sql) throws SQLException {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            ResultSetMetaData meta = rs.getMetaData();
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.put(meta.getColumnLabel(i).toLowerCase(Locale.ROOT), rs.getObject(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
