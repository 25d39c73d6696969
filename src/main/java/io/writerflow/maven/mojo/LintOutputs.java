package io.writerflow.maven.mojo;

import io.writerflow.maven.WriterflowException;
import io.writerflow.maven.lint.LintResult;
import io.writerflow.maven.lint.report.GithubAnnotations;
import io.writerflow.maven.lint.report.LintSarif;
import org.apache.maven.plugin.logging.Log;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Where a lint's result goes besides the build log, for writerflow:lint and writerflow:check: the SARIF file in the
 * build directory, always (a code-scanning upload reads it), and GitHub Actions annotations when the build runs
 * there. The annotations go to the standard output itself: GitHub reads a workflow command only at the start of a
 * line, and Maven's log would put {@code [ERROR] } before it.
 *
 * @param project     the project's directory, which the findings' files are relative to
 * @param sarif       {@code target/writerflow/lint.sarif}; empty without a build directory (no pom.xml)
 * @param environment where {@code GITHUB_ACTIONS} and {@code GITHUB_WORKSPACE} are read
 * @param stdout      the standard output, which tests replace
 */
record LintOutputs(Path project, Optional<Path> sarif, String version, Map<String, String> environment,
                   PrintStream stdout, Log log) implements Consumer<LintResult> {

    @Override
    public void accept(LintResult result) {
        sarif.ifPresent(file -> write(file, LintSarif.render(result, version)));
        if (GithubAnnotations.active(environment)) {
            GithubAnnotations.lines(result, project, Optional.ofNullable(environment.get("GITHUB_WORKSPACE"))
                    .filter(w -> !w.isBlank()).map(Path::of)).forEach(stdout::println);
            stdout.flush();
        }
    }

    private void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
            log.debug("Lint SARIF written to " + file);
        } catch (IOException e) {
            throw new WriterflowException("Cannot write the lint's SARIF file " + file + ": " + e.getMessage(),
                    "Check that the build directory is writable.", e);
        }
    }
}
