package io.writerflow.maven.mojo;

import io.writerflow.maven.WriterflowException;
import io.writerflow.maven.schema.drizzle.DrizzleSchemaLoader;
import io.writerflow.maven.schema.drizzle.JsRuntime;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What every goal shares: the project, the migrations directory, skipping, and the mapping of core failures
 * to Maven's. Subclasses turn their parameters into calls on the core and its results into log lines.
 */
abstract class AbstractWriterflowMojo extends AbstractMojo {

    /** The drizzle migrations directory (drizzle-kit's {@code out}). */
    @Parameter(property = "writerflow.out", defaultValue = "${project.basedir}/drizzle")
    File out;

    /** Skips the goal. */
    @Parameter(property = "writerflow.skip", defaultValue = "false")
    boolean skip;

    @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
    File baseDir;

    /** Where generate and check keep what schema.js evaluated to, to skip evaluating an unchanged schema. */
    @Parameter(defaultValue = "${project.build.directory}", readonly = true)
    File buildDirectory;

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

    Path base() {
        return baseDir.toPath().toAbsolutePath().normalize();
    }

    Path migrationsDir() {
        return out.toPath().toAbsolutePath().normalize();
    }

    /** A path as users see it: relative to the project when inside it. */
    String display(Path path) {
        Path base = base();
        Path absolute = path.toAbsolutePath().normalize();
        return absolute.startsWith(base) && !absolute.equals(base)
                ? base.relativize(absolute).toString().replace('\\', '/') : absolute.toString();
    }

    /**
     * The schema.js loader for the {@code jsRuntime} and {@code node} settings, with its cache in the build
     * directory when there is one.
     */
    DrizzleSchemaLoader schemaLoader(String jsRuntime, String node) {
        return new DrizzleSchemaLoader(JsRuntime.parse(jsRuntime), node, Optional.ofNullable(buildDirectory)
                .map(directory -> directory.toPath().resolve("writerflow").resolve("schema-cache")));
    }
}
