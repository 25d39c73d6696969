package io.writerflow.maven.lint.analysis;

import io.writerflow.maven.WriterflowException;
import io.writerflow.maven.diff.Renames;
import io.writerflow.maven.diff.SchemaDiff;
import io.writerflow.maven.engine.database.EmbeddedDatabases;
import io.writerflow.maven.engine.database.SingleConnectionDataSource;
import io.writerflow.maven.plan.PlannedStatement;
import io.writerflow.maven.plan.SqlitePlanner;
import io.writerflow.maven.schema.Schema;
import io.writerflow.maven.schema.Table;
import io.writerflow.maven.schema.introspect.SqliteIntrospector;
import io.writerflow.maven.settings.DatabaseUrl;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * An empty in-memory SQLite database that migrations are replayed on, so that the database itself says what a
 * statement changed (hand-written SQL needs no parser here). It runs in autocommit with foreign keys unenforced,
 * as apply runs migrations, and holds no rows: it answers what the schema becomes, never what the data does.
 */
public final class ShadowDatabase implements AutoCloseable {

    private final SingleConnectionDataSource dataSource;
    private final Connection connection;
    private final SqliteIntrospector introspector;

    private ShadowDatabase(SingleConnectionDataSource dataSource, List<String> ignoredTables) {
        this.dataSource = dataSource;
        this.connection = dataSource.getConnection();
        this.introspector = new SqliteIntrospector(ignoredTables);
    }

    /** An empty shadow database. */
    public static ShadowDatabase open() {
        return new ShadowDatabase(EmbeddedDatabases.open(new DatabaseUrl.Memory(), "the lint's shadow database",
                false, Duration.ZERO), List.of());
    }

    /**
     * Creates {@code schema} on the (empty) shadow with the statements generate would write for it, so that the
     * shadow starts where the previous snapshot says the database is.
     *
     * @throws WriterflowException when SQLite refuses a statement planned from the snapshot
     */
    public void create(Schema schema, String source) {
        for (PlannedStatement statement : SqlitePlanner.plan(Schema.EMPTY, schema,
                SchemaDiff.diff(Schema.EMPTY, schema, Renames.NONE, true)).statements()) {
            execute(statement.sql()).ifPresent(error -> {
                throw new WriterflowException("The lint's shadow database cannot be built from " + source + ": "
                        + error + " (in " + statement.sql().strip() + ").",
                        "Check that " + source + " is a snapshot drizzle-kit or writerflow:generate wrote.");
            });
        }
    }

    /** Runs one statement; SQLite's message when it refuses it. */
    public Optional<String> execute(String sql) {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
            return Optional.empty();
        } catch (SQLException e) {
            return Optional.of(e.getMessage());
        }
    }

    /**
     * SQLite's schema cookie, which every schema change increments: comparing it before and after a statement
     * tells whether the schema needs reading again (data statements are most of a large migration).
     */
    public long schemaVersion() {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("PRAGMA schema_version")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("the in-memory shadow database failed to answer: " + e.getMessage(), e);
        }
    }

    /** The shadow's schema, read as drift reads a real database. */
    public Schema schema() {
        try {
            Schema schema = introspector.read(connection);
            fingerprints = fingerprints();
            return schema;
        } catch (SQLException e) {
            throw new IllegalStateException("the in-memory shadow database failed to answer: " + e.getMessage(), e);
        }
    }

    /** Each table's DDL with that of its indexes and triggers, as of the last read: what tells a table changed. */
    private Map<String, String> fingerprints = Map.of();

    /**
     * The schema now, given {@code before}, the schema at the last read: only the tables whose DDL (or whose
     * indexes' or triggers') changed since are read again, the others kept. Reading every table after every
     * statement made a 300-table initial migration quadratic in the introspector; this keeps it linear.
     */
    public Schema schemaAfter(Schema before) {
        try {
            Map<String, String> now = fingerprints();
            Set<String> changed = new HashSet<>();
            now.forEach((table, ddl) -> {
                if (!ddl.equals(fingerprints.get(table))) {
                    changed.add(table);
                }
            });
            fingerprints.keySet().stream().filter(t -> !now.containsKey(t)).forEach(changed::add);
            Schema partial = SqliteIntrospector.only(changed).read(connection);
            Map<String, Table> tables = new TreeMap<>();
            before.tables().stream().filter(t -> !changed.contains(t.name().toLowerCase(Locale.ROOT)))
                    .forEach(t -> tables.put(t.name(), t));
            partial.tables().forEach(t -> tables.put(t.name(), t));
            fingerprints = now;
            return new Schema(List.copyOf(tables.values()), partial.views());
        } catch (SQLException e) {
            throw new IllegalStateException("the in-memory shadow database failed to answer: " + e.getMessage(), e);
        }
    }

    /** Table name (lower case, as the introspector compares) to the DDL of it, its indexes and its triggers. */
    private Map<String, String> fingerprints() throws SQLException {
        Map<String, StringBuilder> ddl = new TreeMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT type, name, tbl_name, sql FROM sqlite_master"
                     + " WHERE type IN ('table', 'index', 'trigger') ORDER BY type, name")) {
            while (rs.next()) {
                ddl.computeIfAbsent(rs.getString(3).toLowerCase(Locale.ROOT), t -> new StringBuilder())
                        .append(rs.getString(1)).append(' ').append(rs.getString(2)).append(':')
                        .append(rs.getString(4)).append('\n');
            }
        }
        Map<String, String> result = new HashMap<>();
        ddl.forEach((table, text) -> result.put(table, text.toString()));
        return result;
    }

    @Override
    public void close() {
        try {
            dataSource.close();
        } catch (SQLException e) {
            // an in-memory database: nothing is left behind
        }
    }
}
