package io.writerflow.maven.lint.select;

import io.writerflow.maven.migrations.Migration;
import io.writerflow.maven.migrations.MigrationDirectory;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Which migrations a lint looks at: with a base ref, those whose {@code .sql} file is new or changed since it (a
 * pull request's migrations); without one, those pending on the database when it exists and answers (what the
 * next apply would run), else the latest one.
 *
 * @param migrations the chosen migrations, in directory order
 * @param scope      why these, for the summary: {@code new or changed since origin/main}
 */
public record MigrationSelection(List<Migration> migrations, String scope) {

    public static final String BASE_PROPERTY = "writerflow.base";

    public MigrationSelection {
        migrations = List.copyOf(migrations);
    }

    /**
     * @param base    {@code writerflow.base}, if set
     * @param pending the tags of the migrations pending on the database, read only without a base; empty when there
     *                is no database to ask (not created yet, out of reach)
     */
    public static MigrationSelection of(MigrationDirectory directory, Optional<String> base,
            Supplier<Optional<Set<String>>> pending) {
        List<Migration> all = directory.migrations();
        if (base.isPresent() && !base.get().isBlank()) {
            Set<String> changed = GitChanges.since(directory.root(), base.get(), BASE_PROPERTY);
            return new MigrationSelection(all.stream().filter(m -> changed.contains(m.entry().sql())).toList(),
                    "new or changed since " + base.get().strip());
        }
        Optional<Set<String>> onDatabase = pending.get();
        if (onDatabase.isPresent()) {
            return new MigrationSelection(all.stream().filter(m -> onDatabase.get().contains(m.tag())).toList(),
                    "pending on the database");
        }
        return new MigrationSelection(all.isEmpty() ? List.of() : List.of(all.get(all.size() - 1)),
                "the latest; no database to read the pending ones from, and no " + BASE_PROPERTY + " set");
    }
}
