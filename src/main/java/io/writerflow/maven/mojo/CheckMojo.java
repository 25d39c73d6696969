package io.writerflow.maven.mojo;

import io.writerflow.maven.WriterflowException;
import io.writerflow.maven.diff.ChangeNames;
import io.writerflow.maven.diff.SchemaChange;
import io.writerflow.maven.engine.MigrationEngine;
import io.writerflow.maven.engine.MigrationState;
import io.writerflow.maven.engine.NextSteps;
import io.writerflow.maven.engine.MigrationStatus;
import io.writerflow.maven.engine.StatusReport;
import io.writerflow.maven.generate.GenerateRequest;
import io.writerflow.maven.generate.MigrationGenerator;
import io.writerflow.maven.schema.drizzle.SchemaInput;
import io.writerflow.maven.migrations.DirectoryCheck;
import io.writerflow.maven.migrations.DirectoryCheck.Problem;
import io.writerflow.maven.migrations.MigrationDirectory;
import io.writerflow.maven.migrations.TransactionControl;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A CI gate that needs no database: fails the build when schema.js has changes that no migration captures,
 * when the journal (or, in drizzle-kit 1.0's layout, the migration folders), the {@code .sql} files and the
 * snapshots of the drizzle directory disagree, or when two migrations share an index or fork the snapshot chain
 * (two branches that each generated one). It also fails on migrations changed after they were applied to the
 * database apply would use ({@code writerflow.url}, drizzle.config, {@code TURSO_DATABASE_URL}, {@code .env.local},
 * {@code .env}, else {@code file:local.db}), when that database exists and answers. It fails too when the
 * migrations directory setting names a file, or a directory that does not exist (only the default {@code drizzle}
 * may be missing: nothing generated yet), and on a journal of another dialect. Bound to {@code validate} by
 * default, so the gate runs before any phase apply may be bound to.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VALIDATE, threadSafe = true, requiresProject = false)
public class CheckMojo extends AbstractDatabaseMojo {

    /**
     * The drizzle schema compared with the latest snapshot: a file, a directory, a glob, or a comma-separated
     * list of them; default: drizzle.config's {@code schema}, else {@code src/lib/db/schema.js}. When it names
     * no file (a project that keeps only migrations) that comparison is skipped.
     */
    @Parameter(property = "writerflow.schema")
    String schema;

    @Override
    boolean usesASchema() {
        return true;
    }

    @Override
    boolean hasSchema() {
        return schemaInput(schema).isPresent();
    }

    @Override
    String goal() {
        return "check";
    }

    @Override
    void run() throws MojoFailureException {
        // a gate must not pass on a directory that is not there because its setting has a typo
        migrationsLocation().requireExistingUnlessDefault();
        String dir = display(migrationsDir());
        List<Problem> problems = new ArrayList<>(DirectoryCheck.check(migrationsDir(), dir));
        boolean consistent = problems.isEmpty();
        if (!Files.isDirectory(migrationsDir())) {
            getLog().info("No migrations directory " + dir + " yet.");
        }
        if (consistent) {
            problems.addAll(uncapturedChanges());
        } else {
            getLog().info("schema.js is compared with the latest snapshot once " + dir + " is consistent.");
        }
        if (consistent && Files.isDirectory(migrationsDir())) {
            problems.addAll(transactionControl());
            problems.addAll(changedSinceApplied());
        }
        if (!problems.isEmpty()) {
            StringBuilder message = new StringBuilder("writerflow:check found " + problems.size() + " problem"
                    + (problems.size() == 1 ? "" : "s") + " in " + dir + ":");
            for (int i = 0; i < problems.size(); i++) {
                message.append("\n").append(i + 1).append(". ").append(problems.get(i).toString()
                        .replace("\n", "\n   "));
            }
            throw new MojoFailureException(message.toString());
        }
        getLog().info("Migrations in " + dir + " are consistent" + (schemaInput(schema).map(s -> " and capture "
                + s.shownAs()).orElse("")) + ".");
    }

    /** What generate would write now: schema.js against the latest snapshot, nothing written. */
    private List<Problem> uncapturedChanges() {
        Optional<SchemaInput> input;
        try {
            input = schemaInput(schema);
        } catch (WriterflowException e) {
            return List.of(new Problem(e.problem(), e.nextStep()));
        }
        if (input.isEmpty()) {
            getLog().info("No schema " + missingSchema(schema).shownAs() + "; skipping the comparison with the latest"
                    + " snapshot (set writerflow.schema, or schema in drizzle.config, if it lives elsewhere).");
            return List.of();
        }
        String schemaName = input.get().shownAs();
        List<SchemaChange> changes;
        try {
            // drops and creates instead of the rename questions: check only asks whether anything changed
            changes = new MigrationGenerator(schemaLoader()).pendingChanges(new GenerateRequest(
                    input.get(), migrationsDir(), display(migrationsDir()), Optional.empty(), false, "",
                    true, 0L, Optional.empty()));
        } catch (WriterflowException e) {
            return List.of(Problem.of(e));
        }
        if (changes.isEmpty()) {
            return List.of();
        }
        return List.of(new Problem(schemaName + " has " + changes.size() + " change" + (changes.size() == 1 ? "" : "s")
                + " that no migration in " + display(migrationsDir()) + " captures: "
                + changes.stream().map(ChangeNames::describe).collect(Collectors.joining(", ")) + ".",
                "Run mvn writerflow:generate and commit the new migration with the schema change."));
    }

    /** Migrations apply would refuse for a statement that ends or nests its transaction. */
    private List<Problem> transactionControl() {
        MigrationDirectory directory;
        try {
            directory = MigrationDirectory.load(migrationsDir(), display(migrationsDir()));
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
        StatusReport report;
        try {
            MigrationEngine engine = engine();
            report = engine.status(engine.loadDirectory());
        } catch (WriterflowException e) {
            getLog().warn("Skipping the check for migrations changed after they were applied: " + e.problem());
            return List.of();
        }
        if (!report.databaseExists()) {
            getLog().info("Database " + report.database() + " does not exist yet; nothing applied to compare.");
            return List.of();
        }
        List<Problem> problems = new ArrayList<>();
        for (MigrationStatus m : report.migrations()) {
            if (m.state() == MigrationState.CHANGED) {
                problems.add(new Problem(m.file() + " was changed after it was applied to " + report.database()
                        + "; the database keeps the text it ran, and apply refuses to run.",
                        NextSteps.restoreEdited(m.file())));
            }
        }
        getLog().info("Compared " + report.migrations().size() + " migrations with database " + report.database()
                + ".");
        return problems;
    }
}
