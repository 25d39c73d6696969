package io.writerflow.maven.rebase;

import java.util.List;

/**
 * What a rebase did.
 *
 * @param onto     the commit the branch's migrations now follow, and how it was named
 * @param moved    the branch's migrations, renumbered after main's; empty when there was nothing to do
 * @param nothing  why nothing was written, when nothing was
 */
public record RebaseResult(String onto, List<Moved> moved, String nothing) {

    public RebaseResult {
        moved = List.copyOf(moved);
    }

    /**
     * One migration of the branch.
     *
     * @param regenerated whether its SQL was planned again (a generated migration) or kept (a hand-written one,
     *                    checked on a shadow database)
     */
    public record Moved(String from, String to, boolean regenerated) {
    }

    public boolean changed() {
        return !moved.isEmpty();
    }
}
