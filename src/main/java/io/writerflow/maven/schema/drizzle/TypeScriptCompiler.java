package io.writerflow.maven.schema.drizzle;

import io.writerflow.maven.WriterflowException;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Optional;

/**
 * TypeScript's own compiler, {@code typescript.js} from the {@code org.webjars.npm:typescript} jar, put on the
 * plugin's class path when first needed ({@link OnDemandDependencies}): what transpiles the schema's TypeScript
 * where the project has no esbuild, and always under GraalJS. Node.js reads it from a file, extracted once per
 * version into the user's cache directory
 * ({@code $XDG_CACHE_HOME/writerflow} or {@code ~/.cache/writerflow}), where Node.js also keeps its compiled
 * code (V8's code cache), which makes loading the 9 MB compiler take about 50 ms instead of 250 ms.
 */
final class TypeScriptCompiler {

    private TypeScriptCompiler() {
    }

    /** The compiler's version, which names it in transpile-cache keys: the one the plugin was built with. */
    static String version() {
        return OnDemandVersions.typeScript();
    }

    /** An id for transpile-cache keys: which compiler wrote the output. */
    static String id() {
        return "typescript@" + version();
    }

    static URL script(OnDemandDependencies dependencies) {
        dependencies.require(OnDemandDependencies.Group.TYPESCRIPT);
        URL url = loader().getResource("META-INF/resources/webjars/typescript/" + version() + "/lib/typescript.js");
        if (url == null) {
            throw missing();
        }
        return url;
    }

    /** The compiler as a file for Node.js, extracted when not there yet; and the directory for its code cache. */
    static Path forNode(OnDemandDependencies dependencies) {
        String version = version();
        for (Path base : cacheBases()) {
            Path directory = base.resolve("writerflow").resolve("typescript-" + version);
            Path file = directory.resolve("typescript.js");
            if (Files.isRegularFile(file)) {
                return file;
            }
            try {
                Files.createDirectories(directory);
                Path partial = Files.createTempFile(directory, "typescript", ".partial");
                try (InputStream in = script(dependencies).openStream()) {
                    Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
                }
                Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                return file;
            } catch (IOException e) {
                // not writable here: try the next place
            }
        }
        throw new WriterflowException("Cannot write TypeScript's compiler (to transpile the schema) to "
                + cacheBases().get(0) + " or the temporary directory.",
                "Make ~/.cache writable (or set XDG_CACHE_HOME to a writable directory).");
    }

    private static java.util.List<Path> cacheBases() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Optional<Path> home = Optional.ofNullable(System.getProperty("user.home")).filter(h -> !h.isBlank())
                .map(h -> Path.of(h, System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("mac")
                        ? "Library/Caches" : ".cache"));
        java.util.List<Path> bases = new java.util.ArrayList<>();
        if (xdg != null && !xdg.isBlank()) {
            bases.add(Path.of(xdg));
        }
        home.ifPresent(bases::add);
        bases.add(Path.of(System.getProperty("java.io.tmpdir")));
        return bases;
    }

    private static ClassLoader loader() {
        return TypeScriptCompiler.class.getClassLoader();
    }

    private static WriterflowException missing() {
        return new WriterflowException("TypeScript's compiler (org.webjars.npm:typescript " + version() + ") is"
                + " missing from the class path.", "Put org.webjars.npm:typescript:" + version() + " on the class"
                + " path of the program that runs writerflow (inside Maven the plugin resolves it itself).");
    }
}
