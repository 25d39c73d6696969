package io.writerflow.maven.schema.drizzle;

import io.writerflow.maven.schema.drizzle.modules.ModuleGraph;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * What a JavaScript runtime evaluates: the modules reached from the entries (the schema files, or a
 * drizzle.config), and what to hand back once they have run: the drizzle-kit snapshot of what the entries
 * export, or the config's default export as JSON. Both runtimes run the same program module
 * ({@link #module}), so they agree on order and output.
 *
 * @param graph       the modules, scanned and resolved
 * @param sources     texts to evaluate in place of files on disk
 * @param goal        what to hand back
 * @param environment {@code process.env} for the code (the environment with .env.local and .env)
 * @param directory   {@code process.cwd()}: the project's directory
 * @param decorators  the TypeScript files whose tsconfig.json turns on {@code experimentalDecorators}
 */
record Program(ModuleGraph graph, Map<Path, String> sources, Goal goal, Map<String, String> environment,
               Path directory, Set<Path> decorators) {

    static final String CONFIG_READS = "config-reads.js";

    /** What the program hands back. */
    sealed interface Goal {
    }

    /** The drizzle-kit snapshot (version 6) of the entries' exports; {@code casing} as drizzle.config's. */
    record SnapshotGoal(String casing) implements Goal {
    }

    /**
     * The default export of the single entry, a drizzle.config, as JSON: {@code {"config": ..., "reads": {"env":
     * [names], "enumerated": bool, "files": [paths]}}}, with what it read of its environment (config-reads.js).
     */
    record ConfigGoal() implements Goal {
    }

    Program {
        sources = Collections.unmodifiableMap(new LinkedHashMap<>(sources));
        environment = Collections.unmodifiableMap(new LinkedHashMap<>(environment));
        decorators = Set.copyOf(decorators);
    }

    /** The source of a project file as the runtime is to see it: the given text, else empty (read the file). */
    String sourceOf(Path file) {
        return sources.get(file);
    }

    /**
     * The module that runs the program: imports the entries (in order, so that they run as drizzle-kit runs
     * them) and the modules whose namespaces decide the export order, and exports the result as its default.
     *
     * @param file    how a project file is named in an import (a path for GraalJS, a file URL for Node.js)
     * @param own     how one of the plugin's modules is named in an import
     * @param prelude whether to import the prelude first (GraalJS's Node.js globals)
     */
    String module(Function<Path, String> file, Function<String, String> own, boolean prelude) {
        StringBuilder js = new StringBuilder();
        if (prelude) {
            js.append("import ").append(VirtualModules.jsString(own.apply(VirtualModules.PRELUDE))).append(";\n");
        }
        if (goal instanceof ConfigGoal) {
            // before the config runs: what it reads of the environment decides how long its result holds
            js.append("import { reads } from ").append(VirtualModules.jsString(own.apply(CONFIG_READS)))
                    .append(";\n");
        }
        List<Path> modules = new ArrayList<>(graph.entries());
        Set<Path> withNamespace = new LinkedHashSet<>(graph.entries());
        graph.starExports().forEach((from, targets) -> {
            withNamespace.add(from);
            withNamespace.addAll(targets);
        });
        withNamespace.stream().filter(p -> !modules.contains(p)).forEach(modules::add);
        for (int i = 0; i < modules.size(); i++) {
            js.append("import * as m").append(i).append(" from ")
                    .append(VirtualModules.jsString(file.apply(modules.get(i)))).append(";\n");
        }
        if (goal instanceof ConfigGoal) {
            js.append("import { configJson } from ").append(VirtualModules.jsString(own.apply("evaluation.js")))
                    .append(";\nexport default '{\"config\": ' + configJson(m0) + ', \"reads\": '\n"
                            + "  + JSON.stringify(reads()) + '}';\n");
            return js.toString();
        }
        js.append("import { snapshot } from ").append(VirtualModules.jsString(own.apply(VirtualModules.RECORDER)))
                .append(";\nimport { exportedValues } from ")
                .append(VirtualModules.jsString(own.apply("evaluation.js"))).append(";\nconst namespaces = {\n");
        for (int i = 0; i < modules.size(); i++) {
            js.append("  ").append(VirtualModules.jsString(modules.get(i).toString())).append(": m").append(i)
                    .append(",\n");
        }
        js.append("};\nconst stars = {\n");
        graph.starExports().forEach((from, targets) -> js.append("  ")
                .append(VirtualModules.jsString(from.toString())).append(": [")
                .append(String.join(", ", targets.stream().map(t -> VirtualModules.jsString(t.toString())).toList()))
                .append("],\n"));
        js.append("};\nconst entries = [")
                .append(String.join(", ", graph.entries().stream().map(e -> VirtualModules.jsString(e.toString()))
                        .toList()))
                .append("];\nexport default snapshot(exportedValues(entries, namespaces, stars), { casing: ")
                .append(((SnapshotGoal) goal).casing() == null ? "undefined"
                        : VirtualModules.jsString(((SnapshotGoal) goal).casing()))
                .append(" });\n");
        return js.toString();
    }

    /** Whether the program needs the TypeScript transpiler. */
    boolean hasTypeScript() {
        return graph.hasTypeScript();
    }
}
