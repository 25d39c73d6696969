package io.writerflow.maven.engine;

import java.util.Locale;

/** Where one migration stands between the directory and the database's history. */
public enum MigrationState {
    /** Applied, and the file still has the text that was applied. */
    APPLIED,
    /** In the directory, not yet applied. */
    PENDING,
    /** Recorded as failed in the history (only engines without transactional DDL leave these). */
    FAILED,
    /** Applied, but the file was edited afterwards. */
    CHANGED,
    /** Applied, but no longer in the directory. */
    MISSING,
    /**
     * Not applied although a later migration is: the directory gained a migration in the middle (a branch merged
     * after the other branch's migration was applied). Out of order: apply runs it only with
     * {@code writerflow.outOfOrder}, after checking that it does not conflict with the later ones.
     */
    SKIPPED,
    /** Not applied, and after the target this run goes up to ({@code writerflow.target}): left for a later run. */
    BEYOND_TARGET;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
