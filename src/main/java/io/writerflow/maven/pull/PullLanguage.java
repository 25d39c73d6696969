package io.writerflow.maven.pull;

import io.writerflow.maven.WriterflowException;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** The language writerflow:pull writes the schema in ({@code writerflow.pullLanguage}). */
public enum PullLanguage {
    TS, JS;

    public static final String PROPERTY = "writerflow.pullLanguage";

    /** The setting ({@code ts}, {@code js}); empty when unset. */
    public static Optional<PullLanguage> parse(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "ts", "typescript" -> Optional.of(TS);
            case "js", "javascript" -> Optional.of(JS);
            default -> throw new WriterflowException(PROPERTY + " '" + value + "' is neither ts nor js.",
                    "Use -D" + PROPERTY + "=ts (TypeScript, the default) or -D" + PROPERTY + "=js.");
        };
    }

    /** The language a schema file's extension says, if it says one. */
    public static Optional<PullLanguage> of(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".ts") || name.endsWith(".mts") || name.endsWith(".cts")) {
            return Optional.of(TS);
        }
        if (name.endsWith(".js") || name.endsWith(".mjs") || name.endsWith(".cjs")) {
            return Optional.of(JS);
        }
        return Optional.empty();
    }

    public String extension() {
        return this == TS ? ".ts" : ".js";
    }
}
