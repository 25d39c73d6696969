package io.writerflow.maven.schema.drizzle;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.SourceSection;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.IOAccess;
import org.graalvm.polyglot.proxy.ProxyExecutable;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Evaluates the program in GraalJS, inside the plugin's JVM: needs nothing installed, but on a stock JDK
 * GraalJS only interprets, which costs about 2 s to start and 2 s more for a 300-table schema (TypeScript's
 * compiler, when a file is not in the transpile cache, seconds more). The engine sees a read-only file system
 * ({@link ModuleFileSystem}), Node.js's globals and built-ins as {@code node-builtins.js} implements them, and
 * no host access or processes. Each evaluation uses its own engine and context.
 */
final class GraalSchemaEvaluator implements SchemaEvaluator {

    private static final String MODULE_MIME_TYPE = "application/javascript+module";
    private static final Pattern PARSER_MESSAGE = Pattern.compile("^SyntaxError: .*?:\\d+:\\d+ (.*)$", Pattern.DOTALL);
    private static final Pattern SITE = Pattern.compile("^(.*):(\\d+):(\\d+)$");

    private final TranspileCache cache;
    private final OnDemandDependencies dependencies;

    /** Only once {@link OnDemandDependencies.Group#GRAALJS} is on the class path. */
    GraalSchemaEvaluator(TranspileCache cache, OnDemandDependencies dependencies) {
        this.cache = cache;
        this.dependencies = dependencies;
    }

    @Override
    public Evaluation evaluate(Program program) {
        Path root = program.graph().entries().get(0).getRoot().resolve("__writerflow__");
        try (GraalTypeScript typeScript = new GraalTypeScript(cache, dependencies)) {
            return evaluate(program, root, new TypeScriptFiles(program, typeScript));
        }
    }

    private Evaluation evaluate(Program program, Path root, TypeScriptFiles transpiled) {
        Map<String, byte[]> generated = new HashMap<>();
        String programModule = program.module(Path::toString, name -> root.resolve(name).toString(), true);
        generated.put(VirtualModules.PROGRAM, programModule.getBytes(StandardCharsets.UTF_8));
        generated.put(VirtualModules.PRELUDE, ("import { installGlobals } from \"./node-builtins.js\";\n"
                + "installGlobals(" + jsonObject(program.environment()) + ", "
                + VirtualModules.jsString(program.directory().toString()) + ");\n").getBytes(StandardCharsets.UTF_8));
        VirtualModules modules = new VirtualModules(root, program.graph().packageImports(), generated);
        ModuleFileSystem fileSystem = new ModuleFileSystem(modules, program, transpiled);
        // Truffle finds the JavaScript language through the context class loader; inside Maven that is not
        // the plugin's class loader unless set
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(GraalSchemaEvaluator.class.getClassLoader());
        try (Context context = newContext(fileSystem)) {
            context.getBindings("js").putMember("__writerflowReadFile", (ProxyExecutable) args -> readText(
                    args[0].asString()));
            try {
                Value result = context.eval(Source.newBuilder("js", root.resolve(VirtualModules.PROGRAM).toFile())
                        .content(programModule).mimeType(MODULE_MIME_TYPE).build()).getMember("default");
                return new Snapshot(result.asString(), fileSystem.filesRead());
            } catch (PolyglotException e) {
                if (transpiled.failure().isPresent()) {
                    return new Failure(transpiled.failure().get());
                }
                return new Failure(mapped(errorOf(e, modules), transpiled));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // the program is served from memory: nothing is read here
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** A text file's content for dotenv's stand-in, or undefined (null) when it cannot be read. */
    private static String readText(String path) {
        try {
            return Files.readString(Path.of(path), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static String jsonObject(Map<String, String> values) {
        StringBuilder json = new StringBuilder("{");
        values.forEach((key, value) -> json.append(json.length() > 1 ? ", " : "").append(VirtualModules.jsString(key))
                .append(": ").append(VirtualModules.jsString(value)));
        return json.append('}').toString();
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

    /** The error with its positions in TypeScript files moved from the JavaScript GraalJS ran to the source. */
    private static ScriptError mapped(ScriptError error, TypeScriptFiles transpiled) {
        Optional<ScriptError.Frame> frame = error.frame().map(f -> {
            Transpiled code = transpiled.get(Path.of(f.path()));
            Optional<SourceMap> map = code == null ? Optional.empty() : code.map();
            if (map.isEmpty() || error.kind() == ScriptError.Kind.SYNTAX) {
                return f;
            }
            int[] original = map.get().original(f.line(), f.column());
            return new ScriptError.Frame(f.path(), original[0], original[1]);
        });
        Optional<String> at = error.at().map(site -> {
            Matcher m = SITE.matcher(site);
            Transpiled code = m.matches() ? transpiled.get(Path.of(m.group(1))) : null;
            Optional<SourceMap> map = code == null ? Optional.empty() : code.map();
            if (map.isEmpty()) {
                return site;
            }
            int[] original = map.get().original(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            return m.group(1) + ":" + original[0] + ":" + original[1];
        });
        return new ScriptError(error.kind(), error.message(), frame, at, error.cause());
    }

    private static ScriptError errorOf(PolyglotException e, VirtualModules modules) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (e.isSyntaxError()) {
            Matcher parser = PARSER_MESSAGE.matcher(message);
            return new ScriptError(ScriptError.Kind.SYNTAX,
                    parser.matches() ? parser.group(1) : message.replaceFirst("^SyntaxError: ", ""),
                    frameOf(e.getSourceLocation(), modules), Optional.empty(), e);
        }
        if (e.isGuestException() && !e.isHostException()) {
            Value error = e.getGuestObject();
            if (error != null && error.hasMember("kind") && "WriterflowError".equals(member(error, "name"))) {
                return new ScriptError("unsupported".equals(member(error, "kind")) ? ScriptError.Kind.UNSUPPORTED
                        : ScriptError.Kind.INVALID, member(error, "message"), userFrame(e, modules),
                        Optional.ofNullable(member(error, "at")), e);
            }
            if (ScriptFailures.isMissingModule(message) && e.getSourceLocation() == null) {
                return new ScriptError(ScriptError.Kind.MODULE_NOT_FOUND, ScriptFailures.firstLine(message),
                        Optional.empty(), Optional.empty(), e);
            }
            return new ScriptError(ScriptError.Kind.THROWN, ScriptFailures.firstLine(message), userFrame(e, modules),
                    Optional.empty(), e);
        }
        if (e.isCancelled() || e.isExit() || e.isResourceExhausted()) {
            return new ScriptError(ScriptError.Kind.STOPPED, message, Optional.empty(), Optional.empty(), e);
        }
        return new ScriptError(ScriptError.Kind.INTERNAL, message, Optional.empty(), Optional.empty(), e);
    }

    /** The innermost frame in the user's files. */
    private static Optional<ScriptError.Frame> userFrame(PolyglotException e, VirtualModules modules) {
        for (PolyglotException.StackFrame frame : e.getPolyglotStackTrace()) {
            Optional<ScriptError.Frame> user = frame.isGuestFrame() ? frameOf(frame.getSourceLocation(), modules)
                    : Optional.empty();
            if (user.isPresent()) {
                return user;
            }
        }
        return frameOf(e.getSourceLocation(), modules);
    }

    private static Optional<ScriptError.Frame> frameOf(SourceSection section, VirtualModules modules) {
        if (section == null || section.getSource() == null || section.getSource().getPath() == null
                || modules.contains(Path.of(section.getSource().getPath()))) {
            return Optional.empty();
        }
        return Optional.of(new ScriptError.Frame(section.getSource().getPath(), section.getStartLine(),
                section.getStartColumn()));
    }

    private static String member(Value object, String name) {
        Value value = object.getMember(name);
        return value == null || value.isNull() ? null : value.isString() ? value.asString() : value.toString();
    }
}
