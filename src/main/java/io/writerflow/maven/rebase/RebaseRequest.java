package io.writerflow.maven.rebase;

import io.writerflow.maven.migrations.MigrationDirectory;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What {@code writerflow:rebase} was asked to do.
 *
 * @param migrationsDir     the drizzle directory, inside a git working tree
 * @param migrationsDisplay how messages name it
 * @param onto              {@code writerflow.onto}: the ref whose migrations the branch's go after; empty: the
 *                          main branch merged last, read from the merge commit at HEAD
 * @param applied           the tags a configured database applied, read for the branch's own directory; empty
 *                          when there is no database to ask (then that check is skipped, which is logged)
 * @param log               progress lines for the build log
 */
public record RebaseRequest(Path migrationsDir, String migrationsDisplay, Optional<String> onto,
                            AppliedMigrations applied, Consumer<String> log) {

    /** The migrations a database already applied: none of them may be renamed or rewritten. */
    @FunctionalInterface
    public interface AppliedMigrations {

        /** No database configured: nothing to check against. */
        AppliedMigrations NONE = directory -> Optional.empty();

        /**
         * @param branch the branch's directory as it was before the merge, for the engine to match the history with
         * @return the tags the database's history records, or empty when there is no database to ask
         */
        Optional<Set<String>> tags(MigrationDirectory branch);
    }
}
