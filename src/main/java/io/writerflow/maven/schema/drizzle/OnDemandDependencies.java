package io.writerflow.maven.schema.drizzle;

import java.util.List;

/**
 * Puts the jars that only some goals need on the plugin's class path when one first needs them: GraalJS (14
 * artifacts, about 60 MB) to read a schema without Node.js, TypeScript's compiler (4.5 MB) to transpile where
 * the project has no esbuild. Most builds read the schema with Node.js and need neither, and Maven would
 * otherwise resolve them all each time it loads the plugin. Inside Maven the mojos resolve them from the
 * build's repositories; elsewhere (tests, a program embedding the core) they are on the class path already.
 */
public interface OnDemandDependencies {

    /** A set of dependencies needed together, named by the artifacts the build wrote into on-demand.properties. */
    enum Group {
        GRAALJS("org.graalvm.polyglot.Context", "GraalJS"),
        TYPESCRIPT("META-INF/maven/org.webjars.npm/typescript/pom.properties", "TypeScript's compiler");

        private final String probe;
        private final String description;

        Group(String probe, String description) {
            this.probe = probe;
            this.description = description;
        }

        /** Whether the group is on the class path of {@code loader} already. */
        public boolean presentIn(ClassLoader loader) {
            if (probe.endsWith(".properties")) {
                return loader.getResource(probe) != null;
            }
            try {
                Class.forName(probe, false, loader);
                return true;
            } catch (ClassNotFoundException | LinkageError e) {
                return false;
            }
        }

        /** The artifacts to resolve, as {@code groupId:artifactId[:extension]:version}; their dependencies too. */
        public List<String> artifacts() {
            return List.of(OnDemandVersions.get(name().toLowerCase(java.util.Locale.ROOT)).split(","));
        }

        public String description() {
            return description;
        }
    }

    /** The dependencies are on the class path already, or are never needed. */
    OnDemandDependencies ON_CLASS_PATH = group -> { };

    /** Makes the group's classes and resources loadable by the plugin's class loader, or fails saying why. */
    void require(Group group);
}
