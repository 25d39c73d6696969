package io.writerflow.maven.schema.drizzle;

import java.util.Optional;

/**
 * What went wrong while a JavaScript runtime evaluated the schema, in the terms both runtimes share, for
 * {@link ScriptFailures} to word. Frames inside the plugin's own modules are never {@code frame}.
 *
 * @param kind    what sort of failure
 * @param message the runtime's message: for {@link Kind#SYNTAX} the parser's words only, for
 *                {@link Kind#THROWN} the error as JavaScript prints it ("TypeError: ..."), for
 *                {@link Kind#UNSUPPORTED} and {@link Kind#INVALID} the stand-in's sentence
 * @param frame   where in the user's files: the syntax error, the innermost user frame of a thrown error
 * @param at      for the stand-in's failures: the call site it recorded, "path:line:column", when it did
 * @param cause   the runtime's own exception, when there is one
 */
record ScriptError(Kind kind, String message, Optional<Frame> frame, Optional<String> at, Throwable cause) {

    enum Kind {
        /** The schema or a file it imports does not parse, or an import names something not exported. */
        SYNTAX,
        /** The schema uses drizzle API that the plugin's stand-in does not implement. */
        UNSUPPORTED,
        /** The drizzle stand-in found the schema wrong, as drizzle-kit would (or should) have. */
        INVALID,
        /** An import names a file that is not there, a URL or a Node.js built-in module. */
        MODULE_NOT_FOUND,
        /** The schema's own code threw. */
        THROWN,
        /** The evaluation was stopped (cancelled, exited, out of resources). */
        STOPPED,
        /** The runtime itself failed. */
        INTERNAL
    }

    /** A place in a file, as the runtime reports it: an absolute path, 1-based line and column. */
    record Frame(String path, int line, int column) {
    }

    ScriptError {
        message = message == null ? "" : message;
    }
}
