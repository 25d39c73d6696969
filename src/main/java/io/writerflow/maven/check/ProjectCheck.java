package io.writerflow.maven.check;

import io.writerflow.maven.WriterflowException;
import io.writerflow.maven.diff.ChangeNames;
import io.writerflow.maven.diff.SchemaChange;
import io.writerflow.maven.engine.MigrationEngine;
import io.writerflow.maven.engine.MigrationState;
import io.writerflow.maven.engine.MigrationStatus;
import io.writerflow.maven.engine.NextSteps;
import io.writerflow.maven.engine.StatusReport;
import io.writerflow.maven.generate.GenerateRequest;
import io.writerflow.maven.generate.MigrationGenerator;
import io.writerflow.maven.lint.Lint;
import io.writerflow.maven.lint.LintFailedException;
import io.writerflow.maven.lint.LintResult;
import io.writerflow.maven.lint.LintSettings;
import io.writerflow.maven.lint.report.LintLog;
import io.writerflow.maven.migrations.DirectoryCheck;
import io.writerflow.maven.migrations.DirectoryCheck.Problem;
import io.writerflow.maven.migrations.MigrationDirectory;
import io.writerflow.maven.migrations.MigrationsLocation;
import io.writerflow.maven.migrations.TransactionControl;
import io.writerflow.maven.schema.drizzle.SchemaInput;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * writerflow:check, without Maven: a CI gate that needs no database. In order: the directory's setting names a
 * directory; the journal (or the migration folders), the {@code .sql} files and the snapshots agree; and, once
 * they do, the schema has no change that no migration captures, no migration ends or nests its transaction, every
 * migration has a down migration to roll it back with (a warning unless {@code writerflow.requireDown}), and
 * no migration was changed after it was applied to the database apply would use (when it exists and answers), and
 * the migrations under review pass writerflow:lint at its threshold (when the settings ask for the lint).
 * Every problem is collected, so that one run names them all.
 */
public final class ProjectCheck {

    private final CheckSettings settings;
    private final CheckLog log;

    public ProjectCheck(CheckSettings settings, CheckLog log) {
        this.settings = settings;
        this.log = log;
    }

    /** @throws WriterflowException when the directory's setting names a file, or a directory that is not there */
    public CheckResult run() {
        MigrationsLocation location = settings.migrations();
        // a gate must not pass on a directory that is not there because its setting has a typo
        location.requireExistingUnlessDefault();
        String dir = location.display();
        List<Problem> problems = new ArrayList<>(DirectoryCheck.check(location.path(), dir));
        boolean consistent = problems.isEmpty();
        boolean exists = Files.isDirectory(location.path());
        if (!exists) {
            log.info().accept("No migrations directory " + dir + " yet.");
        }
        if (!consistent) {
            log.info().accept("schema.js is compared with the latest snapshot once " + dir + " is consistent.");
            return new CheckResult(dir, problems, Optional.empty(), List.of());
        }
        Optional<String> compared = Optional.empty();
        try {
            Optional<SchemaInput> schema = settings.schema().get();
            compared = schema.map(SchemaInput::shownAs);
            problems.addAll(uncapturedChanges(schema));
        } catch (WriterflowException e) {
            problems.add(Problem.of(e)); // a schema setting that matches nothing
        }
        List<Problem> warnings = new ArrayList<>();
        if (exists) {
            problems.addAll(transactionControl());
            (settings.requireDown() ? problems : warnings).addAll(DownCheck.check(location.path(), dir));
            problems.addAll(changedSinceApplied());
            settings.lint().ifPresent(lint -> problems.addAll(lint(lint)));
        }
        warnings.forEach(w -> log.warn().accept(WriterflowException.message(w.problem()
                + " (an error with -Dwriterflow.requireDown=true)", w.nextStep())));
        return new CheckResult(dir, problems, compared, warnings);
    }

    /** What generate would write now: the schema against the latest snapshot, nothing written. */
    private List<Problem> uncapturedChanges(Optional<SchemaInput> schema) {
        if (schema.isEmpty()) {
            log.info().accept("No schema " + settings.missingSchema() + "; skipping the comparison with the latest"
                    + " snapshot (set writerflow.schema, or schema in drizzle.config, if it lives elsewhere).");
            return List.of();
        }
        MigrationsLocation location = settings.migrations();
        List<SchemaChange> changes;
        try {
            // drops and creates instead of the rename questions: check only asks whether anything changed
            changes = new MigrationGenerator(settings.schemaLoader()).pendingChanges(new GenerateRequest(
                    schema.get(), location.path(), location.display(), Optional.empty(), false, "", true, 0L,
                    Optional.empty()));
        } catch (WriterflowException e) {
            return List.of(Problem.of(e));
        }
        if (changes.isEmpty()) {
            return List.of();
        }
        return List.of(new Problem(schema.get().shownAs() + " has " + changes.size() + " change"
                + (changes.size() == 1 ? "" : "s") + " that no migration in " + location.display() + " captures: "
                + changes.stream().map(ChangeNames::describe).collect(Collectors.joining(", ")) + ".",
                "Run mvn writerflow:generate and commit the new migration with the schema change."));
    }

    /** Migrations apply would refuse for a statement that ends or nests its transaction. */
    private List<Problem> transactionControl() {
        MigrationDirectory directory;
        try {
            directory = MigrationDirectory.load(settings.migrations().path(), settings.migrations().display());
        } catch (WriterflowException e) {
            return List.of(Problem.of(e));
        }
        return directory.migrations().stream().flatMap(migration -> TransactionControl.find(migration)
                .map(statement -> Problem.of(TransactionControl.problem(migration, statement))).stream()).toList();
    }

    /**
     * Against the database apply would use in this build, when it exists and answers: check must pass on a
     * laptop offline, where a remote database is out of reach.
     */
    private List<Problem> changedSinceApplied() {
        Optional<StatusReport> status = status();
        if (status.isEmpty()) {
            return List.of();
        }
        StatusReport report = status.get();
        if (!report.databaseExists()) {
            log.info().accept("Database " + report.database() + " does not exist yet; nothing applied to compare.");
            return List.of();
        }
        List<Problem> problems = report.migrations().stream().filter(m -> m.state() == MigrationState.CHANGED)
                .map(m -> changed(m, report.database())).toList();
        log.info().accept("Compared " + report.migrations().size() + " migrations with database "
                + report.database() + ".");
        return problems;
    }

    private Optional<StatusReport> status;

    /** The database's status, read once for both its uses; empty when the database cannot be read. */
    private Optional<StatusReport> status() {
        if (status == null) {
            try {
                MigrationEngine engine = settings.database().get();
                status = Optional.of(engine.status(engine.loadDirectory()));
            } catch (WriterflowException e) {
                log.warn().accept("Skipping the check for migrations changed after they were applied: " + e.problem());
                status = Optional.empty();
            }
        }
        return status;
    }

    /**
     * writerflow:lint as part of the gate, at the same threshold: its lines in the log, and one problem naming the
     * findings that fail it.
     */
    private List<Problem> lint(LintSettings lint) {
        LintResult result;
        try {
            MigrationDirectory directory = MigrationDirectory.load(settings.migrations().path(),
                    settings.migrations().display());
            result = Lint.run(directory, lint, () -> status().filter(StatusReport::databaseExists)
                    .map(r -> r.migrations().stream().filter(m -> m.state() == MigrationState.PENDING)
                            .map(MigrationStatus::tag).collect(Collectors.toSet())));
        } catch (WriterflowException e) {
            return List.of(Problem.of(e)); // an unknown base ref, git missing
        }
        LintLog.lines(result).forEach(line -> (switch (line.level()) {
            case ERROR -> log.error();
            case WARN -> log.warn();
            case INFO -> log.info();
        }).accept(line.text()));
        return result.passed() ? List.of()
                : List.of(new Problem(LintFailedException.problem(result), LintFailedException.nextStep(result)));
    }

    private static Problem changed(MigrationStatus migration, String database) {
        return new Problem(migration.file() + " was changed after it was applied to " + database + "; the database"
                + " keeps the text it ran, and apply refuses to run.", NextSteps.restoreEdited(migration.file()));
    }
}
