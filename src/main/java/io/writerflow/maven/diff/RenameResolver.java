package io.writerflow.maven.diff;

/**
 * Settles the possible renames nobody declared, before the diff: by asking the user ({@link RenameInterview},
 * when generate runs in a terminal) or by refusing ({@link #REFUSE}, in batch mode, in CI, in check).
 */
@FunctionalInterface
public interface RenameResolver {

    /** Fails with every candidate and the properties that declare them: renames are never guessed. */
    RenameResolver REFUSE = undeclared -> {
        throw undeclared.failure();
    };

    /**
     * @param undeclared possible renames, at least one
     * @return the renames to diff with: the declared ones and those settled here, and whether the rest drops
     */
    RenameDecision resolve(UndeclaredRenames undeclared);
}
