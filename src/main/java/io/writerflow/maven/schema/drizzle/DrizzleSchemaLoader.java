package io.writerflow.maven.schema.drizzle;

import com.eclipsesource.json.Json;
import com.eclipsesource.json.JsonObject;
import com.eclipsesource.json.JsonValue;
import io.writerflow.maven.WriterflowException;
import io.writerflow.maven.schema.Schema;
import io.writerflow.maven.schema.SmallJson;
import io.writerflow.maven.schema.SnapshotCodec;
import io.writerflow.maven.schema.drizzle.modules.ImportScanner;
import io.writerflow.maven.schema.drizzle.modules.ModuleGraph;
import io.writerflow.maven.schema.drizzle.modules.ModuleResolver;
import io.writerflow.maven.schema.drizzle.modules.SourceFiles;
import io.writerflow.maven.schema.drizzle.modules.TsConfig;
import io.writerflow.maven.schema.drizzle.modules.TypeOnlyReExports;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a drizzle-orm SQLite schema (JavaScript or TypeScript, one file or several): a JavaScript runtime
 * evaluates it, its imports of {@code drizzle-orm} and {@code drizzle-orm/sqlite-core} resolve to a recorder
 * shipped in the plugin, and the recorder serializes the exported tables and views as drizzle-kit 0.31 would
 * into its snapshot, which {@link SnapshotCodec} turns into the {@link Schema} model. So the model equals
 * what drizzle-kit's {@code drizzle/meta/NNNN_snapshot.json} would describe for the same files. The same
 * machinery reads a drizzle.config ({@link #config}).
 *
 * <p>The modules are found before anything runs ({@link ModuleGraph}: relative imports with drizzle-kit's
 * lookups, tsconfig.json paths, workspace packages, stand-ins for npm packages); TypeScript is transpiled,
 * never type-checked, as drizzle-kit's esbuild does.
 *
 * <p>The runtime ({@link JsRuntime}): Node.js when it is installed, since drizzle projects have it and it
 * reads a 300-table schema in 0.3 s; otherwise GraalJS inside the JVM, which needs nothing installed but
 * only interprets on a stock JDK (about 4 s for the same schema in a cold JVM). Both evaluate the same
 * stand-in and the same modules, so they give the same snapshot; tests hold them to that.
 *
 * <p>With a cache directory, what a schema evaluated to is kept there, and a schema whose files are unchanged
 * is not evaluated again (see {@link SchemaCache}); transpiled TypeScript is kept by content too.
 */
public final class DrizzleSchemaLoader {

    private final JsRuntime runtime;
    private final String node;
    private final Optional<SchemaCache> cache;
    private final Optional<ConfigCache> configs;
    private final TranspileCache transpiled;
    private final OnDemandDependencies dependencies;

    /** A loader that evaluates the schema every time, in Node.js when it is on the PATH, else in GraalJS. */
    public DrizzleSchemaLoader() {
        this(JsRuntime.AUTO, "node", Optional.empty());
    }

    /**
     * @param runtime        which runtime evaluates the schema
     * @param node           the Node.js executable: a path, or a command looked up on the PATH
     * @param cacheDirectory where evaluated schemas and transpiled TypeScript are kept, if anywhere
     */
    public DrizzleSchemaLoader(JsRuntime runtime, String node, Optional<Path> cacheDirectory) {
        this(runtime, node, cacheDirectory, OnDemandDependencies.ON_CLASS_PATH);
    }

    /**
     * @param runtime        which runtime evaluates the schema
     * @param node           the Node.js executable: a path, or a command looked up on the PATH
     * @param cacheDirectory where evaluated schemas and configs and transpiled TypeScript are kept, if anywhere
     * @param dependencies   puts GraalJS and TypeScript's compiler on the class path when they are needed
     */
    public DrizzleSchemaLoader(JsRuntime runtime, String node, Optional<Path> cacheDirectory,
                               OnDemandDependencies dependencies) {
        this.dependencies = dependencies;
        this.runtime = runtime;
        this.node = node;
        this.cache = cacheDirectory.map(SchemaCache::new);
        this.configs = cacheDirectory.map(ConfigCache::new);
        this.transpiled = new TranspileCache(cacheDirectory.map(d -> d.resolve("transpiled")));
    }

    /** Reads the schema file at {@code schemaFile}. */
    public Schema load(Path schemaFile) {
        return loadShownAs(schemaFile, schemaFile.toString());
    }

    /**
     * Reads the schema file at {@code schemaFile}, naming it {@code shownAs} in messages and the files it imports
     * relative to that: for a mojo, the absolute file and the {@code writerflow.schema} the user configured.
     */
    public Schema loadShownAs(Path schemaFile, String shownAs) {
        return load(List.of(schemaFile), shownAs, ScriptEnvironment.of(directoryOf(schemaFile)), Optional.empty());
    }

    /**
     * Reads {@code source} as the schema file {@code file}: relative imports resolve from its directory, and
     * messages name it as given.
     */
    public Schema load(Path file, String source) {
        Path entry = file.toAbsolutePath().normalize();
        return read(List.of(entry), Map.of(entry, source), file.toString(), file,
                ScriptEnvironment.of(directoryOf(file)), Optional.empty());
    }

    /**
     * Reads a schema of one or more files (drizzle-kit's {@code schema}, resolved by {@link SchemaFiles}), as
     * drizzle-kit does: tables from all of them are one schema, in the order of the files.
     */
    public Schema load(SchemaInput input) {
        return load(input.files(), input.shownAs(), input.environment(), input.casing());
    }

    private Schema load(List<Path> files, String shownAs, ScriptEnvironment environment, Optional<String> casing) {
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                throw notFound(file, shownAs);
            }
        }
        List<Path> entries = files.stream().map(f -> f.toAbsolutePath().normalize()).distinct().toList();
        return read(entries, Map.of(), shownAs, files.get(0), environment, casing);
    }

    /**
     * Evaluates a drizzle.config file and returns its default export as JSON (functions left out); with a cache
     * directory, only when it or what it read changed since (see {@link ConfigCache}). The values may hold
     * secrets (a token read from the environment): they are returned, never written anywhere.
     */
    public JsonValue config(Path configFile, String shownAs, ScriptEnvironment environment) {
        Path entry = configFile.toAbsolutePath().normalize();
        String source = readSource(entry, shownAs);
        Optional<JsonValue> cached = configs.flatMap(c -> c.lookup(entry, source, environment));
        if (cached.isPresent()) {
            return cached.get();
        }
        ModuleResolver resolver = new ModuleResolver();
        ModuleGraph graph = ModuleGraph.scan(List.of(entry), Map.of(entry, source), resolver);
        Map<Path, String> sources = new LinkedHashMap<>(Map.of(entry, source));
        Map<Path, String> stripped = TypeOnlyReExports.apply(graph, sources);
        sources.putAll(stripped);
        Program program = new Program(graph, sources, new Program.ConfigGoal(), environment.variables(),
                environment.directory(), decorators(graph, resolver));
        SchemaEvaluator.Snapshot evaluated = evaluate(program, new DisplayPaths(configFile, Path.of(shownAs)), entry,
                source);
        JsonValue result = SmallJson.parse(evaluated.json(), shownAs).orElseGet(JsonObject::new);
        JsonValue config = SmallJson.member(result, "config").orElse(Json.NULL);
        if (configs.isPresent() && ConfigCache.watchable(graph.packageImports().keySet())) {
            Set<Path> imported = new LinkedHashSet<>(evaluated.imported());
            imported.addAll(stripped.keySet());
            imported.remove(entry);
            configs.get().store(entry, source, imported, texts(source, imported),
                    ConfigCache.Reads.of(SmallJson.path(result, "reads")), config, environment);
        }
        return config;
    }

    /** The config's text and its local modules' (what the config spells out is no secret to keep from disk). */
    private static List<String> texts(String source, Set<Path> imported) {
        List<String> texts = new ArrayList<>(List.of(source));
        for (Path file : imported) {
            try {
                texts.add(Files.readString(file, StandardCharsets.UTF_8));
            } catch (IOException | RuntimeException e) {
                // a module gone since it was read: the entry's check of its hash misses next time anyway
            }
        }
        return texts;
    }

    /**
     * Whether the schema, unchanged since it was last read here, is known to match the migration snapshot whose
     * file holds {@code snapshot}: generate wrote that snapshot from it, or found nothing to write against it.
     * False without a cache directory, or when anything the schema reads has changed.
     */
    public boolean knownToMatch(SchemaInput input, byte[] snapshot) {
        return cache.isPresent() && cache.get().knownToMatch(entryBytes(input), snapshot);
    }

    /** Records that the schema as it is now matches the migration snapshot {@code snapshot} (see above). */
    public void rememberMatch(SchemaInput input, byte[] snapshot) {
        cache.ifPresent(c -> c.rememberMatch(entryBytes(input), snapshot));
    }

    private static Map<Path, byte[]> entryBytes(SchemaInput input) {
        Map<Path, String> sources = new LinkedHashMap<>();
        for (Path file : input.files()) {
            Path entry = file.toAbsolutePath().normalize();
            sources.computeIfAbsent(entry, e -> readSource(e, input.shownAs()));
        }
        return entryBytes(sources, input.casing());
    }

    /** What the schema cache keys an evaluation by: each schema file's text, with the casing it was read with. */
    private static Map<Path, byte[]> entryBytes(Map<Path, String> sources, Optional<String> casing) {
        String cacheKey = casing.map(c -> "casing=" + c + "\n").orElse("");
        Map<Path, byte[]> entryBytes = new LinkedHashMap<>();
        sources.forEach((file, text) -> entryBytes.put(file, (cacheKey + text).getBytes(StandardCharsets.UTF_8)));
        return entryBytes;
    }

    private Schema read(List<Path> entries, Map<Path, String> given, String shownAs, Path shownFile,
                        ScriptEnvironment environment, Optional<String> casing) {
        Map<Path, String> sources = new LinkedHashMap<>(given);
        for (Path entry : entries) {
            sources.computeIfAbsent(entry, e -> readSource(e, entries.size() == 1 ? shownAs : e.toString()));
        }
        DisplayPaths paths = new DisplayPaths(shownFile, Path.of(shownAs));
        Map<Path, byte[]> entryBytes = entryBytes(sources, casing);
        Optional<String> cached = cache.flatMap(c -> c.lookup(entryBytes));
        String display = paths.display(entries.get(0).toString());
        if (cached.isPresent()) {
            return SnapshotCodec.read(cached.get(), display).schema();
        }
        ModuleResolver resolver = new ModuleResolver();
        ModuleGraph graph = ModuleGraph.scan(entries, sources, resolver);
        refusePackageReExports(graph, sources, paths);
        // modules given as text (type-only names left out of their re-exports) are imports the cache must watch
        Map<Path, String> stripped = TypeOnlyReExports.apply(graph, sources);
        Map<Path, String> programSources = new LinkedHashMap<>(sources);
        programSources.putAll(stripped);
        Program program = new Program(graph, programSources, new Program.SnapshotGoal(casing.orElse(null)),
                environment.variables(), environment.directory(), decorators(graph, resolver));
        SchemaEvaluator.Snapshot snapshot = evaluate(program, paths, entries.get(0), sources.get(entries.get(0)));
        Schema schema = SnapshotCodec.read(snapshot.json(), display).schema();
        Set<Path> imported = new LinkedHashSet<>(snapshot.imported());
        stripped.keySet().stream().filter(file -> !sources.containsKey(file)).forEach(imported::add);
        cache.ifPresent(c -> c.store(entryBytes, imported, snapshot.json()));
        return schema;
    }

    /**
     * A module of the schema (an entry, or a file an entry re-exports with {@code export * from}) that re-exports
     * from a package the plugin does not read would lose that package's tables without a word: the package gets
     * a stand-in whose exports are no tables. It is what a monorepo's schema does with a workspace package whose
     * node_modules link is missing (no {@code npm install} on the build machine), where drizzle-kit stops with
     * "Cannot find module". Refused, naming the statement.
     */
    private static void refusePackageReExports(ModuleGraph graph, Map<Path, String> sources, DisplayPaths paths) {
        for (Path module : graph.schemaModules()) {
            for (String specifier : graph.packageReExports().getOrDefault(module, List.of())) {
                String source = sources.get(module);
                if (source == null) {
                    try {
                        source = Files.readString(module, StandardCharsets.UTF_8);
                    } catch (IOException e) {
                        source = "";
                    }
                }
                String at = ImportScanner.locateReExport(source, specifier).map(a -> ":" + a[0] + ":" + a[1])
                        .orElse("");
                String name = ModuleResolver.packageName(specifier);
                throw new WriterflowException(paths.display(module.toString()) + at + ": the schema re-exports from"
                        + " \"" + specifier + "\", a package writerflow does not read (no workspace package linked at"
                        + " node_modules/" + name + ", no TypeScript sources): its tables would be missing from the"
                        + " schema",
                        "If " + name + " is a package of this repository's workspace, install the workspace (npm"
                                + " install, pnpm install or yarn) so that node_modules/" + name + " links to its"
                                + " sources, or import its tables by a relative path. Re-export other packages'"
                                + " helpers from a file that is not part of the schema.");
            }
        }
    }


    private SchemaEvaluator.Snapshot evaluate(Program program, DisplayPaths paths, Path entry, String entrySource) {
        SchemaEvaluator.Evaluation evaluation = evaluator().evaluate(program);
        if (evaluation instanceof SchemaEvaluator.Failure failure) {
            throw new ScriptFailures(paths, entry, entrySource, program.graph(),
                    program.goal() instanceof Program.ConfigGoal).translate(failure.error());
        }
        return (SchemaEvaluator.Snapshot) evaluation;
    }

    /** The TypeScript files whose tsconfig.json turns on the legacy {@code experimentalDecorators}. */
    private static Set<Path> decorators(ModuleGraph graph, ModuleResolver resolver) {
        Set<Path> files = new LinkedHashSet<>();
        for (Path file : graph.files()) {
            if (SourceFiles.isTypeScript(file)
                    && resolver.tsConfig(file).map(TsConfig::experimentalDecorators).orElse(false)) {
                files.add(file);
            }
        }
        return files;
    }

    private static String readSource(Path file, String shownAs) {
        if (!Files.isRegularFile(file)) {
            throw notFound(file, shownAs);
        }
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new WriterflowException("Cannot read the schema file " + shownAs + ": " + e.getMessage(),
                    "Check the file's permissions and encoding (UTF-8).", e);
        }
    }

    private static WriterflowException notFound(Path file, String shownAs) {
        return new WriterflowException("Schema file not found: " + shownAs
                + (shownAs.equals(file.toString()) ? "" : " (" + file.toAbsolutePath() + ")")
                + (Files.isDirectory(file) ? " is a directory" : "") + "; it is the writerflow.schema setting.",
                "Set writerflow.schema to the drizzle schema file, in the plugin configuration"
                        + " (<schema>src/db/schema.ts</schema>) or with -Dwriterflow.schema=..., or as"
                        + " \"schema\" in drizzle.config; the default is src/lib/db/schema.js.");
    }

    private static Path directoryOf(Path file) {
        Path parent = file.toAbsolutePath().normalize().getParent();
        return parent == null ? Path.of("").toAbsolutePath() : parent;
    }

    private SchemaEvaluator evaluator() {
        // GraalJS's jars are put on the class path only when it runs (OnDemandDependencies)
        SchemaEvaluator graal = program -> {
            dependencies.require(OnDemandDependencies.Group.GRAALJS);
            return new GraalSchemaEvaluator(transpiled, dependencies).evaluate(program);
        };
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
        NodeSchemaEvaluator nodeEvaluator = new NodeSchemaEvaluator(executable.get(), transpiled, dependencies);
        return runtime == JsRuntime.NODE ? nodeEvaluator : program -> {
            // auto: a Node.js that cannot be used, or that fails without a word about the schema (a version
            // whose module hooks behave otherwise, say), is as good as none
            try {
                SchemaEvaluator.Evaluation evaluation = nodeEvaluator.evaluate(program);
                return evaluation instanceof SchemaEvaluator.Failure failure
                        && failure.error().kind() == ScriptError.Kind.INTERNAL ? graal.evaluate(program) : evaluation;
            } catch (NodeSchemaEvaluator.Unavailable e) {
                return graal.evaluate(program);
            }
        };
    }
}
