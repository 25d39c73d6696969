package io.writerflow.maven.mojo;

import io.writerflow.maven.WriterflowException;
import io.writerflow.maven.migrations.MigrationDirectory;
import io.writerflow.maven.migrations.MigrationsLocation;
import io.writerflow.maven.rebase.DatabaseHistory;
import io.writerflow.maven.rebase.MigrationRebase;
import io.writerflow.maven.rebase.RebaseRequest;
import io.writerflow.maven.rebase.RebaseResult;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.util.Optional;
import java.util.Set;

/**
 * Moves the branch's migrations after main's, for when two branches each generated a migration with the same
 * number (or both ended the snapshot chain of drizzle-kit 1.0's folders). Run it right after merging main into
 * the branch (with the journal's conflict settled by taking main's side of the migrations directory), or before
 * merging with {@code -Dwriterflow.onto=main}. Main's migrations stay byte for byte; each of the branch's gets the
 * next number, a snapshot chained to main's latest, and its SQL planned again when generate wrote it (a
 * hand-written migration keeps its SQL, which must run on main's schema). Refuses, writing nothing: uncommitted
 * changes in the migrations directory, a ref that does not exist, a table or column both sides changed
 * differently, and a branch migration the database (as apply would use it, when it exists and answers) already
 * applied.
 * Commit the result; writerflow:check passes on it and drizzle-kit sees no changes.
 */
@Mojo(name = "rebase", threadSafe = true, requiresProject = false)
public class RebaseMojo extends AbstractDatabaseMojo {

    /**
     * The git ref (branch, tag or commit, e.g. {@code main} or {@code origin/main}) whose migrations the branch's
     * go after. Default: the branch merged by the merge commit at HEAD (its second parent).
     */
    @Parameter(property = "writerflow.onto")
    String onto;

    @Override
    String goal() {
        return "rebase";
    }

    @Override
    boolean ignoresFleet() {
        return true; // the database is read only to protect what it applied
    }

    /**
     * The database's history, as a guard only: a database that does not answer (a remote one offline) leaves the
     * guard out with a warning, as check does, rather than blocking a change to files.
     */
    private Optional<Set<String>> applied(MigrationDirectory branch) {
        try {
            return new DatabaseHistory(engine(resolvedSettings())).tags(branch);
        } catch (WriterflowException e) {
            getLog().warn("Cannot read the database's history to check that no branch migration was applied: "
                    + e.problem());
            return Optional.empty();
        }
    }

    @Override
    void run() {
        MigrationsLocation location = migrationsLocation();
        RebaseResult result = MigrationRebase.rebase(new RebaseRequest(location.path(), location.display(),
                Optional.ofNullable(onto).filter(o -> !o.isBlank()),
                this::applied, getLog()::info));
        if (!result.changed()) {
            getLog().info("Nothing to rebase: " + result.nothing() + ".");
            return;
        }
        long kept = result.moved().stream().filter(m -> !m.regenerated()).count();
        getLog().info("Rebased " + result.moved().size() + " migration" + (result.moved().size() == 1 ? "" : "s")
                + " onto " + result.onto() + (kept > 0 ? " (" + kept + " hand-written, kept as they were)" : "")
                + ". Review and commit " + location.display() + "; writerflow:check and drizzle-kit see it whole.");
    }
}
