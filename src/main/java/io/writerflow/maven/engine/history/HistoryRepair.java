package io.writerflow.maven.engine.history;

import io.writerflow.maven.libsql.Hrana;
import io.writerflow.maven.migrations.Migration;
import io.writerflow.maven.migrations.MigrationDirectory;
import io.writerflow.maven.sql.SqlQuoting;
import org.flywaydb.core.api.MigrationVersion;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What Flyway 13's repair ({@code DbRepair}, {@code JdbcTableSchemaHistory}) changes in its history table, done
 * by the plugin in ONE transaction (one request on a server, where Flyway's repair needed a client-side
 * transaction and a request per read): the rows of failed migrations are deleted; an applied migration the
 * directory no longer lists, below its last one, is marked deleted (a row of type {@code DELETE}); an applied
 * migration whose file changed gets the file's checksum, description and type. Rows Flyway writes for itself
 * (baseline, schema and deleted markers, undo) are left as they are, as Flyway leaves them.
 */
public final class HistoryRepair {

    /** One history entry repair changed: its version and the description the history gave it. */
    public record Entry(String version, String description) {
    }

    /** What repair changed. */
    public record Result(List<Entry> removed, List<Entry> aligned, List<Entry> deleted) {
        public int changes() {
            return removed.size() + aligned.size() + deleted.size();
        }
    }

    /** The Flyway row types that are markers, not migrations (Flyway's {@code MigrationType.isSynthetic}). */
    private static final Set<String> SYNTHETIC = Set.of("SCHEMA", "BASELINE", HistoryStatus.DELETED);

    private record Row(int rank, String version, String description, String type, String script, Integer checksum,
                       boolean success) {
        boolean migration() {
            return version != null && !SYNTHETIC.contains(type) && !type.startsWith("UNDO_");
        }
    }

    private HistoryRepair() {
    }

    /** Repairs the history table on {@code connection}; nothing when it does not exist. */
    public static Result repair(Connection connection, String historyTable, MigrationDirectory directory,
            String installedBy) throws SQLException {
        List<Row> rows = read(connection, historyTable);
        String table = SqlQuoting.identifier(historyTable);
        List<Hrana.Stmt> statements = new ArrayList<>();
        List<Entry> removed = new ArrayList<>();
        List<Entry> aligned = new ArrayList<>();
        List<Entry> deleted = new ArrayList<>();
        for (Row row : rows) {
            if (row.migration() && !row.success()) {
                removed.add(new Entry(row.version(), row.description()));
                statements.add(Hrana.Stmt.of("DELETE FROM " + table + " WHERE \"success\" = 0 AND \"version\" = ?",
                        row.version()));
            }
        }
        // the applied migrations Flyway's info would list: per version the last row, unless a marker deleted it
        Map<String, Row> applied = new LinkedHashMap<>();
        for (Row row : rows) {
            if (row.version() != null && HistoryStatus.DELETED.equals(row.type())) {
                applied.remove(row.version());
            } else if (row.migration() && row.success()) {
                applied.put(row.version(), row);
            }
        }
        Map<String, Migration> resolved = directory.migrations().stream()
                .collect(Collectors.toMap(Migration::version, Function.identity()));
        MigrationVersion lastResolved = directory.migrations().stream().map(m -> MigrationVersion.fromVersion(m.version()))
                .max(Comparator.naturalOrder()).orElse(MigrationVersion.EMPTY);
        int rank = rows.stream().mapToInt(Row::rank).max().orElse(0);
        for (Row row : applied.values()) {
            Migration file = resolved.get(row.version());
            if (file == null && MigrationVersion.fromVersion(row.version()).compareTo(lastResolved) < 0) {
                // missing; one above the directory's last is "future", which Flyway's repair ignores by default
                deleted.add(new Entry(row.version(), row.description()));
                statements.add(Hrana.Stmt.of("INSERT INTO " + table + " (installed_rank, version, description,"
                        + " type, script, checksum, installed_by, installed_on, execution_time, success) VALUES"
                        + " (?, ?, ?, 'DELETE', ?, ?, ?, ?, 0, ?)", (long) ++rank, row.version(), row.description(),
                        row.script(), row.checksum() == null ? null : (long) row.checksum(), installedBy,
                        HistoryRows.INSTALLED_ON.format(Instant.now()), 1L));
            } else if (file != null && (!Objects.equals(row.checksum(), file.checksum())
                    || !file.tag().equals(row.description()) || !"SQL".equals(row.type()))) {
                aligned.add(new Entry(row.version(), row.description()));
                statements.add(Hrana.Stmt.of("UPDATE " + table + " SET \"description\" = ?, \"type\" = 'SQL',"
                        + " \"checksum\" = ? WHERE \"installed_rank\" = ?", file.tag(), (long) file.checksum(),
                        (long) row.rank()));
            }
        }
        if (!statements.isEmpty()) {
            HistoryRows.write(connection, statements);
        }
        return new Result(List.copyOf(removed), List.copyOf(aligned), List.copyOf(deleted));
    }

    private static List<Row> read(Connection connection, String historyTable) throws SQLException {
        List<Row> rows = new ArrayList<>();
        if (!HistoryTable.head(connection, historyTable).exists()) {
            return rows;
        }
        try (Statement select = connection.createStatement();
             ResultSet rs = select.executeQuery("SELECT installed_rank, version, description, type, script, checksum,"
                     + " success FROM " + SqlQuoting.identifier(historyTable) + " ORDER BY installed_rank")) {
            while (rs.next()) {
                Object checksum = rs.getObject(6);
                Object success = rs.getObject(7);
                rows.add(new Row(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        checksum == null ? null : ((Number) checksum).intValue(), success instanceof Number n
                        ? n.intValue() != 0 : Boolean.parseBoolean(String.valueOf(success))));
            }
        }
        return rows;
    }
}
