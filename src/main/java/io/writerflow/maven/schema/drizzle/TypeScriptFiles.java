package io.writerflow.maven.schema.drizzle;

import io.writerflow.maven.schema.drizzle.modules.SourceFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The program's TypeScript files as GraalJS reads them: transpiled when the engine first loads one (a file
 * imported only for its types is never loaded, as under drizzle-kit), kept for mapping positions back, and
 * the first syntax error kept for the message (the engine itself only learns that the file cannot be read).
 */
final class TypeScriptFiles {

    private final Program program;
    private final GraalTypeScript compiler;
    private final Map<Path, Transpiled> done = new ConcurrentHashMap<>();
    private volatile ScriptError failure;

    TypeScriptFiles(Program program, GraalTypeScript compiler) {
        this.program = program;
        this.compiler = compiler;
    }

    /** The file as JavaScript; an IOException (with the syntax error kept) when it does not transpile. */
    Transpiled load(Path file) throws IOException {
        Transpiled known = done.get(file);
        if (known != null) {
            return known;
        }
        String given = program.sourceOf(file);
        String source = given != null ? given : Files.readString(file, StandardCharsets.UTF_8);
        GraalTypeScript.Outcome result = compiler.transpile(file, source, program.decorators().contains(file));
        if (result instanceof GraalTypeScript.Failure error) {
            if (failure == null) {
                failure = new ScriptError(ScriptError.Kind.SYNTAX, error.message(),
                        Optional.of(new ScriptError.Frame(file.toString(), error.line(), error.column())),
                        Optional.empty(), null);
            }
            throw new IOException(file + ":" + error.line() + ":" + error.column() + ": " + error.message());
        }
        done.put(file, (Transpiled) result);
        return (Transpiled) result;
    }

    static boolean handles(Path file) {
        return SourceFiles.isTypeScript(file);
    }

    /** A file loaded so far, for mapping positions in it. */
    Transpiled get(Path file) {
        return done.get(file);
    }

    Optional<ScriptError> failure() {
        return Optional.ofNullable(failure);
    }
}
