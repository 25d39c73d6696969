package io.writerflow.maven.check;

import io.writerflow.maven.WriterflowException;
import io.writerflow.maven.migrations.DirectoryCheck.Problem;
import io.writerflow.maven.migrations.DownMigration;
import io.writerflow.maven.migrations.MigrationEntry;
import io.writerflow.maven.migrations.MigrationLayout;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The migrations that rollback could not undo: without a down migration, or with one that holds nothing but
 * comments (the template of a hand-written migration nobody filled in). Warnings by default (a directory drizzle-kit
 * generated has no down migrations), problems with {@code writerflow.requireDown=true}.
 */
final class DownCheck {

    /** Shown per migration up to this many; past it, a count. */
    private static final int NAMED = 10;

    private DownCheck() {
    }

    /** @return at most two: the migrations without a down migration, and those whose down migration is empty */
    static List<Problem> check(Path root, String display) {
        List<String> missing = new ArrayList<>();
        List<String> empty = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        List<MigrationEntry> entries = MigrationLayout.entries(root, display);
        for (MigrationEntry entry : entries) {
            try {
                Optional<DownMigration> down = DownMigration.read(root, display, entry);
                if (down.isEmpty()) {
                    missing.add(entry.tag());
                } else if (down.get().empty()) {
                    empty.add(display + "/" + entry.down());
                }
            } catch (WriterflowException e) {
                problems.add(Problem.of(e)); // a broken loss line: rollback could not read the file either
            }
        }
        if (!missing.isEmpty()) {
            problems.add(new Problem(missing.size() + " of " + entries.size() + " migrations in " + display
                    + " have no down migration, so rollback cannot undo them: " + names(missing) + ".",
                    "Run mvn writerflow:generate -Dwriterflow.downs=true to write them from the snapshots, then"
                            + " review and commit them."));
        }
        if (!empty.isEmpty()) {
            problems.add(new Problem(names(empty) + (empty.size() == 1 ? " holds" : " hold")
                    + " only comments: the down migration of a hand-written migration is still to be written.",
                    "Write the SQL that undoes the migration into " + (empty.size() == 1 ? "it" : "each") + "."));
        }
        return problems;
    }

    private static String names(List<String> names) {
        return names.size() <= NAMED ? String.join(", ", names)
                : String.join(", ", names.subList(0, NAMED)) + " and " + (names.size() - NAMED) + " more";
    }
}
