package io.writerflow.maven.mojo;

import io.writerflow.maven.engine.MigrationEngine;
import org.apache.maven.plugins.annotations.Mojo;
import io.writerflow.maven.engine.history.HistoryRepair;

/**
 * Repairs the history as Flyway's repair would, in one transaction: removes entries of failed migrations (after
 * the database has been fixed by hand), marks entries the journal no longer lists as deleted, and realigns
 * recorded checksums and descriptions with the files (accepting edits to applied migrations, which the next apply
 * would otherwise refuse). Each change is logged.
 */
@Mojo(name = "repair", threadSafe = true, requiresProject = false)
public class RepairMojo extends AbstractDatabaseMojo {

    @Override
    String goal() {
        return "repair";
    }

    @Override
    void run() {
        MigrationEngine engine = engine();
        HistoryRepair.Result result = engine.repair(directory(engine));
        result.removed().forEach(m -> getLog().info("Removed the failed entry of " + m.description()
                + " (version " + m.version() + ") from the history"));
        result.aligned().forEach(m -> getLog().warn("Realigned " + m.description() + " (version " + m.version()
                + ") with its file: the history now accepts the file as it is, edits included"));
        result.deleted().forEach(m -> getLog().info("Marked " + m.description() + " (version " + m.version()
                + ") as deleted: the journal no longer lists it"));
        int changes = result.changes();
        getLog().info(changes == 0 ? "Nothing to repair in " + engine.database() + "."
                : "Repaired " + engine.database() + ": " + changes + " history entr" + (changes == 1 ? "y" : "ies")
                + " changed.");
    }
}
