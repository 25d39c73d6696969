package io.writerflow.maven.mojo;

import io.writerflow.maven.WriterflowException;
import io.writerflow.maven.engine.NextSteps;
import io.writerflow.maven.engine.apply.HistoryConflict;
import io.writerflow.maven.engine.backup.BackupFailed;
import io.writerflow.maven.engine.database.DatabaseUnavailable;
import io.writerflow.maven.engine.lock.LockNotTaken;
import io.writerflow.maven.engine.rollback.RollbackRefused;
import io.writerflow.maven.fleet.FleetFailed;

/**
 * The next step for the failures the core types where they arise, in the words of this plugin's goals and
 * parameters (Jib's {@code HelpfulSuggestions} is the model): the core says what happened and what it left the
 * database as; what to do about it depends on how the core is driven, and is said here once. A failure the
 * core does not type (a file to fix, named with its line) carries its own next step.
 */
final class HelpfulSuggestions {

    private HelpfulSuggestions() {
    }

    /** The build's failure message: the problem, then the next step. */
    static String message(WriterflowException e) {
        return WriterflowException.message(e.problem(), nextStep(e));
    }

    /** The failure's own next step, or for a typed one (itself or the failure it wraps) the plugin's. */
    static String nextStep(WriterflowException e) {
        if (e.nextStep() != null) {
            return e.nextStep();
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof FleetFailed fleet) {
                return "See each failed database's first error line above (and in " + fleet.report() + "), fix"
                        + " what it says, then run the same command again: each database's history is the truth, so"
                        + " the run continues where it stopped; -Dwriterflow.onlyFailed=" + fleet.report() + " runs"
                        + " only the databases that failed or did not start.";
            }
            if (cause instanceof DatabaseUnavailable database) {
                return forDatabase(database);
            }
            if (cause instanceof LockNotTaken lock) {
                return "Wait for that apply to finish and run again, or raise writerflow.lockTimeout." + (lock.leased()
                        ? " A crashed apply's lock expires by itself within writerflow.lockLease." : "");
            }
            if (cause instanceof HistoryConflict conflict) {
                return forHistory(conflict);
            }
            if (cause instanceof RollbackRefused refused) {
                return forRollback(refused);
            }
            if (cause instanceof BackupFailed backup) {
                return backup.inMemory() ? "Drop -Dwriterflow.backup=true, or point the URL at a file or a server."
                        : "Check that the backup directory (writerflow.backupDir) is writable and the disk has room,"
                                + " then run apply again.";
            }
            if (cause != e && cause instanceof WriterflowException wrapped && wrapped.nextStep() != null) {
                return wrapped.nextStep();
            }
        }
        return null;
    }

    private static String forDatabase(DatabaseUnavailable e) {
        return switch (e.reason()) {
            case TOKEN_REFUSED -> "Create a new token (turso db tokens create <database>) and put it where the old"
                    + " one was.";
            case TOKEN_MISSING -> "Set TURSO_AUTH_TOKEN in the environment or .env.local, or name a settings.xml"
                    + " <server> with -Dwriterflow.serverId.";
            case NOT_TLS -> "Point " + e.urlSource() + " at the server's plain-HTTP address: http://" + e.hostPort()
                    + " or libsql://" + e.hostPort() + "?tls=0 (if the server should speak TLS, check the port).";
            case OUTCOME_UNKNOWN -> "When the server answers, run writerflow:status to see what the database holds;"
                    + " apply reads the history and applies only what is missing.";
            case NO_ANSWER -> "Run the goal again when the server answers.";
            case UNREACHABLE -> "Check the URL, your network, and that the server is running.";
            case FAILED -> "Run with -X for details.";
        };
    }

    private static String forRollback(RollbackRefused e) {
        return switch (e.reason()) {
            case NO_DOWN -> "Write " + e.file() + " (the SQL that undoes the migration), or let generate write it"
                    + " from the snapshots: mvn writerflow:generate -Dwriterflow.downs=true.";
            case EMPTY_DOWN -> "Write the SQL that undoes the migration into " + e.file() + ", then roll back again.";
            case DATA_LOSS -> "Keep a backup first (a copy of the database, or writerflow:apply's"
                    + " -Dwriterflow.backup=true before the migration), then run again with"
                    + " -Dwriterflow.acceptDataLoss=true; or see what it would do with -Dwriterflow.dryRun=true.";
        };
    }

    private static String forHistory(HistoryConflict e) {
        return switch (e.kind()) {
            case UNRECORDED_TABLES -> "If the database matches migration N, record 0..N as applied without running"
                    + " them: mvn writerflow:baseline -Dwriterflow.baselineAt=N; then apply runs the rest. A"
                    + " development file can instead be deleted and applied again.";
            case CHANGED -> NextSteps.restoreEdited(e.file());
            case RENUMBERED -> "Two branches probably each added a migration: keep the applied one at its version,"
                    + " and regenerate the other on top of it.";
            case FAILED -> "Repair the database by hand (undo what the migration did, or finish it), then run mvn"
                    + " writerflow:repair, which removes the failed row (version " + e.version() + ") from "
                    + e.historyTable() + ", and apply again.";
            case MISSING -> "Check out the branch that contains this migration, or point writerflow.out at the"
                    + " directory this database was migrated from.";
            case SKIPPED -> "If it was merged from a branch after the later one was applied, run it out of order:"
                    + " mvn writerflow:apply -Dwriterflow.outOfOrder=true (checked first against the later migrations"
                    + " on a local replay). Or move the change into a new migration after the last applied one.";
            case OUT_OF_ORDER_CONFLICT -> "Move the change into a new migration after the last applied one: delete"
                    + " it and run writerflow:generate on top of the merged migrations.";
            case CHANGED_UNDERNEATH -> "Run writerflow:status to see the history, then apply again.";
            case LOCK_EXPIRED -> "Run apply again. If migrations take longer than the lease, raise"
                    + " writerflow.lockLease.";
        };
    }
}
