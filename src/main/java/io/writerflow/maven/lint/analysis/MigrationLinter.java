package io.writerflow.maven.lint.analysis;

import io.writerflow.maven.WriterflowException;
import io.writerflow.maven.lint.Finding;
import io.writerflow.maven.lint.LintTarget;
import io.writerflow.maven.lint.LintedMigration;
import io.writerflow.maven.migrations.Migration;
import io.writerflow.maven.migrations.MigrationDirectory;
import io.writerflow.maven.schema.Schema;
import io.writerflow.maven.schema.SnapshotFormat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Lints the chosen migrations of a directory on one shadow database.
 *
 * <p>The shadow starts from the snapshot of the migration before the first one linted, created with the
 * statements generate would write for it, rather than from a replay of every earlier migration: it is fast
 * whatever the history's length, and earlier migrations' data statements and extensions never stand in the way.
 * Migrations without a snapshot (hand-written directories), or with one that does not read, are replayed instead,
 * from the last snapshot before them. From there the migrations run in order on the same shadow, so a linted
 * migration sees what the earlier ones did, also a custom migration whose snapshot is a copy of its
 * predecessor's. After a migration the shadow refused part of, the shadow starts again from that migration's
 * snapshot, when it has one.
 */
public final class MigrationLinter {

    private final MigrationDirectory directory;
    private final LintTarget target;
    private final Optional<Start> start;

    /** A schema the first linted migration starts from instead of the snapshot before it, and how to name it. */
    public record Start(Schema schema, String shownAs) {
    }

    public MigrationLinter(MigrationDirectory directory, LintTarget target) {
        this(directory, target, Optional.empty());
    }

    /** @param start what the first linted migration starts from, when not the previous snapshot */
    public MigrationLinter(MigrationDirectory directory, LintTarget target, Optional<Start> start) {
        this.directory = directory;
        this.target = target;
        this.start = start;
    }

    /** @param selected migrations of the directory, in any order; linted in the directory's */
    public List<LintedMigration> lint(List<Migration> selected) {
        List<Migration> all = directory.migrations();
        Set<String> wanted = new HashSet<>();
        selected.forEach(m -> wanted.add(m.tag()));
        int first = -1;
        for (int i = 0; i < all.size() && first < 0; i++) {
            if (wanted.contains(all.get(i).tag())) {
                first = i;
            }
        }
        if (first < 0) {
            return List.of();
        }
        List<LintedMigration> linted = new ArrayList<>();
        ShadowDatabase shadow = start(first);
        try {
            int last = all.size() - 1;
            while (last > first && !wanted.contains(all.get(last).tag())) {
                last--;
            }
            for (int i = first; i <= last; i++) {
                Migration migration = all.get(i);
                if (!wanted.contains(migration.tag())) {
                    replaySilently(shadow, migration);
                    continue;
                }
                MigrationReplay.Replayed replayed = MigrationReplay.replay(shadow, migration, target);
                linted.add(findings(migration, replayed));
                if (!replayed.complete()) {
                    Optional<Schema> after = snapshot(migration);
                    if (after.isPresent()) {
                        shadow.close();
                        shadow = ShadowDatabase.open();
                        shadow.create(after.get(), directory.display(migration.entry().snapshot()));
                    }
                }
            }
        } finally {
            shadow.close();
        }
        return linted;
    }

    private LintedMigration findings(Migration migration, MigrationReplay.Replayed replayed) {
        List<Finding> findings = new ArrayList<>(replayed.findings());
        findings.addAll(ChangeAnalysis.findings(migration.tag(), migration.file(), replayed));
        Set<Integer> lines = new HashSet<>();
        migration.statements().forEach(s -> lines.add(s.line()));
        Path file = directory.root().resolve(migration.entry().sql());
        List<Finding> all = new ArrayList<>(Suppressions.read(file, migration.file(), lines)
                .apply(findings, migration.tag(), migration.file()));
        all.sort(Comparator.comparingInt(Finding::line)); // stable: a statement's findings keep their order
        return new LintedMigration(migration.tag(), migration.file(), migration.entry().sql(), all);
    }

    /** A shadow where the migration at {@code index} would start: the latest snapshot before it, then replays. */
    private ShadowDatabase start(int index) {
        List<Migration> all = directory.migrations();
        ShadowDatabase shadow = ShadowDatabase.open();
        if (start.isPresent()) {
            shadow.create(start.get().schema(), start.get().shownAs());
            return shadow;
        }
        try {
            int from = index - 1;
            Optional<Schema> base = Optional.empty();
            while (from >= 0 && (base = snapshot(all.get(from))).isEmpty()) {
                from--;
            }
            if (base.isPresent()) {
                shadow.create(base.get(), directory.display(all.get(from).entry().snapshot()));
            }
            for (int i = from + 1; i < index; i++) {
                replaySilently(shadow, all.get(i));
            }
            return shadow;
        } catch (RuntimeException e) {
            shadow.close();
            throw e;
        }
    }

    /**
     * An earlier migration, run only to bring the shadow up to date: what it does was reviewed when it was new, and
     * a statement the shadow refuses there shows up as the linted migration's own problem if it matters.
     */
    private static void replaySilently(ShadowDatabase shadow, Migration migration) {
        migration.statements().forEach(statement -> shadow.execute(statement.sql()));
    }

    private Optional<Schema> snapshot(Migration migration) {
        Path file = directory.root().resolve(migration.entry().snapshot());
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        String name = directory.display(migration.entry().snapshot());
        try {
            return Optional.of(SnapshotFormat.read(Files.readString(file, StandardCharsets.UTF_8), name).schema());
        } catch (IOException | WriterflowException e) {
            // a snapshot that does not read is check's and generate's to report; the lint replays the SQL instead
            return Optional.empty();
        }
    }
}
