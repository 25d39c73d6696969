package io.writerflow.maven.engine.apply;

import io.writerflow.maven.WriterflowException;

/**
 * The database's migration history and the migrations directory disagree in a way apply will not guess its way
 * past (a migration edited or renumbered after it was applied, one recorded as failed, one missing from the
 * directory, one added before the last applied), or the history changed under a running apply. Nothing was
 * applied; the next step, which names goals and settings, is the edge's to give.
 */
public final class HistoryConflict extends WriterflowException {

    public enum Kind {
        /** Tables but no history: which migrations the database has is unknown. */
        UNRECORDED_TABLES,
        /** An applied migration's file was edited since. */
        CHANGED,
        /** The version of an applied migration now names another migration. */
        RENUMBERED,
        /** The history records a migration as failed. */
        FAILED,
        /** The history has a migration the directory does not list. */
        MISSING,
        /** A pending migration sorts before the last applied one. */
        SKIPPED,
        /** Asked to run out of order, a migration conflicts with a later applied one (see OutOfOrderReplay). */
        OUT_OF_ORDER_CONFLICT,
        /** Another process wrote the history while apply ran. */
        CHANGED_UNDERNEATH,
        /** The lease of the migration lock ran out before the commit. */
        LOCK_EXPIRED
    }

    private final Kind kind;
    private final String file;
    private final String version;
    private final String historyTable;

    /**
     * @param file         the migration's file, for {@link Kind#CHANGED}
     * @param version      the migration's version, for {@link Kind#FAILED}
     * @param historyTable the history table's name
     */
    public HistoryConflict(Kind kind, String problem, String file, String version, String historyTable) {
        super(problem, null);
        this.kind = kind;
        this.file = file;
        this.version = version;
        this.historyTable = historyTable;
    }

    public Kind kind() {
        return kind;
    }

    public String file() {
        return file;
    }

    public String version() {
        return version;
    }

    public String historyTable() {
        return historyTable;
    }
}
