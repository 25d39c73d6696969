package io.writerflow.maven.check;

import io.writerflow.maven.WriterflowException;
import io.writerflow.maven.migrations.DirectoryCheck.Problem;
import io.writerflow.maven.migrations.DownFile;
import io.writerflow.maven.migrations.DownMigration;
import io.writerflow.maven.migrations.MigrationEntry;
import io.writerflow.maven.migrations.MigrationLayout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

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

    /**
     * @return at most three: down migrations of no migration, the migrations without a down migration, and those
     *         whose down migration is empty
     */
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
        List<String> strays = strays(root, display, entries);
        if (!strays.isEmpty()) {
            problems.add(new Problem(names(strays) + (strays.size() == 1 ? " is the down migration" : " are down"
                    + " migrations") + " of no migration in " + display + ".",
                    "Delete " + (strays.size() == 1 ? "it" : "them") + " if the migration was removed, or rename "
                            + (strays.size() == 1 ? "it" : "each") + " after its migration (NNNN_tag.down.sql)."));
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

    /**
     * {@code NNNN_tag.down.sql} files beside no {@code NNNN_tag.sql} the journal lists; in the folder layout every
     * such file is a stray, which the directory's own check reports.
     */
    private static List<String> strays(Path root, String display, List<MigrationEntry> entries) {
        if (MigrationLayout.detect(root, display).filter(l -> l == MigrationLayout.JOURNAL).isEmpty()) {
            return List.of();
        }
        Set<String> downs = new HashSet<>();
        entries.forEach(e -> downs.add(e.down()));
        try (Stream<Path> files = Files.list(root)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(name -> DownFile.isDown(name) && !downs.contains(name))
                    .sorted().map(name -> display + "/" + name).toList();
        } catch (IOException e) {
            return List.of(); // the directory was just listed; a failure now is the listing's to report
        }
    }

    private static String names(List<String> names) {
        return names.size() <= NAMED ? String.join(", ", names)
                : String.join(", ", names.subList(0, NAMED)) + " and " + (names.size() - NAMED) + " more";
    }
}
