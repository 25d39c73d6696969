package io.writerflow.maven.mojo;

import io.writerflow.maven.WriterflowException;
import io.writerflow.maven.lint.Lint;
import io.writerflow.maven.lint.LintFailOn;
import io.writerflow.maven.lint.LintFailedException;
import io.writerflow.maven.lint.LintResult;
import io.writerflow.maven.lint.LintSettings;
import io.writerflow.maven.lint.report.LintJson;
import io.writerflow.maven.lint.report.LintLog;
import io.writerflow.maven.migrations.MigrationDirectory;
import io.writerflow.maven.report.ReportFormat;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reviews migrations before anyone applies them, hand-written ones included: replays each on an in-memory shadow
 * database built from the previous snapshot and reads what it really changed, then reports, by {@code file:line}
 * and a stable code, what loses data (WF1xx), what breaks the running application during a rolling deploy
 * (WF2xx), what will fail if the table has rows (WF3xx), table rebuilds that lock writes while the whole table is
 * copied (WF4xx), and statements that cannot run in apply's transaction or on the target's engine (WF5xx); WF9xx
 * are statements the shadow refuses and suppressions it cannot honour. Which migrations: with {@code base}, those
 * new or changed since that git ref; else those pending on the database when it exists and answers; else the
 * latest one. A finding is silenced by {@code -- writerflow:lint-ignore <code> <reason>} on the line above its
 * statement (the reason is required). Fails the build on findings at or above {@code lintFailOn}. Also run by
 * writerflow:check. With a database that exists, the findings that depend on the data are checked against it, read
 * only: they then say how many rows fail and which, or are cleared. Writes {@code target/writerflow/lint.sarif} for
 * code-scanning dashboards, prints GitHub Actions annotations when {@code GITHUB_ACTIONS=true}, and with
 * {@code format=json} prints the lint as JSON instead of the log's lines.
 */
@Mojo(name = "lint", threadSafe = true, requiresProject = false)
public class LintMojo extends AbstractDatabaseMojo {

    /**
     * A git ref ({@code origin/main}, a tag, a commit): lint the migrations whose {@code .sql} file is new or
     * changed since it, untracked ones included. Default: the migrations pending on the database when it exists and
     * answers, else the latest migration.
     */
    @Parameter(property = "writerflow.base")
    String base;

    /** The least severe finding that fails the build: {@code error}, {@code warning}, or {@code none} (report only). */
    @Parameter(property = "writerflow.lintFailOn", defaultValue = "error")
    String lintFailOn;

    /**
     * Checks the findings that depend on the data (WF3xx, WF401, WF105) against the configured database when it
     * exists: read only, without the migration lock, all the queries in one request. {@code false} keeps the
     * findings as "will fail if ...".
     */
    @Parameter(property = "writerflow.lintData", defaultValue = "true")
    boolean lintData = true;

    /**
     * {@code text} for people (the build log), {@code json} for machines: the lint as one JSON document on the
     * standard output, or in {@code output}.
     */
    @Parameter(property = "writerflow.format", defaultValue = "text")
    String format;

    /** With {@code format=json}, the file the JSON is written to instead of the standard output. */
    @Parameter(property = "writerflow.output")
    File output;

    @Override
    boolean ignoresFleet() {
        return true; // the database is read only for its pending migrations
    }

    @Override
    String goal() {
        return "lint";
    }

    @Override
    void run() {
        LintFailOn failOn = LintFailOn.parse(lintFailOn);
        ReportFormat chosen = ReportFormat.parse(format);
        // the database is optional here: with a base it is not asked at all, and one out of reach means the latest
        MigrationDirectory directory = MigrationDirectory.load(migrationsDir(), display(migrationsDir()));
        LintResult result = Lint.run(directory, new LintSettings(Optional.ofNullable(base), this::lintTarget, failOn,
                () -> lintData(lintData), lintOutputs()), () -> pendingOnDatabase(directory));
        if (chosen == ReportFormat.JSON) {
            json(LintJson.render(result));
        } else {
            log(getLog(), result);
        }
        if (!result.passed()) {
            throw new LintFailedException(result);
        }
    }

    private void json(String json) {
        if (output == null) {
            lintStdout.print(json);
            lintStdout.flush();
            return;
        }
        try {
            Path file = output.toPath().toAbsolutePath();
            Files.createDirectories(file.getParent());
            Files.writeString(file, json, StandardCharsets.UTF_8);
            getLog().info("Lint written to " + output);
        } catch (IOException e) {
            throw new WriterflowException("Cannot write the lint to " + output + ": " + e.getMessage(),
                    "Check writerflow.output.", e);
        }
    }

    /** The lint's lines at their levels: failing findings as errors, others as warnings, the rest as information. */
    static void log(Log log, LintResult result) {
        for (LintLog.Line line : LintLog.lines(result)) {
            switch (line.level()) {
                case ERROR -> log.error(line.text());
                case WARN -> log.warn(line.text());
                default -> log.info(line.text());
            }
        }
    }
}
