package io.writerflow.maven.backup;

import io.writerflow.maven.WriterflowException;
import io.writerflow.maven.engine.ApplyListener;
import io.writerflow.maven.engine.ApplyOptions;
import io.writerflow.maven.engine.ApplyResult;
import io.writerflow.maven.engine.ApplyResult.AppliedMigration;
import io.writerflow.maven.engine.EngineSettings;
import io.writerflow.maven.engine.MigrationEngine;
import io.writerflow.maven.engine.backup.SqlDump;
import io.writerflow.maven.engine.database.DatabaseConnections;
import io.writerflow.maven.migrations.Migration;
import io.writerflow.maven.migrations.MigrationDirectory;
import io.writerflow.maven.settings.DatabaseUrl;
import io.writerflow.maven.sql.SqlQuoting;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Applies the pending migrations to a throwaway copy of the database and reports what happened there: the
 * same {@link MigrationEngine#apply} as a real apply, pointed at a temporary file. An embedded file is copied
 * with {@code VACUUM INTO} (one consistent snapshot, even while an app writes); a remote database is dumped
 * into an embedded file. All of it runs under the target's migration lock, as apply's work does: an apply that
 * started first has finished before the copy is made, and one that starts meanwhile waits until the result is
 * made, so the result is never about a database an apply is changing. Apart from that lock, the target is only
 * read.
 */
public final class DryRun {

    /**
     * @param applied the migrations that applied cleanly to the copy
     * @param failure why the next one failed, with its file and line, or null when all applied
     * @param dropped the tables those migrations dropped, with the rows that would go
     * @param limits  what this result cannot prove because the copy ran on another engine than the target's,
     *                to be said once; empty when the copy ran on the target's own engine (an embedded file)
     */
    public record Result(List<AppliedMigration> applied, WriterflowException failure, List<DroppedTable> dropped,
                         Optional<String> limits) {

        /** The dry run's failure: how far it got on {@code database}, then the failing migration's own message. */
        public WriterflowException failedOn(String database) {
            return failedOn(database, "would apply");
        }

        /** @param went what the migrations before the failing one would do ({@code would roll back}) */
        public WriterflowException failedOn(String database, String went) {
            int n = applied.size();
            return new WriterflowException("Dry run: " + (n == 0 ? "" : n + " migration" + (n == 1 ? "" : "s")
                    + " " + went + ", then ") + "the next would fail on " + database + "; nothing was changed.\n"
                    + failure.problem(), failure.nextStep(), failure);
        }
    }

    /** A table the migrations would drop, its rows, and the migration that drops it when known. */
    public record DroppedTable(String table, long rows, Optional<String> migration) {
    }

    private final EngineSettings target;
    private final Consumer<String> notices;

    public DryRun(EngineSettings target) {
        this(target, notice -> { });
    }

    /** @param notices told what the user should know meanwhile, such as waiting for the migration lock */
    public DryRun(EngineSettings target, Consumer<String> notices) {
        this.target = target;
        this.notices = notices;
    }

    /**
     * @param listener told of each migration once it has applied to the copy
     * @throws WriterflowException when the lock cannot be taken within lockTimeout, as apply would fail
     */
    public Result run(MigrationDirectory directory, Consumer<AppliedMigration> listener) {
        return run(directory, Optional.<Migration>empty(), listener);
    }

    /** @param last the last migration to apply ({@code writerflow.target}), if not all */
    public Result run(MigrationDirectory directory, Optional<Migration> last, Consumer<AppliedMigration> listener) {
        return run(directory, (engine, listening) -> engine.apply(directory, ApplyOptions.NONE.upTo(last), listening),
                listener);
    }

    /** What a dry run does to the copy: an apply, or a rollback. */
    @FunctionalInterface
    public interface Operation {
        ApplyResult run(MigrationEngine copy, ApplyListener listener);
    }

    /** @param operation what to do to the copy, through an engine on it */
    public Result run(MigrationDirectory directory, Operation operation, Consumer<AppliedMigration> listener) {
        return new MigrationEngine(target, notices).whileLocked(() -> runOnACopy(directory, operation, listener));
    }

    private Result runOnACopy(MigrationDirectory directory, Operation operation,
            Consumer<AppliedMigration> listener) {
        Path temp;
        try {
            temp = Files.createTempDirectory("writerflow-dry-run");
        } catch (IOException e) {
            throw new WriterflowException("Cannot create a temporary directory for the dry run: " + e.getMessage(),
                    "Check java.io.tmpdir (it must be writable and have room for a copy of the database).", e);
        }
        try {
            Path copy = temp.resolve("dry-run.db");
            copy(copy);
            EngineSettings throwaway = target.on(new DatabaseUrl.File(copy, "a copy of " + target.url().display()),
                    "the dry run");
            DroppedTables tables = DroppedTables.before(copy);
            List<AppliedMigration> applied = new ArrayList<>();
            WriterflowException failure = null;
            try {
                operation.run(new MigrationEngine(throwaway), migration -> {
                    applied.add(migration);
                    listener.accept(migration);
                });
            } catch (WriterflowException e) {
                failure = e;
            }
            List<Migration> ran = directory.migrations().stream()
                    .filter(m -> applied.stream().anyMatch(a -> a.tag().equals(m.tag()))).toList();
            return new Result(List.copyOf(applied), failure, tables.after(copy, ran), limits());
        } catch (SQLException e) {
            throw new WriterflowException("Cannot read the dry run's copy of " + target.url().display() + ": "
                    + e.getMessage() + ". Nothing was changed.", "Check java.io.tmpdir (it must be writable).", e);
        } finally {
            deleteRecursively(temp);
        }
    }

    /** A remote database's copy runs on the plugin's SQLite, not on the server's engine (see the README's dry run). */
    private Optional<String> limits() {
        if (!(target.url() instanceof DatabaseUrl.Remote)) {
            return Optional.empty();
        }
        return Optional.of("This dry run ran on a local SQLite copy of the schema and data of "
                + target.url().display() + ", not on the server. It cannot prove what only the server decides:"
                + " statements, functions and types that libSQL or Turso's engine treats differently from SQLite,"
                + " the server's foreign-key enforcement, its limits on request size and duration, or writes by"
                + " others between this dry run and the apply (the migration lock is released when it ends).");
    }

    private void copy(Path copy) {
        if (target.url() instanceof DatabaseUrl.File file && !Files.exists(file.path())) {
            return;    // a database that does not exist yet: the migrations run on a new file, as apply would
        }
        if (target.url() instanceof DatabaseUrl.Memory) {
            return;
        }
        try (Connection source = DatabaseConnections.open(target, true)) {
            if (target.url() instanceof DatabaseUrl.File) {
                try (Statement statement = source.createStatement()) {
                    statement.execute("VACUUM INTO " + SqlQuoting.literal(copy.toAbsolutePath().toString()));
                }
                return;
            }
            Path dump = copy.resolveSibling("dump.sql");
            try (Writer out = Files.newBufferedWriter(dump, StandardCharsets.UTF_8)) {
                new SqlDump(Set.of(target.lockTable()), SqlDump.DEFAULT_PAGE_ROWS).write(source, out);
            }
            new Restore(target.on(new DatabaseUrl.File(copy, "the dry run's copy"), "the dry run")).from(dump, "the dump of " + target.url().display());
        } catch (SQLException | IOException e) {
            throw new WriterflowException("Cannot copy " + target.url().display() + " for the dry run: "
                    + e.getMessage() + ". Nothing was changed.",
                    "Check that the database is readable and java.io.tmpdir has room for a copy.", e);
        }
    }

    private static void deleteRecursively(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException ignored) {
            // a temporary directory; the OS cleans it eventually
        }
    }
}
