package io.writerflow.maven.mojo;

import io.writerflow.maven.WriterflowException;
import io.writerflow.maven.engine.MigrationEngine;
import io.writerflow.maven.engine.StatusReport;
import io.writerflow.maven.migrations.MigrationDirectory;
import io.writerflow.maven.report.ReportFormat;
import io.writerflow.maven.report.StatusJson;
import io.writerflow.maven.report.StatusText;
import io.writerflow.maven.status.CiMode;
import io.writerflow.maven.status.GateResult;
import io.writerflow.maven.status.StatusGates;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Reports which migrations are applied, pending, failed, changed since applied or missing, and how the
 * database's schema has drifted from the snapshot of its last applied migration.
 */
@Mojo(name = "status", threadSafe = true, requiresProject = false)
public class StatusMojo extends AbstractDatabaseMojo {

    /** {@code text} for people (the build log), {@code json} for machines (stdout, or {@code output}). */
    @Parameter(property = "writerflow.format", defaultValue = "text")
    String format;

    /**
     * Reports for a run that goes only up to this migration (as {@code apply}'s {@code target}): the pending
     * migrations after it are shown as {@code beyond_target}, and {@code failOnPending} does not count them.
     */
    @Parameter(property = "writerflow.target")
    String target;

    /**
     * Writes the report to this file instead of the log or stdout. With {@code targets} (a fleet): the fleet's
     * JSON report, by default {@code target/writerflow/fleet-<UTC time>.json}.
     */
    @Parameter(property = "writerflow.output")
    File output;

    /** Fails the build while any migration is pending: a CI gate before deploying code that needs them. */
    @Parameter(property = "writerflow.failOnPending", defaultValue = "false")
    boolean failOnPending;

    /**
     * Fails the build when the database's schema differs from the snapshot of its last applied migration
     * (a table, column, index, foreign key or check changed outside the migrations). Drift is always
     * reported; this makes it a CI gate.
     */
    @Parameter(property = "writerflow.failOnDrift", defaultValue = "false")
    boolean failOnDrift;

    /**
     * Fails the build when an applied migration's file was edited since it was applied: the database keeps the
     * text it ran and apply refuses to run. Default: {@code true} in CI mode ({@code writerflow.ci}), else
     * {@code false} (reported with a warning).
     */
    @Parameter(property = "writerflow.failOnChanged")
    Boolean failOnChanged;

    /**
     * CI mode: turns the gates a pipeline wants on by default ({@code failOnChanged}). Default: on when the
     * {@code CI} environment variable is set (GitHub Actions, GitLab CI, CircleCI, Travis and others set it), other
     * than {@code false} or {@code 0}.
     */
    @Parameter(property = "writerflow.ci")
    Boolean ci;

    /** The environment CI mode is read from; tests replace it. */
    Map<String, String> environment = System.getenv();

    @Override
    String goal() {
        return "status";
    }

    @Override
    Optional<File> fleetOutput() {
        return Optional.ofNullable(output);
    }

    @Override
    void run() {
        ReportFormat chosen = ReportFormat.parse(format);
        StatusGates gates = StatusGates.of(failOnPending, failOnDrift, failOnChanged, CiMode.detect(ci, environment));
        if (fleet()) {
            // each database is judged by the same gates; the fleet's gate fails after the report, naming them
            runFleet("status", operations -> operations.status(report -> target == null || target.isBlank() ? report
                    : report.upTo(operations.directory().find("writerflow.target", target)), gates));
            return;
        }
        MigrationEngine engine = engine();
        MigrationDirectory directory = directory(engine);
        StatusReport status = engine.status(directory);
        StatusReport report = target == null || target.isBlank() ? status
                : status.upTo(directory.find("writerflow.target", target));
        render(report, chosen);

        GateResult gated = gates.evaluate(report);
        gated.warnings().forEach(getLog()::warn);
        failOn(gated.failures());
    }

    private void render(StatusReport report, ReportFormat chosen) {
        if (chosen == ReportFormat.JSON) {
            String json = StatusJson.render(report);
            if (output != null) {
                write(output.toPath(), json);
                getLog().info("Status written to " + output);
            } else {
                System.out.print(json);
                System.out.flush();
            }
        } else if (output != null) {
            write(output.toPath(), String.join("\n", StatusText.lines(report)) + "\n");
            getLog().info("Status written to " + output);
        } else {
            StatusText.lines(report).forEach(getLog()::info);
        }
    }

    private static void write(Path file, String content) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new WriterflowException("Cannot write the status report to " + file + ": " + e.getMessage(),
                    "Check writerflow.output.", e);
        }
    }
}
