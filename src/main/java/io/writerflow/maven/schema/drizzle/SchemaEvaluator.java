package io.writerflow.maven.schema.drizzle;

import java.nio.file.Path;
import java.util.Set;

/**
 * A JavaScript runtime that runs a {@link Program}: the project's modules with drizzle-orm and every package
 * bound to the plugin's stand-ins ({@link VirtualModules}), TypeScript transpiled, and returns what the
 * program module hands back (a drizzle-kit snapshot, or a config as JSON). Both runtimes see the same
 * modules through the same scanned {@link io.writerflow.maven.schema.drizzle.modules.ModuleGraph}.
 */
interface SchemaEvaluator {

    Evaluation evaluate(Program program);

    /** The outcome: the result, or the script's failure in terms {@link ScriptFailures} words. */
    sealed interface Evaluation {
    }

    /**
     * @param json     what the program handed back
     * @param imported the project's files the evaluation read from disk
     */
    record Snapshot(String json, Set<Path> imported) implements Evaluation {
    }

    record Failure(ScriptError error) implements Evaluation {
    }
}
