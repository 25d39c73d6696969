package io.writerflow.maven.lint.report;

import io.writerflow.maven.lint.Finding;
import io.writerflow.maven.lint.LintResult;
import io.writerflow.maven.lint.Severity;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The lint's findings as GitHub Actions workflow commands, {@code ::error file=drizzle/0003_users.sql,line=4,
 * title=WF102::drops column ...}, which GitHub shows on the pull request's diff. Suppressed findings are left out:
 * they were reviewed. GitHub reads a command only at the start of a line, so the caller prints these to the
 * standard output directly, not through Maven's log, which prefixes {@code [ERROR] }.
 */
public final class GithubAnnotations {

    private GithubAnnotations() {
    }

    /** Whether the build runs in GitHub Actions ({@code GITHUB_ACTIONS=true}). */
    public static boolean active(Map<String, String> environment) {
        return "true".equals(environment.get("GITHUB_ACTIONS"));
    }

    /**
     * @param project   the project's directory, which the findings' files are relative to
     * @param workspace {@code GITHUB_WORKSPACE}, the repository's root, which GitHub's paths are relative to
     */
    public static List<String> lines(LintResult result, Path project, Optional<Path> workspace) {
        return result.findings().stream().filter(f -> !f.isSuppressed())
                .map(f -> line(f, path(f.file(), project, workspace))).toList();
    }

    static String line(Finding finding, String file) {
        return "::" + (finding.severity() == Severity.ERROR ? "error" : "warning") + " file=" + property(file)
                + ",line=" + Math.max(1, finding.line()) + ",title=" + property(finding.code().code() + " "
                + finding.code().slug()) + "::" + data(finding.message());
    }

    /** The file relative to the repository's root when the project lies inside it, else as the lint names it. */
    static String path(String file, Path project, Optional<Path> workspace) {
        Path absolute = project.resolve(file).toAbsolutePath().normalize();
        return workspace.map(w -> w.toAbsolutePath().normalize()).filter(absolute::startsWith)
                .map(w -> w.relativize(absolute).toString()).orElse(file).replace('\\', '/');
    }

    /** A command's message: GitHub's escaping of {@code %}, carriage returns and line feeds. */
    static String data(String text) {
        return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** A property's value: also {@code :} and {@code ,}, which end it. */
    static String property(String text) {
        return data(text).replace(":", "%3A").replace(",", "%2C");
    }
}
