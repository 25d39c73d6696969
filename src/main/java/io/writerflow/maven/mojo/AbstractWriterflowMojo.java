package io.writerflow.maven.mojo;

import io.writerflow.maven.WriterflowException;
import io.writerflow.maven.engine.EngineSettings;
import io.writerflow.maven.engine.MigrationEngine;
import io.writerflow.maven.migrations.MigrationDirectory;
import io.writerflow.maven.settings.ConnectionSettings;
import io.writerflow.maven.settings.ConnectionSettingsResolver;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.PluginParameterExpressionEvaluator;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.codehaus.plexus.component.configurator.expression.ExpressionEvaluationException;
import org.codehaus.plexus.configuration.PlexusConfiguration;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The parameters every goal shares, and the mapping of core failures to Maven's. Subclasses turn their own
 * parameters into calls on the core and its results into log lines; nothing else happens here.
 */
abstract class AbstractWriterflowMojo extends AbstractMojo {

    /**
     * Database URL: {@code file:local.db}, {@code file:/abs/path.db} or {@code :memory:}. Falls back to
     * {@code TURSO_DATABASE_URL} from the environment, {@code .env.local}, {@code .env}, then
     * {@code file:local.db}.
     */
    @Parameter(property = "writerflow.url")
    String url;

    /**
     * Auth token for remote databases. Falls back to {@code TURSO_AUTH_TOKEN} from the environment,
     * {@code .env.local} and {@code .env}. Never logged, not even by {@code mvn -X}.
     */
    // Maven's -X prints every mojo parameter's value, and the value a setter receives. Taken as the raw
    // configuration, the parameter is printed as its unevaluated expression (${writerflow.authToken});
    // the mojo evaluates it itself.
    @Parameter(property = "writerflow.authToken")
    PlexusConfiguration authToken;

    @Parameter(defaultValue = "${session}", readonly = true)
    MavenSession session;

    @Parameter(defaultValue = "${mojoExecution}", readonly = true)
    MojoExecution mojoExecution;

    /** The drizzle migrations directory (drizzle-kit's {@code out}). */
    @Parameter(property = "writerflow.out", defaultValue = "${project.basedir}/drizzle")
    File out;

    /** The table that records applied migrations. */
    @Parameter(property = "writerflow.historyTable", defaultValue = "__writerflow_history")
    String historyTable;

    /** Seconds to wait for another process's lock on the database before failing. */
    @Parameter(property = "writerflow.lockTimeout", defaultValue = "60")
    int lockTimeout;

    /** Skips the goal. */
    @Parameter(property = "writerflow.skip", defaultValue = "false")
    boolean skip;

    @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
    File baseDir;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping (writerflow.skip=true).");
            return;
        }
        try {
            run();
        } catch (WriterflowException e) {
            throw new MojoFailureException(e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new MojoExecutionException("Unexpected failure in writerflow:" + goal() + ": " + e
                    + ". Run with -e for the stack trace and report it.", e);
        }
    }

    abstract String goal();

    abstract void run() throws MojoFailureException;

    /** Resolves the connection and builds the engine, logging any problems in the dotenv files. */
    MigrationEngine engine() {
        Path base = baseDir.toPath().toAbsolutePath();
        ConnectionSettings connection = new ConnectionSettingsResolver(base, System.getenv()).resolve(url, authToken());
        connection.warnings().forEach(getLog()::warn);
        getLog().debug("Database " + connection.url().display() + " from " + connection.urlSource()
                + "; auth token from " + connection.authTokenSource());
        Path dir = out.toPath().toAbsolutePath().normalize();
        String display = dir.startsWith(base) && !dir.equals(base) ? base.relativize(dir).toString().replace('\\', '/')
                : dir.toString();
        return new MigrationEngine(new EngineSettings(dir, display, connection.url(), connection.urlSource(),
                historyTable, System.getProperty("user.name", "unknown"), Duration.ofSeconds(Math.max(0, lockTimeout))));
    }

    /** The configured token with its expression evaluated, or null when none is configured. */
    private String authToken() {
        String raw = authToken == null ? null : authToken.getValue();
        if (raw == null || raw.isBlank()) {
            return null;
        }
        if (!raw.contains("${")) {
            getLog().warn("<authToken> is set in the POM (as text or through a POM property), where Maven's -X"
                    + " output prints it; prefer TURSO_AUTH_TOKEN in the environment or .env.local.");
            return raw;
        }
        try {
            Object value = new PluginParameterExpressionEvaluator(session, mojoExecution).evaluate(raw);
            String token = value == null ? null : value.toString();
            return token == null || token.contains("${") ? null : token;
        } catch (ExpressionEvaluationException e) {
            throw new WriterflowException("Cannot evaluate <authToken>: " + e.getMessage(),
                    "Fix the expression in the plugin configuration.");
        }
    }

    /** Loads the directory, warning about files that the journal does not list. */
    MigrationDirectory directory(MigrationEngine engine) {
        MigrationDirectory directory = engine.loadDirectory();
        for (String file : directory.unlisted()) {
            getLog().warn(file + " is not listed in " + directory.displayRoot() + "/meta/_journal.json and will not"
                    + " be applied; add it to the journal or delete it.");
        }
        return directory;
    }
}
