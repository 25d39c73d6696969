package io.writerflow.maven.schema.drizzle.modules;

import java.nio.file.Path;
import java.util.List;

/** What an import in the schema's code means. */
public sealed interface Resolution {

    /** A file of the project (or of a workspace package), read and run as it is, TypeScript transpiled. */
    record ProjectFile(Path file) implements Resolution {
    }

    /** drizzle-orm or one of its entry points: the plugin's drizzle stand-in. */
    record Drizzle(String specifier) implements Resolution {
    }

    /** A package from npm: a stand-in whose exports absorb any use (node_modules is not loaded). */
    record Package(String specifier) implements Resolution {
    }

    /** A Node.js built-in module, by its name without {@code node:}. */
    record Builtin(String name) implements Resolution {
    }

    /** Nothing: {@code looked} lists the files tried, for the message. */
    record Missing(String specifier, List<Path> looked, String how) implements Resolution {
        public Missing {
            looked = List.copyOf(looked);
        }
    }
}
