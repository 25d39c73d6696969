package io.writerflow.maven.engine.history;

import io.writerflow.maven.engine.MigrationState;
import io.writerflow.maven.engine.MigrationStatus;
import io.writerflow.maven.migrations.DownFile;
import io.writerflow.maven.migrations.Migration;
import io.writerflow.maven.migrations.MigrationDirectory;
import org.flywaydb.core.api.MigrationVersion;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The status of a directory against rows read straight from Flyway's history table, with the states Flyway's
 * own info would give them: one read of the history, where Flyway's info makes a dozen requests on a remote
 * database and costs a fresh Maven process 0.3 to 0.6 s on a file.
 */
public final class HistoryStatus {

    /** The columns read, in this order. */
    static final String COLUMNS = "installed_rank, version, description, checksum, installed_on, installed_by,"
            + " execution_time, success, type, script";

    /** The type of the rows apply writes: a migration applied. */
    static final String APPLIED = "SQL";
    /**
     * The type of Flyway's marker of a deleted migration: what repair writes for one the directory no longer
     * lists, and rollback for one it rolled back (then with the down migration as its script).
     */
    static final String DELETED = "DELETE";

    private static final DateTimeFormatter INSTALLED_ON = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSS]");

    /** One history row. */
    public record Row(int rank, String version, String description, Integer checksum, Instant installedOn,
               String installedBy, Integer executionTime, boolean success, String type, String script) {

        public Row(int rank, String version, String description, Integer checksum, Instant installedOn,
                   String installedBy, Integer executionTime, boolean success) {
            this(rank, version, description, checksum, installedOn, installedBy, executionTime, success, APPLIED,
                    null);
        }

        /** A migration that is no longer applied: rolled back, or deleted by repair. */
        public boolean deletion() {
            return DELETED.equals(type);
        }

        /** From a row of {@code SELECT COLUMNS}: integers arrive as Long, text as String. */
        public static Row of(List<Object> values) {
            return new Row(((Number) values.get(0)).intValue(), values.get(1) == null ? null : values.get(1).toString(),
                    String.valueOf(values.get(2)), values.get(3) == null ? null : ((Number) values.get(3)).intValue(),
                    instant(values.get(4)), values.get(5) == null ? null : values.get(5).toString(),
                    values.get(6) == null ? null : ((Number) values.get(6)).intValue(),
                    values.get(7) instanceof Number n ? n.intValue() != 0
                            : Boolean.parseBoolean(String.valueOf(values.get(7))),
                    values.size() > 8 && values.get(8) != null ? values.get(8).toString() : APPLIED,
                    values.size() > 9 && values.get(9) != null ? values.get(9).toString() : null);
        }

        private static Instant instant(Object value) {
            if (value == null) {
                return null;
            }
            try {
                return LocalDateTime.parse(value.toString().strip(), INSTALLED_ON).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                return null;
            }
        }
    }

    private HistoryStatus() {
    }

    /**
     * Each version's state by its last row: an applied row (failed, or successful with its checksum compared), or
     * a marker of a deleted migration: rolled back (pending again, with when and by whom; its script is the down
     * migration), or deleted by repair (no longer in the directory: no state at all).
     */
    public static List<MigrationStatus> of(MigrationDirectory directory, List<Row> history) {
        Map<String, Row> byVersion = new LinkedHashMap<>();
        Map<String, MigrationStatus.Rollback> rolledBack = new LinkedHashMap<>();
        history.stream().filter(r -> r.version() != null).sorted(Comparator.comparingInt(Row::rank)).forEach(r -> {
            if (!r.deletion()) {
                byVersion.put(r.version(), r);
            } else if (r.success()) {
                byVersion.remove(r.version());
                if (r.script() != null && DownFile.isDownPath(r.script())) {
                    rolledBack.put(r.version(), new MigrationStatus.Rollback(r.installedOn(), r.installedBy(),
                            r.executionTime()));
                }
            }
        });
        MigrationVersion highestApplied = byVersion.values().stream().filter(Row::success)
                .map(r -> MigrationVersion.fromVersion(r.version())).max(Comparator.naturalOrder())
                .orElse(MigrationVersion.EMPTY);
        List<MigrationStatus> rows = new ArrayList<>();
        Map<String, Migration> resolved = new LinkedHashMap<>();
        for (Migration m : directory.migrations()) {
            String version = m.version();
            resolved.put(version, m);
            Row row = byVersion.get(version);
            MigrationStatus.Rollback rollback = rolledBack.get(version);
            if (row == null) {
                rows.add(new MigrationStatus(version, m.tag(), m.file(),
                        MigrationVersion.fromVersion(m.version()).compareTo(highestApplied) < 0
                                ? MigrationState.SKIPPED : MigrationState.PENDING,
                        null, null, null, null, rollback));
                continue;
            }
            MigrationState state = !row.success() ? MigrationState.FAILED
                    : Objects.equals(row.checksum(), m.checksum()) ? MigrationState.APPLIED : MigrationState.CHANGED;
            rows.add(new MigrationStatus(version, m.tag(), m.file(), state, row.installedOn(), row.installedBy(),
                    row.executionTime(), row.description(), rollback));
        }
        for (Row row : byVersion.values()) {
            if (!resolved.containsKey(row.version())) {
                rows.add(new MigrationStatus(row.version(), row.description(), null,
                        row.success() ? MigrationState.MISSING : MigrationState.FAILED, row.installedOn(),
                        row.installedBy(), row.executionTime(), row.description(), rolledBack.get(row.version())));
            }
        }
        rows.sort(Comparator.comparing(r -> MigrationVersion.fromVersion(r.version())));
        return rows;
    }
}
