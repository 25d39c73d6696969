package io.writerflow.maven.schema.drizzle;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * TypeScript's compiler running in GraalJS, for the GraalJS runtime: one context per schema load, created
 * when the first TypeScript file is not in the transpile cache. Interpreted on a stock JDK, loading the
 * compiler costs seconds, which the cache saves on every later run.
 */
final class GraalTypeScript implements AutoCloseable {

    /** What transpiling a file gives: its JavaScript ({@link Transpiled}) or a syntax error. */
    sealed interface Outcome permits Transpiled, Failure {
    }

    /** A syntax error the compiler reported: 1-based line and column. */
    record Failure(int line, int column, String message) implements Outcome {
    }

    private final TranspileCache cache;
    private final OnDemandDependencies dependencies;
    private Context context;
    private Value transpile;
    private Value compiler;

    GraalTypeScript(TranspileCache cache, OnDemandDependencies dependencies) {
        this.cache = cache;
        this.dependencies = dependencies;
    }

    /** The file as JavaScript, or the compiler's syntax error. */
    Outcome transpile(Path file, String source, boolean decorators) {
        String key = TranspileCache.key(TypeScriptCompiler.id(), decorators, file, source);
        var cached = cache.lookup(key);
        if (cached.isPresent()) {
            return cached.get();
        }
        Value result = transpileFunction().execute(compiler, source, file.toString(),
                context.eval("js", "({ experimentalDecorators: " + decorators + " })"));
        if (result.hasMember("error") && !result.getMember("error").isNull()) {
            Value error = result.getMember("error");
            return new Failure(error.getMember("line").asInt(), error.getMember("column").asInt(),
                    error.getMember("message").asString());
        }
        Transpiled transpiled = Transpiled.of(result.getMember("code").asString(), result.getMember("map").asString());
        cache.store(key, transpiled);
        return transpiled;
    }

    private Value transpileFunction() {
        if (transpile == null) {
            Thread thread = Thread.currentThread();
            ClassLoader previous = thread.getContextClassLoader();
            thread.setContextClassLoader(GraalTypeScript.class.getClassLoader());
            try {
                context = Context.newBuilder("js").option("engine.WarnInterpreterOnly", "false")
                        .option("js.esm-eval-returns-exports", "true").build();
                context.eval("js", "var module = { exports: {} }; var exports = module.exports;");
                try (Reader reader = new InputStreamReader(TypeScriptCompiler.script(dependencies).openStream(),
                        StandardCharsets.UTF_8)) {
                    context.eval(Source.newBuilder("js", reader, "typescript.js").build());
                }
                compiler = context.eval("js", "module.exports");
                transpile = context.eval(Source.newBuilder("js", new String(
                                VirtualModules.resource("typescript-transpile.js"), StandardCharsets.UTF_8),
                        "typescript-transpile.mjs").mimeType("application/javascript+module").build())
                        .getMember("transpileTypeScript");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                thread.setContextClassLoader(previous);
            }
        }
        return transpile;
    }

    @Override
    public void close() {
        if (context != null) {
            context.close();
        }
    }
}
