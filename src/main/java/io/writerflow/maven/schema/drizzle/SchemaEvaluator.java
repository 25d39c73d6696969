package io.writerflow.maven.schema.drizzle;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * A JavaScript runtime that evaluates schema.js with drizzle-orm's imports bound to the plugin's stand-in
 * ({@code recorder.js}) and returns what the stand-in serialized: the drizzle-kit snapshot of the exported
 * tables and views. Both runtimes see the same modules: the schema file (from the text given), the project's
 * files with drizzle-kit's lookups ({@link ModuleFiles}), and {@link VirtualModules} for every package.
 */
interface SchemaEvaluator {

    Evaluation evaluate(Script script);

    /**
     * @param entry          the schema file, absolute and normalized
     * @param source         its text, evaluated in place of what is on disk
     * @param packageImports names imported from packages other than drizzle-orm, by specifier
     */
    record Script(Path entry, String source, Map<String, Set<String>> packageImports) {
    }

    /** The outcome: the snapshot, or the script's failure in terms {@link ScriptFailures} words. */
    sealed interface Evaluation {
    }

    /**
     * @param json     the drizzle-kit snapshot (version 6) the stand-in wrote
     * @param imported the project's files the schema imported (besides the schema file itself)
     */
    record Snapshot(String json, Set<Path> imported) implements Evaluation {
    }

    record Failure(ScriptError error) implements Evaluation {
    }
}
