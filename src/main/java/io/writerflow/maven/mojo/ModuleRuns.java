package io.writerflow.maven.mojo;

import org.apache.maven.execution.MavenSession;
import org.apache.maven.lifecycle.MojoExecutionConfigurator;
import org.apache.maven.plugin.BuildPluginManager;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.MojoDescriptor;
import org.apache.maven.plugin.descriptor.Parameter;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.configuration.PlexusConfiguration;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * Runs a goal typed at a multi-module build's root ({@code mvn writerflow:apply}) in every module, each with
 * its own configuration, as Maven runs any other goal. The goals need no project (they also run in a plain
 * drizzle project without a pom.xml), and Maven runs such a goal once, at the root; so the root's run
 * configures and executes it per module, the way Maven's lifecycle does, and the modules without migrations
 * skip with one line.
 */
final class ModuleRuns {

    /** Set while a module's run executes, so that it does not fan out again. */
    private static final ThreadLocal<Boolean> IN_MODULE = ThreadLocal.withInitial(() -> false);

    private ModuleRuns() {
    }

    /** Whether this execution is the one Maven runs once at the root of several modules. */
    static boolean atTheRootOfModules(MavenSession session, MojoExecution execution) {
        return session != null && execution != null && session.getProjects() != null
                && session.getProjects().size() > 1 && execution.getSource() == MojoExecution.Source.CLI
                && !IN_MODULE.get();
    }

    /** Whether a module's run is executing: the goal then names its module. */
    static boolean inModule() {
        return IN_MODULE.get();
    }

    /** The goal of {@code root} in each module of the session, in the reactor's order. */
    static void runInEachModule(MavenSession session, MojoExecution root, BuildPluginManager plugins,
            MojoExecutionConfigurator configurator) throws MojoExecutionException, MojoFailureException {
        MavenProject current = session.getCurrentProject();
        IN_MODULE.set(true);
        try {
            for (MavenProject module : session.getProjects()) {
                session.setCurrentProject(module);
                MojoExecution execution = new MojoExecution(root.getMojoDescriptor(), root.getExecutionId(),
                        MojoExecution.Source.CLI);
                configurator.configure(module, execution, true);
                execution.setConfiguration(withDefaults(execution.getMojoDescriptor(), execution.getConfiguration()));
                try {
                    plugins.executeMojo(session, execution);
                } catch (MojoFailureException | MojoExecutionException e) {
                    throw e;
                } catch (Exception e) {
                    throw new MojoExecutionException("Cannot run writerflow:" + root.getGoal() + " in module "
                            + module.getArtifactId() + ": " + e.getMessage(), e);
                }
            }
        } finally {
            IN_MODULE.set(false);
            session.setCurrentProject(current);
        }
    }

    /**
     * The module's configuration of each parameter, merged over the parameter's default and property
     * expression, as Maven's lifecycle finalizes an execution's configuration.
     */
    private static Xpp3Dom withDefaults(MojoDescriptor mojo, Xpp3Dom configured) {
        Xpp3Dom defaults = new Xpp3Dom("configuration");
        for (PlexusConfiguration parameter : mojo.getMojoConfiguration().getChildren()) {
            String value = parameter.getValue(null);
            String defaultValue = parameter.getAttribute("default-value", null);
            if (value != null || defaultValue != null) {
                Xpp3Dom dom = new Xpp3Dom(parameter.getName());
                dom.setValue(value);
                if (defaultValue != null) {
                    dom.setAttribute("default-value", defaultValue);
                }
                defaults.addChild(dom);
            }
        }
        Xpp3Dom own = configured != null ? configured : new Xpp3Dom("configuration");
        Xpp3Dom result = new Xpp3Dom("configuration");
        for (Parameter parameter : mojo.getParameters()) {
            Xpp3Dom value = own.getChild(parameter.getName());
            if (value == null && parameter.getAlias() != null) {
                value = own.getChild(parameter.getAlias());
            }
            Xpp3Dom fallback = defaults.getChild(parameter.getName());
            if (value != null) {
                value = new Xpp3Dom(value, parameter.getName());
                if (value.getAttribute("implementation") == null && parameter.getImplementation() != null) {
                    value.setAttribute("implementation", parameter.getImplementation());
                }
                value = Xpp3Dom.mergeXpp3Dom(value, fallback, Boolean.TRUE);
            } else {
                value = fallback;
            }
            if (value != null) {
                result.addChild(value);
            }
        }
        return result;
    }
}
