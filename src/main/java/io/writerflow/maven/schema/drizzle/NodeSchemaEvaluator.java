package io.writerflow.maven.schema.drizzle;

import com.fasterxml.jackson.databind.JsonNode;
import io.writerflow.maven.WriterflowException;
import io.writerflow.maven.schema.JsonFiles;
import io.writerflow.maven.schema.drizzle.modules.Resolution;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Evaluates schema.js in a Node.js process: the runtime drizzle-kit itself uses, and about ten times faster
 * than GraalJS interpreting on a stock JDK (a 300-table schema: 0.3 s against 4 s). The schema sees the same
 * modules as under GraalJS: {@code node-hooks.mjs} resolves drizzle-orm and every package to the stand-ins
 * written next to it, and the project's files as ES modules with drizzle-kit's lookups. Unlike GraalJS, the
 * schema's code runs with Node's globals and access, as it does under drizzle-kit.
 */
final class NodeSchemaEvaluator implements SchemaEvaluator {

    /** Node.js cannot be used: not found, not startable, or too old. Where allowed, GraalJS takes over. */
    static final class Unavailable extends WriterflowException {
        Unavailable(String problem, Throwable cause) {
            super(problem, "Install Node.js 20.6 or newer, point writerflow.node at it, or set"
                    + " writerflow.jsRuntime=graaljs to read the schema inside the JVM.", cause);
        }
    }

    private static final int TOO_OLD = 3;
    /** Node's report of a syntax error: "file:///path:LINE", the line, a caret line, "SyntaxError: ...". */
    private static final Pattern SYNTAX_REPORT = Pattern.compile(
            "^(file:\\S+):(\\d+)\\R.*\\R([ \\t]*)\\^[^\\n]*\\R(?:\\R)?SyntaxError: ([^\\n]*)", Pattern.MULTILINE);

    private final Path executable;
    private final TranspileCache cache;
    private final OnDemandDependencies dependencies;

    NodeSchemaEvaluator(Path executable, TranspileCache cache, OnDemandDependencies dependencies) {
        this.executable = executable;
        this.cache = cache;
        this.dependencies = dependencies;
    }

    /** The executable the {@code writerflow.node} setting names: a path, or a command looked up on PATH. */
    static Optional<Path> find(String setting) {
        if (setting.contains("/") || setting.contains(File.separator)) {
            Path path = Path.of(setting);
            return Files.isExecutable(path) ? Optional.of(path) : Optional.empty();
        }
        boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String directory : path.split(File.pathSeparator)) {
            for (String name : windows ? List.of(setting + ".exe", setting + ".cmd", setting) : List.of(setting)) {
                Path candidate = Path.of(directory.isEmpty() ? "." : directory).resolve(name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public Evaluation evaluate(Program program) {
        Path directory = null;
        try {
            directory = Files.createTempDirectory("writerflow-node-");
            // Node.js maps stacks to TypeScript lines only with --enable-source-maps, which costs every module's
            // map being read as it loads: only a failure needs them, so a failing TypeScript program runs again
            Evaluation evaluation = run(program, directory, false);
            return evaluation instanceof Failure && program.hasTypeScript() ? run(program, directory, true)
                    : evaluation;
        } catch (IOException e) {
            throw new Unavailable("Cannot prepare the files Node.js reads the schema with in "
                    + (directory == null ? System.getProperty("java.io.tmpdir") : directory) + ": " + e, e);
        } finally {
            deleteQuietly(directory);
        }
    }

    private Evaluation run(Program program, Path directory, boolean sourceMaps) throws IOException {
        Files.deleteIfExists(directory.resolve("result.json"));
        Files.deleteIfExists(directory.resolve("error.json"));
        Files.deleteIfExists(directory.resolve("imported.txt"));
        for (String name : VirtualModules.RESOURCES) {
            Files.write(directory.resolve(name), VirtualModules.resource(name));
        }
        // the plugin's .js modules are ES modules, for the module hooks' own imports too
        Files.writeString(directory.resolve("package.json"), "{\"type\": \"module\"}\n");
        VirtualModules modules = new VirtualModules(directory, program.graph().packageImports(), Map.of());
        for (Map.Entry<Path, byte[]> standIn : modules.packageStandIns().entrySet()) {
            Files.write(standIn.getKey(), standIn.getValue());
        }
        Files.writeString(directory.resolve(VirtualModules.PROGRAM),
                program.module(file -> file.toUri().toString(), name -> "./" + name, false), StandardCharsets.UTF_8);
        Files.writeString(directory.resolve("program.json"), programJson(program, modules), StandardCharsets.UTF_8);

        Process process;
        try {
            // --no-warnings: Node's notes on its own experimental features (module hooks among them, in some
            // versions) are not the build's business; --enable-source-maps: stacks name TypeScript lines
            List<String> command = new ArrayList<>(List.of(executable.toString(), "--no-warnings"));
            if (sourceMaps) {
                command.add("--enable-source-maps");
            }
            command.addAll(List.of(directory.resolve("node-main.mjs").toString(), directory.toString()));
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(program.directory().toFile())
                    .redirectErrorStream(true);
            builder.environment().clear();
            builder.environment().putAll(program.environment());
            // NODE_OPTIONS may load a TypeScript loader or other hooks of the project's own: the schema reads
            // the same on every machine only without them
            builder.environment().remove("NODE_OPTIONS");
            process = builder.start();
        } catch (IOException e) {
            throw new Unavailable("Cannot run Node.js (" + executable + ") to read the schema: " + e.getMessage(), e);
        }
        String output;
        int exit;
        try {
            process.getOutputStream().close();
            output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            exit = process.waitFor();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new WriterflowException("Interrupted while Node.js read the schema.", "Run the build again.", e);
        } finally {
            process.destroy();
        }
        if (exit == TOO_OLD && output.startsWith("writerflow: Node.js")) {
            throw new Unavailable(output.strip().replaceFirst("^writerflow: ", ""), null);
        }
        Path result = directory.resolve("result.json");
        Path error = directory.resolve("error.json");
        if (exit != 0 || !Files.isRegularFile(result) && !Files.isRegularFile(error)) {
            Matcher syntax = SYNTAX_REPORT.matcher(output);
            if (syntax.find()) {
                return new Failure(syntaxError(syntax));
            }
            return new Failure(new ScriptError(ScriptError.Kind.INTERNAL, "Node.js exited with code " + exit
                    + (output.isBlank() ? "" : ": " + output.strip()), Optional.empty(), Optional.empty(), null));
        }
        // the schema's own console output, which the build shows as it would show drizzle-kit's
        if (!output.isEmpty()) {
            System.err.print(output);
        }
        if (Files.isRegularFile(result)) {
            return new Snapshot(Files.readString(result, StandardCharsets.UTF_8),
                    imported(directory.resolve("imported.txt")));
        }
        return new Failure(errorOf(JsonFiles.parse(Files.readString(error, StandardCharsets.UTF_8),
                error.toString())));
    }

    /** What node-hooks.mjs needs: every scanned import as a URL, the given texts, the transpilers. */
    private String programJson(Program program, VirtualModules modules) {
        StringBuilder json = new StringBuilder("{\n\"resolutions\": {");
        boolean firstFile = true;
        for (var byFile : program.graph().resolutions().entrySet()) {
            json.append(firstFile ? "\n" : ",\n").append(VirtualModules.jsString(byFile.getKey().toString())).append(": {");
            firstFile = false;
            boolean first = true;
            for (var resolution : byFile.getValue().entrySet()) {
                json.append(first ? "" : ", ").append(VirtualModules.jsString(resolution.getKey())).append(": ")
                        .append(url(resolution.getValue(), modules));
                first = false;
            }
            json.append('}');
        }
        json.append("},\n\"sources\": {");
        boolean first = true;
        for (var source : program.sources().entrySet()) {
            json.append(first ? "" : ",\n").append(VirtualModules.jsString(source.getKey().toString())).append(": ")
                    .append(VirtualModules.jsString(source.getValue()));
            first = false;
        }
        json.append("},\n\"decorators\": [")
                .append(String.join(", ", program.decorators().stream().map(p -> VirtualModules.jsString(p.toString()))
                        .toList()))
                .append("],\n\"transpiled\": ")
                .append(cache.directory().map(d -> VirtualModules.jsString(d.toString())).orElse("null"));
        if (program.hasTypeScript()) {
            json.append(",\n\"typescript\": ")
                    .append(VirtualModules.jsString(TypeScriptCompiler.forNode(dependencies).toString()))
                    .append(",\n\"typescriptId\": ").append(VirtualModules.jsString(TypeScriptCompiler.id()))
                    .append(",\n\"esbuild\": ").append(esbuild(program).map(p -> VirtualModules.jsString(p.toString()))
                            .orElse("null"));
        }
        return json.append("\n}\n").toString();
    }

    private static String url(Resolution resolution, VirtualModules modules) {
        if (resolution instanceof Resolution.ProjectFile file) {
            return VirtualModules.jsString(file.file().toUri().toString());
        }
        if (resolution instanceof Resolution.Drizzle drizzle) {
            // drizzle-orm's other entry points (drizzle-orm/libsql, ...) export nothing here, as under GraalJS
            boolean facade = drizzle.specifier().equals("drizzle-orm") || drizzle.specifier().equals("drizzle-orm/sqlite-core");
            return VirtualModules.jsString(facade ? modules.pathOf(drizzle.specifier()).toUri().toString()
                    : "data:text/javascript,export%20%7B%7D%3B");
        }
        if (resolution instanceof Resolution.Package pkg) {
            return VirtualModules.jsString(modules.pathOf(pkg.specifier()).toUri().toString());
        }
        if (resolution instanceof Resolution.Builtin builtin) {
            return VirtualModules.jsString("node:" + builtin.name());
        }
        return "null";
    }

    /** The project's own esbuild (drizzle-kit's transpiler, in every drizzle project's node_modules), if any. */
    private static Optional<Path> esbuild(Program program) {
        for (Path dir = program.graph().entries().get(0).getParent(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("node_modules/esbuild");
            if (Files.isRegularFile(candidate.resolve("package.json"))) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static ScriptError errorOf(JsonNode error) {
        String message = error.path("message").asText();
        Optional<ScriptError.Frame> frame = Optional.ofNullable(error.get("frame")).map(f -> new ScriptError.Frame(
                f.path("path").asText(), f.path("line").asInt(), f.path("column").asInt()));
        if (error.has("stack")) {
            Matcher syntax = SYNTAX_REPORT.matcher(error.path("stack").asText());
            return syntax.find() ? syntaxError(syntax) : new ScriptError(ScriptError.Kind.SYNTAX, message, frame,
                    Optional.empty(), null);
        }
        if (error.path("name").asText().equals("TranspileError")) {
            return new ScriptError(ScriptError.Kind.SYNTAX, message, frame, Optional.empty(), null);
        }
        if (error.path("name").asText().equals("WriterflowError")) {
            return new ScriptError("unsupported".equals(error.path("kind").asText()) ? ScriptError.Kind.UNSUPPORTED
                    : ScriptError.Kind.INVALID, message, frame,
                    Optional.ofNullable(error.get("at")).map(JsonNode::asText), null);
        }
        if (frame.isEmpty() && ScriptFailures.isMissingModule(message)) {
            return new ScriptError(ScriptError.Kind.MODULE_NOT_FOUND, message.replaceFirst("^Error: ", ""),
                    Optional.empty(), Optional.empty(), null);
        }
        return new ScriptError(ScriptError.Kind.THROWN, message, frame, Optional.empty(), null);
    }

    private static ScriptError syntaxError(Matcher report) {
        String path = Path.of(URI.create(report.group(1))).toString();
        ScriptError.Frame frame = new ScriptError.Frame(path, Integer.parseInt(report.group(2)),
                report.group(3).length() + 1);
        return new ScriptError(ScriptError.Kind.SYNTAX, report.group(4), Optional.of(frame), Optional.empty(), null);
    }

    private static Set<Path> imported(Path log) throws IOException {
        if (!Files.isRegularFile(log)) {
            return Set.of();
        }
        Set<Path> files = new LinkedHashSet<>();
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            if (!line.isEmpty()) {
                files.add(Path.of(line).toAbsolutePath().normalize());
            }
        }
        return files;
    }

    private static void deleteQuietly(Path directory) {
        if (directory == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a temporary directory left behind is no reason to fail the build
        }
    }
}
