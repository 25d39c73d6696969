package io.writerflow.maven.engine.drift;

import io.writerflow.maven.WriterflowException;
import io.writerflow.maven.engine.MigrationState;
import io.writerflow.maven.engine.MigrationStatus;
import io.writerflow.maven.engine.StatusReport;
import io.writerflow.maven.migrations.MigrationDirectory;

import java.util.Optional;

/**
 * When out-of-band changes can be adopted as a migration: only on a database that has every migration of the
 * directory applied as it is. The migration goes after the latest one and its "before" is the latest snapshot,
 * so on a database that is behind it would record changes the pending migrations make as made out of band (and
 * leave those migrations skipped behind it), and on a database with a history apply refuses, it would build on a
 * past nobody knows.
 */
public final class DriftAdoption {

    private DriftAdoption() {
    }

    /** @throws WriterflowException naming the first migration that is not applied as it is; nothing is written */
    public static void refuseUnlessUpToDate(StatusReport report, MigrationDirectory directory, String database) {
        if (report.migrations().stream().noneMatch(m -> m.state() == MigrationState.APPLIED)) {
            throw new WriterflowException("Database " + database + " has no migration applied, so there is no"
                    + " expected schema to call its changes drift. Nothing was written.", "Record the migrations it"
                    + " already matches with writerflow:baseline -Dwriterflow.baselineAt=N, then adopt the rest.");
        }
        Optional<MigrationStatus> behind = report.migrations().stream()
                .filter(m -> m.state() != MigrationState.APPLIED).findFirst();
        if (behind.isPresent()) {
            MigrationStatus m = behind.get();
            throw new WriterflowException("Database " + database + " is not at the latest migration of "
                    + directory.listing() + ": " + m.tag() + " is " + m.state().label() + ". Drift is adopted on top"
                    + " of the latest migration only. Nothing was written.", "Run writerflow:apply (or"
                    + " writerflow:repair, as writerflow:status says), then adopt the drift.");
        }
    }
}
