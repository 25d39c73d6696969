package io.writerflow.maven.schema.drizzle;

import io.writerflow.maven.WriterflowException;
import io.writerflow.maven.schema.Schema;
import io.writerflow.maven.schema.SnapshotCodec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads a drizzle-orm SQLite schema (schema.js, an ES module): a JavaScript runtime evaluates it, its imports
 * of {@code drizzle-orm} and {@code drizzle-orm/sqlite-core} resolve to a recorder shipped in the plugin, and
 * the recorder serializes the exported tables and views as drizzle-kit 0.31 would into its snapshot, which
 * {@link SnapshotCodec} turns into the {@link Schema} model. So the model equals what drizzle-kit's
 * {@code drizzle/meta/NNNN_snapshot.json} would describe for the same file.
 *
 * <p>The runtime ({@link JsRuntime}): Node.js when it is installed, since drizzle projects have it and it
 * reads a 300-table schema in 0.3 s; otherwise GraalJS inside the JVM, which needs nothing installed but
 * only interprets on a stock JDK (about 4 s for the same schema in a cold JVM). Both evaluate the same
 * stand-in and the same modules, so they give the same snapshot; tests hold them to that.
 *
 * <p>With a cache directory, what a schema evaluated to is kept there, and a schema whose file and local
 * imports are unchanged is not evaluated again (see {@link SchemaCache}).
 */
public final class DrizzleSchemaLoader {

    private final JsRuntime runtime;
    private final String node;
    private final Optional<SchemaCache> cache;

    /** A loader that evaluates the schema every time, in Node.js when it is on the PATH, else in GraalJS. */
    public DrizzleSchemaLoader() {
        this(JsRuntime.AUTO, "node", Optional.empty());
    }

    /**
     * @param runtime        which runtime evaluates the schema
     * @param node           the Node.js executable: a path, or a command looked up on the PATH
     * @param cacheDirectory where evaluated schemas are kept, if anywhere
     */
    public DrizzleSchemaLoader(JsRuntime runtime, String node, Optional<Path> cacheDirectory) {
        this.runtime = runtime;
        this.node = node;
        this.cache = cacheDirectory.map(SchemaCache::new);
    }

    /** Reads the schema file at {@code schemaJs} (the configured {@code writerflow.schema}). */
    public Schema load(Path schemaJs) {
        return loadShownAs(schemaJs, schemaJs.toString());
    }

    /**
     * Reads the schema file at {@code schemaJs}, naming it {@code shownAs} in messages and the files it imports
     * relative to that: for a mojo, the absolute file and the {@code writerflow.schema} the user configured.
     */
    public Schema loadShownAs(Path schemaJs, String shownAs) {
        if (!Files.isRegularFile(schemaJs)) {
            throw new WriterflowException("Schema file not found: " + shownAs
                    + (shownAs.equals(schemaJs.toString()) ? "" : " (" + schemaJs.toAbsolutePath() + ")")
                    + (Files.isDirectory(schemaJs) ? " is a directory" : "") + "; it is the writerflow.schema setting.",
                    "Set writerflow.schema to the drizzle schema file, in the plugin configuration"
                            + " (<schema>src/db/schema.js</schema>) or with -Dwriterflow.schema=...;"
                            + " the default is src/lib/db/schema.js.");
        }
        String source;
        try {
            source = Files.readString(schemaJs, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new WriterflowException("Cannot read the schema file " + shownAs + ": " + e.getMessage(),
                    "Check the file's permissions and encoding (UTF-8).", e);
        }
        return read(schemaJs, source, shownAs);
    }

    /**
     * Reads {@code source} as the schema file {@code file}: relative imports resolve from its directory, and
     * messages name it as given.
     */
    public Schema load(Path file, String source) {
        return read(file, source, file.toString());
    }

    private Schema read(Path file, String source, String shownAs) {
        String fileName = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (fileName.endsWith(".ts") || fileName.endsWith(".mts") || fileName.endsWith(".cts")) {
            throw new WriterflowException(shownAs + " is TypeScript, which writerflow cannot read (it reads"
                    + " schema.js as drizzle-kit's JavaScript, without a TypeScript compiler).",
                    "Point writerflow.schema at a JavaScript schema (schema.js), or compile schema.ts to JavaScript"
                            + " before the build.");
        }
        Path entry = file.toAbsolutePath().normalize();
        DisplayPaths paths = new DisplayPaths(file, Path.of(shownAs));
        byte[] bytes = source.getBytes(StandardCharsets.UTF_8);
        Optional<String> cached = cache.flatMap(c -> c.lookup(entry, bytes));
        if (cached.isPresent()) {
            return SnapshotCodec.read(cached.get(), paths.display(entry.toString())).schema();
        }
        SchemaEvaluator.Evaluation evaluation = evaluator().evaluate(new SchemaEvaluator.Script(entry, source,
                ImportScanner.packageImports(entry, source)));
        if (evaluation instanceof SchemaEvaluator.Failure failure) {
            throw new ScriptFailures(paths, entry, source).translate(failure.error());
        }
        SchemaEvaluator.Snapshot snapshot = (SchemaEvaluator.Snapshot) evaluation;
        Schema schema = SnapshotCodec.read(snapshot.json(), paths.display(entry.toString())).schema();
        cache.ifPresent(c -> c.store(entry, bytes, snapshot.imported(), snapshot.json()));
        return schema;
    }

    private SchemaEvaluator evaluator() {
        GraalSchemaEvaluator graal = new GraalSchemaEvaluator();
        if (runtime == JsRuntime.GRAALJS) {
            return graal;
        }
        Optional<Path> executable = NodeSchemaEvaluator.find(node);
        if (executable.isEmpty()) {
            if (runtime == JsRuntime.AUTO) {
                return graal;
            }
            throw new NodeSchemaEvaluator.Unavailable("Node.js was not found: writerflow.node is '" + node + "'"
                    + (node.contains("/") ? ", which is not an executable file" : ", which is not on the PATH")
                    + ", and writerflow.jsRuntime=node needs it.", null);
        }
        NodeSchemaEvaluator nodeEvaluator = new NodeSchemaEvaluator(executable.get());
        return runtime == JsRuntime.NODE ? nodeEvaluator : script -> {
            // auto: a Node.js that cannot be used, or that fails without a word about the schema (a version
            // whose module hooks behave otherwise, say), is as good as none
            try {
                SchemaEvaluator.Evaluation evaluation = nodeEvaluator.evaluate(script);
                return evaluation instanceof SchemaEvaluator.Failure failure
                        && failure.error().kind() == ScriptError.Kind.INTERNAL ? graal.evaluate(script) : evaluation;
            } catch (NodeSchemaEvaluator.Unavailable e) {
                return graal.evaluate(script);
            }
        };
    }
}
