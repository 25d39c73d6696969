package io.writerflow.maven.mojo;

import io.writerflow.maven.WriterflowException;
import io.writerflow.maven.schema.drizzle.OnDemandDependencies;
import org.apache.maven.execution.MavenSession;
import org.codehaus.plexus.classworlds.realm.ClassRealm;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;

import java.io.File;
import java.net.MalformedURLException;
import java.util.List;
import java.util.function.Consumer;

/**
 * Resolves a group of {@link OnDemandDependencies} from the build's repositories, as Maven resolves the plugin's
 * own dependencies (the local repository first, offline mode and mirrors respected), and adds the jars to the
 * plugin's class realm: classes loaded from then on see them, and the classes that use them are loaded only
 * after. Maven keeps one realm per plugin for the whole build, so each group is resolved at most once per build.
 */
final class PluginRealmDependencies implements OnDemandDependencies {

    private final RepositorySystem repositories;
    private final MavenSession session;
    private final Consumer<String> debug;

    PluginRealmDependencies(RepositorySystem repositories, MavenSession session, Consumer<String> debug) {
        this.repositories = repositories;
        this.session = session;
        this.debug = debug;
    }

    @Override
    public void require(Group group) {
        ClassLoader loader = PluginRealmDependencies.class.getClassLoader();
        synchronized (loader) {
            if (group.presentIn(loader)) {
                return;
            }
            if (!(loader instanceof ClassRealm realm) || repositories == null || session == null) {
                throw new WriterflowException(group.description() + " (" + String.join(", ", group.artifacts())
                        + ") is not on the plugin's class path, and the plugin does not run in a Maven class realm"
                        + " it could resolve it into.", "Put those artifacts on the class path.");
            }
            long start = System.nanoTime();
            List<ArtifactResult> artifacts = resolve(group);
            for (ArtifactResult result : artifacts) {
                File jar = result.getArtifact().getFile();
                if (jar != null && jar.getName().endsWith(".jar")) {
                    try {
                        realm.addURL(jar.toURI().toURL());
                    } catch (MalformedURLException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
            debug.accept("Put " + group.description() + " on the plugin's class path: " + artifacts.size()
                    + " artifacts resolved in " + (System.nanoTime() - start) / 1_000_000 + " ms");
        }
    }

    private List<ArtifactResult> resolve(Group group) {
        CollectRequest collect = new CollectRequest();
        group.artifacts().forEach(coordinates -> collect.addDependency(
                new Dependency(new DefaultArtifact(coordinates), "runtime")));
        List<RemoteRepository> remote = session.getCurrentProject() != null
                ? session.getCurrentProject().getRemotePluginRepositories() : List.of();
        collect.setRepositories(remote);
        try {
            return repositories.resolveDependencies(session.getRepositorySession(), new DependencyRequest(collect, null))
                    .getArtifactResults();
        } catch (DependencyResolutionException e) {
            throw new WriterflowException("Cannot resolve " + group.description() + " (" + String.join(", ",
                    group.artifacts()) + "), which the plugin loads only when it needs it: " + e.getMessage(),
                    group == Group.GRAALJS
                            ? "Install Node.js 20.6 or newer (the plugin then reads the schema with it and needs no"
                            + " GraalJS), or run the build once online (without -o) so that Maven can download"
                            + " GraalJS into the local repository."
                            : "Run the build once online (without -o) so that Maven can download it into the"
                            + " local repository, or add esbuild to the project (npm install -D esbuild).", e);
        }
    }
}
