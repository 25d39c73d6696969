package io.writerflow.maven.schema.drizzle;

import com.fasterxml.jackson.databind.JsonNode;
import io.writerflow.maven.WriterflowException;
import io.writerflow.maven.schema.JsonFiles;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
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

    private static final List<String> RESOURCES = List.of("recorder.js", "query-builder.js", "drizzle-orm.js",
            "sqlite-core.js", "node-hooks.mjs", "node-main.mjs");
    private static final int TOO_OLD = 3;
    /** Node's report of a syntax error: "file:///path:LINE", the line, a caret line, "SyntaxError: ...". */
    private static final Pattern SYNTAX_REPORT = Pattern.compile(
            "^(file:\\S+):(\\d+)\\R.*\\R([ \\t]*)\\^[^\\n]*\\R(?:\\R)?SyntaxError: ([^\\n]*)", Pattern.MULTILINE);

    private final Path executable;

    NodeSchemaEvaluator(Path executable) {
        this.executable = executable;
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
    public Evaluation evaluate(Script script) {
        Path directory = null;
        try {
            directory = Files.createTempDirectory("writerflow-node-");
            return run(script, directory);
        } catch (IOException e) {
            throw new Unavailable("Cannot prepare the files Node.js reads the schema with in "
                    + (directory == null ? System.getProperty("java.io.tmpdir") : directory) + ": " + e, e);
        } finally {
            deleteQuietly(directory);
        }
    }

    private Evaluation run(Script script, Path directory) throws IOException {
        for (String name : RESOURCES) {
            Files.write(directory.resolve(name), VirtualModules.resource(name));
        }
        Files.writeString(directory.resolve("schema-source.js"), script.source(), StandardCharsets.UTF_8);
        VirtualModules modules = new VirtualModules(directory, script.packageImports());
        StringBuilder served = new StringBuilder();
        for (String specifier : List.of("drizzle-orm", "drizzle-orm/sqlite-core")) {
            served.append(specifier).append('\t').append(modules.pathOf(specifier)).append('\n');
        }
        for (String specifier : modules.packageSpecifiers()) {
            Path file = modules.pathOf(specifier);
            Files.write(file, modules.content(file).orElseThrow());
            served.append(specifier).append('\t').append(file).append('\n');
        }
        Files.writeString(directory.resolve("modules.tsv"), served, StandardCharsets.UTF_8);

        Process process;
        try {
            // --no-warnings: Node's notes on its own experimental features (module hooks among them, in some
            // versions) are not the build's business
            ProcessBuilder builder = new ProcessBuilder(executable.toString(), "--no-warnings",
                    directory.resolve("node-main.mjs").toString(), directory.toString(), script.entry().toString())
                    .redirectErrorStream(true);
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
        Path snapshot = directory.resolve("snapshot.json");
        Path error = directory.resolve("error.json");
        if (exit != 0 || !Files.isRegularFile(snapshot) && !Files.isRegularFile(error)) {
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
        if (Files.isRegularFile(snapshot)) {
            return new Snapshot(Files.readString(snapshot, StandardCharsets.UTF_8),
                    imported(directory.resolve("imported.txt")));
        }
        return new Failure(errorOf(JsonFiles.parse(Files.readString(error, StandardCharsets.UTF_8),
                error.toString())));
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
