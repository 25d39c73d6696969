package io.writerflow.maven.mojo;

import io.writerflow.maven.WriterflowException;
import io.writerflow.maven.migrations.MigrationsLocation;
import io.writerflow.maven.schema.drizzle.DrizzleSchemaLoader;
import io.writerflow.maven.schema.drizzle.SchemaFiles;
import io.writerflow.maven.schema.drizzle.SchemaInput;
import io.writerflow.maven.schema.drizzle.ScriptEnvironment;
import io.writerflow.maven.settings.DrizzleConfig;
import io.writerflow.maven.settings.DrizzleConfigReader;
import io.writerflow.maven.schema.drizzle.JsRuntime;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.lifecycle.MojoExecutionConfigurator;
import org.apache.maven.plugin.BuildPluginManager;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.eclipse.aether.RepositorySystem;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What every goal shares: the project, the migrations directory, skipping, and the mapping of core failures
 * to Maven's. Subclasses turn their parameters into calls on the core and its results into log lines.
 */
abstract class AbstractWriterflowMojo extends AbstractMojo {

    /**
     * The drizzle migrations directory (drizzle-kit's {@code out}). Default: {@code out} of the project's
     * drizzle.config, else {@code drizzle} in the project's directory. Every goal fails when it names a file;
     * check fails when it names a directory that does not exist, unless that is the default {@code drizzle}.
     */
    @Parameter(property = "writerflow.out")
    File out;

    /**
     * The project's drizzle-kit config, read as drizzle-kit reads it for {@code schema}, {@code out},
     * {@code dialect}, {@code dbCredentials}, {@code migrations}, {@code breakpoints}, {@code casing} and
     * {@code tablesFilter} (the plugin's own settings win). Default: the first of drizzle.config.ts, .mts, .js,
     * .mjs, .cjs and .json in the project's directory; none is fine.
     */
    @Parameter(property = "writerflow.drizzleConfig")
    String drizzleConfig;

    /**
     * The JavaScript runtime that evaluates the schema and drizzle.config: {@code auto} (Node.js 20.6+ when
     * {@code node} finds one, as drizzle projects have, else GraalJS inside the JVM), {@code node} (fail without
     * it) or {@code graaljs} (no Node.js needed; slower: about 4 s for 300 tables against 0.3 s).
     */
    @Parameter(property = "writerflow.jsRuntime", defaultValue = "auto")
    String jsRuntime;

    /** The Node.js executable for {@code jsRuntime} auto or node: a path, or a command looked up on the PATH. */
    @Parameter(property = "writerflow.node", defaultValue = "node")
    String node;

    /** Skips the goal. */
    @Parameter(property = "writerflow.skip", defaultValue = "false")
    boolean skip;

    /** The project's directory; without a pom.xml (a plain drizzle project) Maven has none, see {@link #base}. */
    @Parameter(defaultValue = "${project.basedir}", readonly = true)
    File baseDir;

    /** Where Maven was started: the project's directory when a goal runs without a pom.xml. */
    @Parameter(defaultValue = "${session.executionRootDirectory}", readonly = true)
    File executionRoot;

    /** The build: its settings, and whether Maven may ask the user anything (not in batch mode). */
    @Parameter(defaultValue = "${session}", readonly = true)
    MavenSession session;

    @Parameter(defaultValue = "${mojoExecution}", readonly = true)
    MojoExecution mojoExecution;

    /** Runs a goal typed at a multi-module build's root in each module (see {@link ModuleRuns}). */
    @Component
    BuildPluginManager pluginManager;

    @Component
    MojoExecutionConfigurator executionConfigurator;

    /** Resolves GraalJS and TypeScript's compiler when a goal first needs them ({@link PluginRealmDependencies}). */
    @Component
    RepositorySystem repositorySystem;

    /** Where generate and check keep what schema.js evaluated to, to skip evaluating an unchanged schema. */
    @Parameter(defaultValue = "${project.build.directory}", readonly = true)
    File buildDirectory;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping (writerflow.skip=true).");
            return;
        }
        if (ModuleRuns.atTheRootOfModules(session, mojoExecution)) {
            ModuleRuns.runInEachModule(session, mojoExecution, pluginManager, executionConfigurator);
            return;
        }
        starting();
        try {
            migrationsLocation().requireNoFile();
            if (otherModuleOfAReactor()) {
                getLog().info("Skipping module " + session.getCurrentProject().getArtifactId() + ": it has no "
                        + display(migrationsDir()) + " directory" + (usesASchema() ? ", drizzle.config or schema" : "")
                        + " (the goal runs in the modules that do).");
                return;
            }
            if (ModuleRuns.inModule()) {
                getLog().info("Module " + session.getCurrentProject().getArtifactId() + ":");
            }
            run();
        } catch (WriterflowException e) {
            // the problem as the core says it, the next step as this plugin says it
            throw new MojoFailureException(HelpfulSuggestions.message(e), e);
        } catch (RuntimeException e) {
            throw new MojoExecutionException("Unexpected failure in writerflow:" + goal() + ": " + e
                    + ". Run with -e for the stack trace and report it.", e);
        }
    }

    abstract String goal();

    /** Before the goal reads its configuration: work to start early, alongside that reading. */
    void starting() {
    }

    /**
     * In a multi-module build ({@code mvn writerflow:apply} at the reactor's root), whether this module is not
     * the database module: it has neither a migrations directory nor a drizzle.config (nor, for the goals that
     * read one, a schema). A single project keeps the goal's own message for what is missing.
     */
    private boolean otherModuleOfAReactor() {
        if (session == null || session.getProjects() == null || session.getProjects().size() < 2) {
            return false;
        }
        return !java.nio.file.Files.isDirectory(migrationsDir())
                && DrizzleConfigReader.find(base(), drizzleConfig).isEmpty()
                && !(usesASchema() && hasSchema());
    }

    /** Whether the goal reads the schema (generate, check), so that a schema alone makes a module its own. */
    boolean usesASchema() {
        return false;
    }

    /** For the goals that read the schema: whether the module has the one they would read. */
    boolean hasSchema() {
        return false;
    }

    /**
     * The goal: its parameters turned into the core's settings, one core operation, its result logged. A failure
     * the user can act on is thrown as the core's {@link WriterflowException}, never as Maven's, so that
     * {@link #execute} turns it into the build's failure in one place.
     */
    abstract void run();

    Path base() {
        File directory = baseDir != null ? baseDir : executionRoot != null ? executionRoot
                : new File(System.getProperty("user.dir"));
        return directory.toPath().toAbsolutePath().normalize();
    }

    Path migrationsDir() {
        return migrationsLocation().path();
    }

    /** The migrations directory with the setting it came from: {@code writerflow.out}, drizzle.config, the default. */
    MigrationsLocation migrationsLocation() {
        Path standard = base().resolve(MigrationsLocation.DEFAULT);
        Path path;
        String setting;
        Optional<DrizzleConfig> config = drizzleConfig();
        if (out != null) {
            path = out.toPath().toAbsolutePath().normalize();
            setting = "writerflow.out";
        } else if (config.flatMap(DrizzleConfig::outDirectory).isPresent()) {
            path = config.flatMap(DrizzleConfig::outDirectory).orElseThrow();
            setting = "out in " + config.get().shownAs();
        } else {
            path = standard;
            setting = "writerflow.out"; // unset: its default is what a message about it must name
        }
        return new MigrationsLocation(path, display(path), setting, path.equals(standard));
    }

    private Optional<DrizzleConfig> config;
    private ScriptEnvironment environment;

    /** The environment and the project's dotenv files, as the schema's and drizzle.config's code sees them. */
    ScriptEnvironment scriptEnvironment() {
        if (environment == null) {
            environment = ScriptEnvironment.of(base());
        }
        return environment;
    }

    /** The project's drizzle.config, read once per goal; its warnings logged. */
    Optional<DrizzleConfig> drizzleConfig() {
        if (config == null) {
            config = DrizzleConfigReader.find(base(), drizzleConfig).map(file -> {
                String shownAs = display(file);
                DrizzleConfig read = DrizzleConfigReader.read(file, shownAs,
                        f -> schemaLoader().config(f, shownAs, scriptEnvironment()));
                read.warnings().forEach(getLog()::warn);
                getLog().debug("Read " + shownAs);
                return read;
            });
        }
        return config;
    }

    /**
     * The schema to read: the {@code schema} setting ({@code configured}: a file, directory or glob, or a
     * comma-separated list of them, relative to the project), else drizzle.config's {@code schema} (relative
     * to the config), else {@code src/lib/db/schema.js} (or {@code src/lib/db/schema.ts} when only that exists, as writerflow:pull writes it).
     *
     * @return empty when the setting names no file: the default's file missing, or nothing matching
     */
    Optional<SchemaInput> schemaInput(String configured) {
        Optional<DrizzleConfig> drizzle = drizzleConfig();
        List<String> entries;
        Path directory;
        String shownAs;
        if (configured != null && !configured.isBlank()) {
            entries = List.of(configured.split(","));
            directory = base();
            shownAs = configured.strip();
        } else if (drizzle.isPresent() && !drizzle.get().schema().isEmpty()) {
            entries = drizzle.get().schema();
            directory = drizzle.get().directory();
            shownAs = String.join(", ", entries);
        } else {
            // writerflow:pull writes TypeScript there by default: read it when there is no schema.js
            String file = !Files.exists(base().resolve(DEFAULT_SCHEMA)) && Files.exists(base().resolve(DEFAULT_TS_SCHEMA))
                    ? DEFAULT_TS_SCHEMA : DEFAULT_SCHEMA;
            entries = List.of(file);
            directory = base();
            shownAs = file;
        }
        List<Path> files;
        try {
            files = SchemaFiles.resolve(entries, directory, "writerflow.schema");
        } catch (WriterflowException e) {
            if (entries.size() == 1 && !entries.get(0).contains("*")) {
                return Optional.empty(); // one named file that is not there: the goal says so its own way
            }
            throw e;
        }
        String shown = files.size() == 1 ? display(files.get(0)) : shownAs;
        return Optional.of(new SchemaInput(files, shown, scriptEnvironment(),
                drizzle.flatMap(DrizzleConfig::casing)));
    }

    static final String DEFAULT_SCHEMA = "src/lib/db/schema.js";
    /** The default schema when only it exists: what writerflow:pull writes without settings. */
    static final String DEFAULT_TS_SCHEMA = "src/lib/db/schema.ts";

    /** The one schema file the setting names, which is not there: reading it says so, naming the setting. */
    SchemaInput missingSchema(String configured) {
        Path file = base().resolve(configured != null && !configured.isBlank() ? configured.strip() : DEFAULT_SCHEMA)
                .normalize();
        return new SchemaInput(List.of(file), display(file), scriptEnvironment(), Optional.empty());
    }

    /** A path as users see it: relative to the project when inside it. */
    String display(Path path) {
        Path base = base();
        Path absolute = path.toAbsolutePath().normalize();
        return absolute.startsWith(base) && !absolute.equals(base)
                ? base.relativize(absolute).toString().replace('\\', '/') : absolute.toString();
    }

    /**
     * The schema loader for the {@code jsRuntime} and {@code node} settings, with its cache in the build
     * directory when there is one.
     */
    DrizzleSchemaLoader schemaLoader() {
        return new DrizzleSchemaLoader(JsRuntime.parse(jsRuntime), node, cacheDirectory("schema-cache"),
                new PluginRealmDependencies(repositorySystem, session, getLog()::debug));
    }

    /** {@code target/writerflow/<name>}, where a goal keeps what it need not work out again next time. */
    Optional<Path> cacheDirectory(String name) {
        // without a pom.xml there is no build directory (Maven 3.8 even passes "${project.basedir}/target" as
        // it is): no cache then, rather than a target/ in a plain drizzle project
        return Optional.ofNullable(buildDirectory).filter(d -> baseDir != null).filter(d -> !d.getPath().contains("${"))
                .map(directory -> directory.toPath().resolve("writerflow").resolve(name));
    }
}
