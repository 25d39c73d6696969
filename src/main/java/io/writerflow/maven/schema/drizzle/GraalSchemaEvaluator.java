package io.writerflow.maven.schema.drizzle;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.SourceSection;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.IOAccess;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Evaluates schema.js in GraalJS, inside the plugin's JVM: needs nothing installed, but on a stock JDK
 * GraalJS only interprets, which costs about 2 s to start and 2 s more for a 300-table schema. The engine
 * sees a read-only file system ({@link ModuleFileSystem}) and no host access, environment or processes.
 * Each evaluation uses its own engine and context.
 */
final class GraalSchemaEvaluator implements SchemaEvaluator {

    private static final String MODULE_MIME_TYPE = "application/javascript+module";
    private static final Pattern PARSER_MESSAGE = Pattern.compile("^SyntaxError: .*?:\\d+:\\d+ (.*)$", Pattern.DOTALL);

    @Override
    public Evaluation evaluate(Script script) {
        VirtualModules modules = new VirtualModules(script.entry().getRoot().resolve("__writerflow__"),
                script.packageImports());
        ModuleFileSystem fileSystem = new ModuleFileSystem(modules, script.entry(),
                script.source().getBytes(StandardCharsets.UTF_8));
        // Truffle finds the JavaScript language through the context class loader; inside Maven that is not
        // the plugin's class loader unless set
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(GraalSchemaEvaluator.class.getClassLoader());
        try (Context context = newContext(fileSystem)) {
            try {
                Value exports = context.eval(Source.newBuilder("js", script.entry().toFile())
                        .content(script.source()).mimeType(MODULE_MIME_TYPE).build());
                Value snapshot = context.eval(Source.newBuilder("js",
                        "export { snapshot as default } from \"" + VirtualModules.RECORDER_SPECIFIER + "\";\n",
                        "writerflow-snapshot.mjs").mimeType(MODULE_MIME_TYPE).build()).getMember("default");
                return new Snapshot(snapshot.execute(exports).asString(), fileSystem.filesRead());
            } catch (PolyglotException e) {
                return new Failure(errorOf(e, modules));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // the source is given as text: nothing is read here
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
