package io.writerflow.maven.engine.drift;

import io.writerflow.maven.WriterflowException;
import io.writerflow.maven.engine.EngineSettings;
import io.writerflow.maven.engine.MigrationState;
import io.writerflow.maven.engine.MigrationStatus;
import io.writerflow.maven.engine.StatusReport;
import io.writerflow.maven.migrations.Migration;
import io.writerflow.maven.migrations.MigrationDirectory;
import io.writerflow.maven.schema.Schema;
import io.writerflow.maven.schema.SnapshotFormat;
import io.writerflow.maven.settings.DatabaseUrl;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Compares the live database with the snapshot of the last migration it applied, for the status goal.
 * Drift is a report, not a failure of the goal: a missing or unreadable snapshot is said and skipped.
 */
public final class DriftCheck {

    public static final DriftReport NOTHING_APPLIED = DriftReport.notCompared("no migration applied, nothing to compare");

    private final EngineSettings settings;
    private final MigrationDirectory directory;
    private final Optional<DriftCache> cache;

    /** @param cache where the results for an embedded database are kept, if anywhere */
    public DriftCheck(EngineSettings settings, MigrationDirectory directory, Optional<DriftCache> cache) {
        this.settings = settings;
        this.directory = directory;
        this.cache = cache;
    }

    /** @param connection the status goal's open connection, read only through SELECTs */
    public DriftReport check(StatusReport report, Connection connection) throws SQLException {
        Optional<MigrationStatus> last = report.migrations().stream()
                .filter(m -> m.state() == MigrationState.APPLIED || m.state() == MigrationState.CHANGED)
                .reduce((first, second) -> second);
        if (last.isEmpty()) {
            return NOTHING_APPLIED;
        }
        Optional<Migration> migration = directory.migrations().stream()
                .filter(m -> m.version().equals(last.get().version())).findFirst();
        if (migration.isEmpty()) {
            return DriftReport.notCompared("the last applied migration " + last.get().tag() + " is not in "
                    + directory.listing() + ", drift not checked");
        }
        String name = migration.get().entry().snapshot();
        Path file = directory.root().resolve(name);
        String display = directory.display(name);
        if (!Files.isRegularFile(file)) {
            return DriftReport.notCompared("snapshot " + display + " of " + last.get().tag()
                    + " is missing, drift not checked");
        }
        byte[] snapshot;
        Schema migrations;
        try {
            snapshot = Files.readAllBytes(file);
        } catch (IOException e) {
            return cannotRead(display, e);
        }
        List<String> ignored = LiveSchema.ignored(settings);
        Optional<DriftCache> kept = settings.url() instanceof DatabaseUrl.File ? cache : Optional.empty();
        String key = null;
        if (kept.isPresent()) {
            key = kept.get().key(connection, snapshot, display, ignored, settings.tablesFilter());
            Optional<DriftReport> known = kept.get().lookup(database(), key);
            if (known.isPresent()) {
                return known.get();
            }
        }
        try {
            migrations = SnapshotFormat.read(StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(snapshot))
                    .toString(), display).schema();
        } catch (IOException | WriterflowException e) {
            return cannotRead(display, e);
        }
        Schema database = LiveSchema.read(settings, connection);
        DriftReport drift = DriftReport.compare(LiveSchema.owned(migrations, settings.tablesFilter()), database,
                display);
        if (key != null) {
            kept.get().store(database(), key, drift);
        }
        return drift;
    }

    private Path database() {
        return ((DatabaseUrl.File) settings.url()).path();
    }

    private static DriftReport cannotRead(String display, Exception e) {
        return DriftReport.notCompared("snapshot " + display + " cannot be read (" + e.getMessage()
                + "), drift not checked");
    }
}
