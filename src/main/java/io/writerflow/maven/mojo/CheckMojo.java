package io.writerflow.maven.mojo;

import io.writerflow.maven.check.CheckLog;
import io.writerflow.maven.check.CheckResult;
import io.writerflow.maven.check.CheckSettings;
import io.writerflow.maven.check.ProjectCheck;
import io.writerflow.maven.lint.LintFailOn;
import io.writerflow.maven.lint.LintSettings;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.util.Optional;

/**
 * A CI gate that needs no database: fails the build when schema.js has changes that no migration captures,
 * when the journal (or, in drizzle-kit 1.0's layout, the migration folders), the {@code .sql} files and the
 * snapshots of the drizzle directory disagree, or when two migrations share an index or fork the snapshot chain
 * (two branches that each generated one). It also fails on migrations changed after they were applied to the
 * database apply would use ({@code writerflow.url}, drizzle.config, {@code TURSO_DATABASE_URL}, {@code .env.local},
 * {@code .env}, else {@code file:local.db}), when that database exists and answers. It fails too when the
 * migrations directory setting names a file, or a directory that does not exist (only the default {@code drizzle}
 * may be missing: nothing generated yet), and on a journal of another dialect. Migrations without a down migration
 * (or with an empty one) are a warning, or a failure with {@code requireDown}. It runs writerflow:lint on the
 * migrations under review ({@code base}, else the pending ones, else the latest) and fails on its findings at or
 * above {@code lintFailOn} (checked against the data of the database when it exists; the SARIF file and GitHub
 * annotations as writerflow:lint writes them). Bound to {@code validate} by
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

    /**
     * Fails the check on migrations without a down migration ({@code NNNN_name.down.sql}, {@code <folder>/down.sql};
     * see generate's {@code downs}), or with one that holds only comments (a hand-written migration's template
     * nobody filled in). By default they are a warning.
     */
    @Parameter(property = "writerflow.requireDown", defaultValue = "false")
    boolean requireDown;

    /**
     * For the lint the check runs (see writerflow:lint): a git ref ({@code origin/main}) whose new or changed
     * migrations are reviewed. Default: the migrations pending on the database when it exists and answers, else
     * the latest migration.
     */
    @Parameter(property = "writerflow.base")
    String base;

    /**
     * The least severe lint finding that fails the check: {@code error}, {@code warning}, or {@code none} (the
     * findings are still logged).
     */
    @Parameter(property = "writerflow.lintFailOn", defaultValue = "error")
    String lintFailOn;

    /**
     * For the lint the check runs (see writerflow:lint): checks the findings that depend on the data against the
     * database when it exists, read only; {@code false} keeps them as "will fail if ...".
     */
    @Parameter(property = "writerflow.lintData", defaultValue = "true")
    boolean lintData = true;

    @Override
    boolean usesASchema() {
        return true;
    }

    @Override
    boolean hasSchema() {
        return schemaInput(schema).isPresent();
    }

    @Override
    boolean ignoresFleet() {
        return true; // the database is read only for hints
    }

    @Override
    String goal() {
        return "check";
    }

    @Override
    void run() {
        LintSettings lint = new LintSettings(Optional.ofNullable(base), this::lintTarget, LintFailOn.parse(lintFailOn),
                () -> lintData(lintData), lintOutputs());
        CheckResult result = new ProjectCheck(new CheckSettings(migrationsLocation(), () -> schemaInput(schema),
                missingSchema(schema).shownAs(), schemaLoader(), () -> engine(resolvedSettings()), requireDown,
                Optional.of(lint)),
                new CheckLog(getLog()::info, getLog()::warn, getLog()::error)).run();
        if (!result.passed()) {
            throw result.failure();
        }
        getLog().info(result.summary());
    }
}
