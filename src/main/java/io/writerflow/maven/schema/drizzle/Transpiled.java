package io.writerflow.maven.schema.drizzle;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * A TypeScript file as JavaScript: the code, ending in its inline source map as every transpiler here writes
 * it (Node.js maps stacks with it; the plugin maps GraalJS's frames with it), as kept in the transpile cache.
 */
record Transpiled(String code) implements GraalTypeScript.Outcome {

    private static final String MAP_PREFIX = "//# sourceMappingURL=data:application/json;base64,";

    static Transpiled of(String code, String mapJson) {
        return new Transpiled(code.stripTrailing() + "\n" + MAP_PREFIX
                + Base64.getEncoder().encodeToString(mapJson.getBytes(StandardCharsets.UTF_8)) + "\n");
    }

    Optional<SourceMap> map() {
        int at = code.lastIndexOf(MAP_PREFIX);
        if (at < 0) {
            return Optional.empty();
        }
        String base64 = code.substring(at + MAP_PREFIX.length()).strip();
        try {
            return Optional.of(SourceMap.parse(new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8)));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
