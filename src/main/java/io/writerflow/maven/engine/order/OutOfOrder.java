package io.writerflow.maven.engine.order;

import io.writerflow.maven.engine.EngineSettings;
import io.writerflow.maven.engine.MigrationState;
import io.writerflow.maven.engine.MigrationStatus;
import io.writerflow.maven.engine.StatusReport;
import io.writerflow.maven.engine.apply.HistoryConflict;
import io.writerflow.maven.migrations.Migration;
import io.writerflow.maven.migrations.MigrationDirectory;
import org.flywaydb.core.api.MigrationVersion;

import java.sql.SQLException;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Apply's side of {@code writerflow.outOfOrder}: the skipped migrations (not applied, sorting before the latest
 * applied one) become pending, once {@link OutOfOrderReplay} shows that running them now, after the later ones,
 * builds the same schema as running them at their own place. They are then applied like any pending migration,
 * before the newer pending ones, and the history records them with their own version; its order of execution is
 * its {@code installed_rank}.
 */
public final class OutOfOrder {

    private final EngineSettings settings;
    private final MigrationDirectory directory;

    public OutOfOrder(EngineSettings settings, MigrationDirectory directory) {
        this.settings = settings;
        this.directory = directory;
    }

    /**
     * @return {@code before} with its skipped migrations pending
     * @throws HistoryConflict when one of them conflicts with a later applied migration; nothing is applied
     */
    public StatusReport admit(StatusReport before) throws SQLException {
        Map<String, Migration> byVersion = directory.migrations().stream()
                .collect(Collectors.toMap(Migration::version, Function.identity()));
        List<Migration> skipped = before.migrations().stream().filter(m -> m.state() == MigrationState.SKIPPED)
                .map(m -> byVersion.get(m.version())).toList();
        if (skipped.isEmpty()) {
            return before;
        }
        // the history's order of execution: when each ran (a batch shares one time and ran in version order)
        List<Migration> applied = before.migrations().stream()
                .filter(m -> m.state() == MigrationState.APPLIED || m.state() == MigrationState.CHANGED)
                .filter(m -> byVersion.containsKey(m.version()))
                .sorted(Comparator.comparing((MigrationStatus m) -> Optional.ofNullable(m.appliedAt())
                                .orElse(Instant.EPOCH))
                        .thenComparing(m -> MigrationVersion.fromVersion(m.version())))
                .map(m -> byVersion.get(m.version())).toList();
        Optional<OutOfOrderReplay.Conflict> conflict = new OutOfOrderReplay(Set.of(settings.historyTable(),
                settings.lockTable(), settings.drizzleTable())).check(applied, skipped);
        if (conflict.isPresent()) {
            OutOfOrderReplay.Conflict c = conflict.get();
            throw new HistoryConflict(HistoryConflict.Kind.OUT_OF_ORDER_CONFLICT, c.migration().tag()
                    + " sorts before the database's latest applied migration and cannot run out of order"
                    + (c.later() == null ? "" : ": it conflicts with " + c.later().tag() + ", applied after it,")
                    + (c.table() == null ? "" : " on table " + c.table()) + " (" + c.problem() + "; checked on a"
                    + " local replay of the migrations). Nothing was applied.", c.migration().file(),
                    c.migration().version(), settings.historyTable());
        }
        List<MigrationStatus> admitted = before.migrations().stream().map(m -> m.state() != MigrationState.SKIPPED
                ? m : new MigrationStatus(m.version(), m.tag(), m.file(), MigrationState.PENDING, null, null, null,
                null, m.rolledBack())).toList();
        return new StatusReport(before.database(), before.directory(), before.databaseExists(), admitted,
                before.unlisted(), before.drift());
    }
}
