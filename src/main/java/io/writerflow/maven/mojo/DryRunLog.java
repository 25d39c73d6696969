package io.writerflow.maven.mojo;

import io.writerflow.maven.backup.DryRun;
import io.writerflow.maven.engine.ApplyResult.AppliedMigration;
import org.apache.maven.plugin.logging.Log;

/** What a dry run says, the same for apply and rollback: each migration, the copy's limits and losses, the outcome. */
final class DryRunLog {

    private final Log log;
    private final String verb;
    private final String preposition;

    /**
     * @param verb        what the migrations would do: {@code apply}, {@code roll back}
     * @param preposition before the database in the last line: {@code to}, {@code on}
     */
    DryRunLog(Log log, String verb, String preposition) {
        this.log = log;
        this.verb = verb;
        this.preposition = preposition;
    }

    void migration(AppliedMigration migration) {
        log.info(String.format("Would %s %s: %d statement%s, %s in %d ms", verb, migration.tag(),
                migration.statements(), migration.statements() == 1 ? "" : "s",
                migration.rowsChanged() < 0 ? "rows changed unknown" : migration.rowsChanged() + " row"
                        + (migration.rowsChanged() == 1 ? "" : "s") + " changed", migration.duration().toMillis()));
    }

    /** The dry run's end: what it cannot prove, the tables that would go, then its outcome (a failure is thrown). */
    void result(DryRun.Result result, String database) {
        result.limits().ifPresent(log::warn);
        result.dropped().forEach(d -> log.warn("Would drop table " + d.table() + " with its " + d.rows() + " row"
                + (d.rows() == 1 ? "" : "s") + d.migration().map(m -> " (" + m + ")").orElse("")));
        if (result.failure() != null) {
            throw result.failedOn(database, "would " + verb);
        }
        int n = result.applied().size();
        log.info("Dry run: " + n + " migration" + (n == 1 ? "" : "s") + " would " + verb + " cleanly " + preposition
                + " " + database + "; nothing was changed");
    }
}
