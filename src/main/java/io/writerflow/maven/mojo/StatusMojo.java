package io.writerflow.maven.mojo;

import io.writerflow.maven.WriterflowException;
import io.writerflow.maven.engine.Drift;
import io.writerflow.maven.engine.MigrationEngine;
import io.writerflow.maven.engine.MigrationState;
import io.writerflow.maven.engine.NextSteps;
import io.writerflow.maven.engine.MigrationStatus;
import io.writerflow.maven.engine.StatusReport;
import io.writerflow.maven.report.StatusJson;
import io.writerflow.maven.report.StatusText;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reports which migrations are applied, pending, failed, changed since applied or missing, and how the
 * database's schema has drifted from the snapshot of its last applied migration.
 */
@Mojo(name = "status", threadSafe = true, requiresProject = false)
public class StatusMojo extends AbstractDatabaseMojo {

    /** How many differences a drift failure names; the report lists them all. */
    private static final int FIRST_DIFFERENCES = 5;

    /** {@code text} for people (the build log), {@code json} for machines (stdout, or {@code output}). */
    @Parameter(property = "writerflow.format", defaultValue = "text")
    String format;

    /** Writes the report to this file instead of the log or stdout. */
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

    private boolean ciMode() {
        if (ci != null) {
            return ci;
        }
        String value = environment.get("CI");
        return value != null && !value.isBlank() && !value.strip().equalsIgnoreCase("false")
                && !value.strip().equals("0");
    }

    @Override
    void run() throws MojoFailureException {
        String chosen = format == null ? "text" : format.strip().toLowerCase(Locale.ROOT);
        if (!chosen.equals("text") && !chosen.equals("json")) {
            throw new WriterflowException("Unknown writerflow.format '" + format + "'.",
                    "Use -Dwriterflow.format=text or -Dwriterflow.format=json.");
        }
        MigrationEngine engine = engine();
        StatusReport report = engine.status(directory(engine));

        if (chosen.equals("json")) {
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

        for (MigrationStatus m : report.migrations()) {
            if (m.state() == MigrationState.CHANGED || m.state() == MigrationState.FAILED
                    || m.state() == MigrationState.MISSING || m.state() == MigrationState.SKIPPED) {
                getLog().warn(m.tag() + " is " + m.state().label() + "; apply will refuse to run until it is resolved.");
            }
        }
        List<MigrationStatus> changed = report.migrations().stream()
                .filter(m -> m.state() == MigrationState.CHANGED).toList();
        if (!changed.isEmpty() && (failOnChanged != null ? failOnChanged : ciMode())) {
            throw new MojoFailureException(changed.size() + " applied migration" + (changed.size() == 1 ? " was" : "s were")
                    + " edited since " + report.database() + " applied " + (changed.size() == 1 ? "it" : "them") + " ("
                    + changed.stream().map(MigrationStatus::file).collect(Collectors.joining(", ")) + ")"
                    + (failOnChanged == null ? " (failOnChanged is on in CI mode)" : "") + ".\n  Next step: "
                    + NextSteps.restoreEdited(changed.get(0).file()));
        }
        long pending = report.count(MigrationState.PENDING);
        if (failOnPending && pending > 0) {
            throw new MojoFailureException(pending + " migration" + (pending == 1 ? " is" : "s are") + " pending ("
                    + report.migrations().stream().filter(m -> m.state() == MigrationState.PENDING)
                    .map(MigrationStatus::tag).collect(Collectors.joining(", "))
                    + ") on " + report.database() + ".\n  Next step: run mvn writerflow:apply, or drop"
                    + " -Dwriterflow.failOnPending to only report them.");
        }
        List<Drift> drift = report.drift().differences();
        if (failOnDrift && !drift.isEmpty()) {
            throw new MojoFailureException(report.database() + " has drifted from its migrations: " + drift.size()
                    + " difference" + (drift.size() == 1 ? "" : "s") + " (" + report.drift().note() + "):\n    "
                    + drift.stream().limit(FIRST_DIFFERENCES).map(Drift::message).collect(Collectors.joining("\n    "))
                    + (drift.size() > FIRST_DIFFERENCES ? "\n    ... and " + (drift.size() - FIRST_DIFFERENCES)
                    + " more (see the report above)" : "")
                    + "\n  Next step: revert the out-of-band change; or, to keep it, put it into the schema and run"
                    + " mvn writerflow:generate (which compares the schema with the latest snapshot), then apply the"
                    + " migration to the other databases; drop -Dwriterflow.failOnDrift to only report it.");
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
