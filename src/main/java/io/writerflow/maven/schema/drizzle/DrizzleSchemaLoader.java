package io.writerflow.maven.schema.drizzle;

import io.writerflow.maven.WriterflowException;
import io.writerflow.maven.schema.Schema;
import io.writerflow.maven.schema.SnapshotCodec;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.IOAccess;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads a drizzle-orm SQLite schema (schema.js, an ES module) without Node: GraalJS evaluates it on the
 * JVM, its imports of {@code drizzle-orm} and {@code drizzle-orm/sqlite-core} resolve to a recorder shipped
 * in the plugin, and the recorder serializes the exported tables and views as drizzle-kit 0.31 would into
 * its snapshot, which {@link SnapshotCodec} turns into the {@link Schema} model. So the model equals what
 * drizzle-kit's {@code drizzle/meta/NNNN_snapshot.json} would describe for the same file.
 *
 * <p>GraalJS over Rhino (DESIGN.md): slower to start and larger, but it runs what drizzle schemas are
 * written in: ES modules, classes, rest and spread. On a stock JDK it runs in interpreter mode. Reading a
 * 300-table, 5,700-line schema takes about 3 to 4.5 s in a cold JVM on a busy 2-core machine (engine start
 * 0.4 s, the recorder's first run 0.8 s, the schema 1 s, serializing 0.7 s) and about 1 s once warm;
 * drizzle-kit takes about 1 s as a whole process. Once per build, that is acceptable.
 *
 * <p>The engine sees a read-only file system and no host access, environment or processes. Each load uses
 * its own engine and context; what is kept between loads, when a cache directory is given, is only the
 * result (see {@link SchemaCache}).
 */
public final class DrizzleSchemaLoader {

    private static final String MODULE_MIME_TYPE = "application/javascript+module";

    private final Optional<SchemaCache> cache;

    /** A loader that evaluates the schema every time. */
    public DrizzleSchemaLoader() {
        this.cache = Optional.empty();
    }

    /**
     * A loader that keeps what each schema file evaluated to in {@code cacheDirectory} and skips evaluating a
     * schema whose file and local imports are unchanged (see {@link SchemaCache}).
     */
    public DrizzleSchemaLoader(Path cacheDirectory) {
        this.cache = Optional.of(new SchemaCache(cacheDirectory));
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
                    + " schema.js without Node.js or a TypeScript compiler).",
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
        VirtualModules modules = new VirtualModules(entry.getRoot(), ImportScanner.packageImports(entry, source));
        ModuleFileSystem fileSystem = new ModuleFileSystem(modules, entry, source.getBytes(StandardCharsets.UTF_8));
        ScriptFailures failures = new ScriptFailures(paths, modules, entry, source);

        // Truffle finds the JavaScript language through the context class loader; inside Maven that is not
        // the plugin's class loader unless set
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(DrizzleSchemaLoader.class.getClassLoader());
        try (Context context = newContext(fileSystem)) {
            try {
                Value exports = context.eval(Source.newBuilder("js", entry.toFile()).content(source)
                        .mimeType(MODULE_MIME_TYPE).build());
                Value snapshot = context.eval(Source.newBuilder("js",
                        "export { snapshot as default } from \"" + VirtualModules.RECORDER_SPECIFIER + "\";\n",
                        "writerflow-snapshot.mjs").mimeType(MODULE_MIME_TYPE).build()).getMember("default");
                String json = snapshot.execute(exports).asString();
                Schema schema = SnapshotCodec.read(json, paths.display(entry.toString())).schema();
                cache.ifPresent(c -> c.store(entry, bytes, fileSystem.filesRead(), json));
                return schema;
            } catch (PolyglotException e) {
                throw failures.translate(e);
            }
        } catch (IOException e) {
            throw new WriterflowException("Cannot read the schema file " + shownAs + ": " + e.getMessage(),
                    "Check the file's permissions and encoding (UTF-8).", e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static Context newContext(ModuleFileSystem fileSystem) {
        return Context.newBuilder("js")
                .allowIO(IOAccess.newBuilder().fileSystem(fileSystem).build())
                // no JIT on a stock JDK, and that is fine for code that runs once
                .option("engine.WarnInterpreterOnly", "false")
                .option("js.esm-eval-returns-exports", "true")
                // the schema's console output is not the build's machine output (stdout)
                .out(System.err)
                .err(System.err)
                .logHandler(OutputStream.nullOutputStream())
                .build();
    }
}
