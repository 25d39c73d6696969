package io.writerflow.maven.schema.drizzle.modules;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The schema's modules as drizzle-kit's loader would find them, scanned before anything runs: the project
 * files reached from the entries, what each import resolves to, the names imported from each package (its
 * stand-in must export them before the importing modules link), and each file's {@code export * from}
 * targets (drizzle-kit lists a module's own exports before those).
 *
 * @param entries        the schema files, in the order drizzle-kit reads them
 * @param files          every project file reached, entries first
 * @param resolutions    per file: specifier to what it means
 * @param packageImports package specifier (or {@code node:name} for a built-in module) to the names imported
 *                       from it
 * @param starExports    per file: the project files it re-exports with {@code export * from}, in order
 * @param packageReExports per file: the packages it re-exports from ({@code export { x } from "pkg"},
 *                       {@code export * from "pkg"}), which get stand-ins, in order
 */
public record ModuleGraph(List<Path> entries, List<Path> files, Map<Path, Map<String, Resolution>> resolutions,
                          Map<String, Set<String>> packageImports, Map<Path, List<Path>> starExports,
                          Map<Path, List<String>> packageReExports) {

    public ModuleGraph {
        entries = List.copyOf(entries);
        files = List.copyOf(files);
        resolutions = Collections.unmodifiableMap(new LinkedHashMap<>(resolutions));
        packageImports = Collections.unmodifiableMap(new TreeMap<>(packageImports));
        starExports = Collections.unmodifiableMap(new LinkedHashMap<>(starExports));
        packageReExports = Collections.unmodifiableMap(new LinkedHashMap<>(packageReExports));
    }

    /**
     * Scans the modules reached from {@code entries} (absolute, normalized).
     *
     * @param sources texts to use in place of files on disk (the schema file as given to the loader)
     */
    public static ModuleGraph scan(List<Path> entries, Map<Path, String> sources, ModuleResolver resolver) {
        Set<Path> seen = new LinkedHashSet<>(entries);
        Deque<Path> pending = new ArrayDeque<>(entries);
        Map<Path, Map<String, Resolution>> resolutions = new LinkedHashMap<>();
        Map<String, Set<String>> packageImports = new TreeMap<>();
        Map<Path, List<Path>> starExports = new LinkedHashMap<>();
        Map<Path, List<String>> packageReExports = new LinkedHashMap<>();
        while (!pending.isEmpty()) {
            Path file = pending.removeFirst();
            String source = sources.get(file);
            if (source == null) {
                try {
                    source = Files.readString(file, StandardCharsets.UTF_8);
                } catch (IOException | RuntimeException e) {
                    continue; // unreadable here means unreadable for the runtime too, which says so with the importer
                }
            }
            Map<String, Resolution> resolved = new LinkedHashMap<>();
            List<Path> stars = new ArrayList<>();
            for (ImportScanner.Import anImport : ImportScanner.imports(source)) {
                Resolution resolution = resolved.computeIfAbsent(anImport.specifier(),
                        specifier -> resolver.resolve(file, specifier));
                if (resolution instanceof Resolution.ProjectFile target) {
                    if (seen.add(target.file())) {
                        pending.addLast(target.file());
                    }
                    if (anImport.kind() == ImportScanner.Kind.STAR_EXPORT && !stars.contains(target.file())) {
                        stars.add(target.file());
                    }
                } else if (resolution instanceof Resolution.Package p) {
                    packageImports.computeIfAbsent(p.specifier(), s -> new LinkedHashSet<>()).addAll(anImport.names());
                    if (anImport.kind() != ImportScanner.Kind.IMPORT) {
                        List<String> reExported = packageReExports.computeIfAbsent(file, f -> new ArrayList<>());
                        if (!reExported.contains(p.specifier())) {
                            reExported.add(p.specifier());
                        }
                    }
                } else if (resolution instanceof Resolution.Builtin b) {
                    packageImports.computeIfAbsent("node:" + b.name(), s -> new LinkedHashSet<>())
                            .addAll(anImport.names());
                }
            }
            resolutions.put(file, resolved);
            if (!stars.isEmpty()) {
                starExports.put(file, stars);
            }
        }
        return new ModuleGraph(entries, List.copyOf(seen), resolutions, packageImports, starExports,
                packageReExports);
    }

    /**
     * The modules whose exports make up the schema, as drizzle-kit reads them: the entries, and the files they
     * re-export with {@code export * from}, through any depth.
     */
    public Set<Path> schemaModules() {
        Set<Path> modules = new LinkedHashSet<>(entries);
        Deque<Path> pending = new ArrayDeque<>(entries);
        while (!pending.isEmpty()) {
            for (Path target : starExports.getOrDefault(pending.removeFirst(), List.of())) {
                if (modules.add(target)) {
                    pending.addLast(target);
                }
            }
        }
        return modules;
    }

    /** What {@code specifier} means when {@code importer} imports it, if the scan saw that import. */
    public Resolution resolution(Path importer, String specifier) {
        return resolutions.getOrDefault(importer, Map.of()).get(specifier);
    }

    /**
     * What a bare specifier means, whichever file imports it: GraalJS asks for bare specifiers without naming
     * the importer. The first file's answer wins where two files' tsconfigs map one alias differently.
     */
    public Resolution bareResolution(String specifier) {
        for (Map<String, Resolution> byFile : resolutions.values()) {
            Resolution resolution = byFile.get(specifier);
            if (resolution != null) {
                return resolution;
            }
        }
        return null;
    }

    /** The imports that resolve to nothing, in the order the scan met them (for the message when one fails). */
    public List<Resolution.Missing> missing() {
        return resolutions.values().stream().flatMap(byFile -> byFile.values().stream())
                .filter(Resolution.Missing.class::isInstance).map(Resolution.Missing.class::cast).toList();
    }

    /** The file that imports {@code specifier} and finds nothing, if the scan saw one. */
    public java.util.Optional<Path> importerOf(Resolution.Missing missing) {
        return resolutions.entrySet().stream().filter(e -> e.getValue().containsValue(missing))
                .map(Map.Entry::getKey).findFirst();
    }

    /** Whether any project file is TypeScript, which needs the transpiler. */
    public boolean hasTypeScript() {
        return files.stream().anyMatch(SourceFiles::isTypeScript);
    }
}
