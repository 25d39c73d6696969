package io.writerflow.maven.schema.drizzle.modules;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Resolves the schema's imports as drizzle-kit's loader does: relative files with the extension lookups of
 * {@link SourceFiles}; tsconfig.json {@code paths} and {@code baseUrl} of the nearest tsconfig above the
 * importing file; workspace packages and packages that publish TypeScript, through node_modules
 * ({@link WorkspacePackages}); Node.js built-ins; drizzle-orm and any other package to the plugin's stand-ins.
 */
public final class ModuleResolver {

    /** Node.js 20's built-in modules ({@code module.builtinModules}), importable with or without {@code node:}. */
    static final Set<String> BUILTINS = Set.of("assert", "assert/strict", "async_hooks", "buffer", "child_process",
            "cluster", "console", "constants", "crypto", "dgram", "diagnostics_channel", "dns", "dns/promises",
            "domain", "events", "fs", "fs/promises", "http", "http2", "https", "inspector", "inspector/promises",
            "module", "net", "os", "path", "path/posix", "path/win32", "perf_hooks", "process", "punycode",
            "querystring", "readline", "readline/promises", "repl", "stream", "stream/consumers", "stream/promises",
            "stream/web", "string_decoder", "sys", "timers", "timers/promises", "tls", "trace_events", "tty", "url",
            "util", "util/types", "v8", "vm", "wasi", "worker_threads", "zlib");

    private final TsConfigs tsConfigs = new TsConfigs();

    /** Whether {@code specifier} is a Node.js built-in module's bare name ({@code crypto}, {@code fs/promises}). */
    public static boolean isBuiltin(String specifier) {
        return BUILTINS.contains(specifier);
    }

    public static boolean isDrizzle(String specifier) {
        return specifier.equals("drizzle-orm") || specifier.startsWith("drizzle-orm/");
    }

    public Resolution resolve(Path importer, String specifier) {
        if (specifier.startsWith("node:")) {
            return new Resolution.Builtin(specifier.substring("node:".length()));
        }
        if (SourceFiles.isPathSpecifier(specifier)) {
            Path wanted = importer.toAbsolutePath().getParent().resolve(specifier).normalize();
            return SourceFiles.find(wanted).<Resolution>map(Resolution.ProjectFile::new)
                    .orElseGet(() -> new Resolution.Missing(specifier, SourceFiles.candidates(wanted),
                            "relative to the importing file"));
        }
        if (BUILTINS.contains(specifier)) {
            return new Resolution.Builtin(specifier);
        }
        if (isDrizzle(specifier)) {
            return new Resolution.Drizzle(specifier);
        }
        List<Path> looked = new ArrayList<>();
        Optional<TsConfig> tsConfig = tsConfigs.governing(importer);
        if (tsConfig.isPresent()) {
            for (Path candidate : tsConfig.get().pathCandidates(specifier)) {
                Optional<Path> file = SourceFiles.find(candidate);
                if (file.isPresent()) {
                    return new Resolution.ProjectFile(file.get());
                }
                looked.addAll(SourceFiles.candidates(candidate));
            }
            Optional<Path> fromBase = tsConfig.get().baseUrlCandidate(specifier).flatMap(SourceFiles::find);
            if (fromBase.isPresent()) {
                return new Resolution.ProjectFile(fromBase.get());
            }
        }
        Optional<Path> workspace = WorkspacePackages.sourceFile(importer, specifier);
        if (workspace.isPresent()) {
            return new Resolution.ProjectFile(workspace.get());
        }
        if (!looked.isEmpty() && !installed(importer, specifier)) {
            // a tsconfig alias that leads nowhere is a broken import, not an npm package
            return new Resolution.Missing(specifier, looked, "through the \"paths\" of " + tsConfig.get().file());
        }
        return new Resolution.Package(specifier);
    }

    /** The tsconfig.json governing {@code file}, whose settings also shape its transpilation. */
    public Optional<TsConfig> tsConfig(Path file) {
        return tsConfigs.governing(file);
    }

    private static boolean installed(Path importer, String specifier) {
        return WorkspacePackages.installed(importer, packageName(specifier)).isPresent();
    }

    /** The package a bare specifier names: {@code @scope/name} or {@code name}, without a subpath. */
    public static String packageName(String specifier) {
        return WorkspacePackages.packageName(specifier);
    }
}
