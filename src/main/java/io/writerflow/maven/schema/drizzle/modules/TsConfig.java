package io.writerflow.maven.schema.drizzle.modules;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The settings of a tsconfig.json (with what it {@code extends}) that matter for reading a schema: how
 * non-relative imports resolve ({@code compilerOptions.paths} and {@code baseUrl}), and the one transpile
 * option that changes what code means ({@code experimentalDecorators}). Types are never checked.
 *
 * @param file      the tsconfig.json, for messages
 * @param baseUrl   {@code compilerOptions.baseUrl}, resolved against the file that set it
 * @param paths     {@code compilerOptions.paths}: pattern (with at most one {@code *}) to substitutions, in order
 * @param pathsBase what {@code paths} substitutions are relative to: {@code baseUrl}, or else the directory of
 *                  the file that set {@code paths}
 */
public record TsConfig(Path file, Optional<Path> baseUrl, Map<String, List<String>> paths, Path pathsBase,
                       boolean experimentalDecorators) {

    public TsConfig {
        paths = Collections.unmodifiableMap(new LinkedHashMap<>(paths));
    }

    /**
     * The files {@code specifier} may mean under {@code paths}, best match first: TypeScript picks the pattern
     * with the longest prefix before its {@code *}, and tries its substitutions in order.
     */
    public List<Path> pathCandidates(String specifier) {
        String best = null;
        int bestPrefix = -1;
        for (String pattern : paths.keySet()) {
            int star = pattern.indexOf('*');
            boolean matches = star < 0 ? pattern.equals(specifier)
                    : specifier.length() >= pattern.length() - 1 && specifier.startsWith(pattern.substring(0, star))
                    && specifier.endsWith(pattern.substring(star + 1));
            int prefix = star < 0 ? Integer.MAX_VALUE : star;
            if (matches && prefix > bestPrefix) {
                best = pattern;
                bestPrefix = prefix;
            }
        }
        if (best == null) {
            return List.of();
        }
        int star = best.indexOf('*');
        String captured = star < 0 ? "" : specifier.substring(star, specifier.length() - (best.length() - star - 1));
        return paths.get(best).stream().map(s -> pathsBase.resolve(s.replace("*", captured)).normalize()).toList();
    }

    /** The file {@code specifier} means relative to {@code baseUrl}, when one is set. */
    public Optional<Path> baseUrlCandidate(String specifier) {
        return baseUrl.map(base -> base.resolve(specifier).normalize());
    }
}
