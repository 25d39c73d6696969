package io.writerflow.maven.settings;

import com.eclipsesource.json.JsonValue;
import io.writerflow.maven.WriterflowException;
import io.writerflow.maven.schema.SmallJson;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Finds a project's drizzle.config and reads it as drizzle-kit does: the first of the names drizzle-kit looks
 * for in the project's directory (or the file {@code writerflow.drizzleConfig} names), evaluated as a module
 * (TypeScript and all) by the evaluator given, or read as JSON; then checked as drizzle-kit checks it, and
 * mapped to a {@link DrizzleConfig}.
 */
public final class DrizzleConfigReader {

    /** The names drizzle-kit looks for, in its order, and the module forms a project may use instead. */
    public static final List<String> NAMES = List.of("drizzle.config.ts", "drizzle.config.mts", "drizzle.config.js",
            "drizzle.config.mjs", "drizzle.config.cjs", "drizzle.config.json");

    /** Drivers that change only how drizzle-kit connects: generate and check still apply. */
    private static final Set<String> CONNECTION_DRIVERS = Set.of("d1-http", "expo", "durable-sqlite");
    private static final Set<String> PREFIXES = Set.of("index", "timestamp", "supabase", "unix", "none");

    private DrizzleConfigReader() {
    }

    /**
     * The config file: the one {@code configured} names (relative to the project), else the first of
     * {@link #NAMES} in the project's directory, else none.
     */
    public static Optional<Path> find(Path projectDirectory, String configured) {
        if (configured != null && !configured.isBlank()) {
            Path file = projectDirectory.resolve(configured.strip()).normalize();
            if (!Files.isRegularFile(file)) {
                throw new WriterflowException("writerflow.drizzleConfig names " + configured.strip()
                        + ", which is not a file (" + file + ").",
                        "Correct writerflow.drizzleConfig, or remove it to use drizzle.config.ts or another of the"
                                + " names drizzle-kit looks for in the project's directory.");
            }
            return Optional.of(file);
        }
        return NAMES.stream().map(projectDirectory::resolve).filter(Files::isRegularFile).findFirst();
    }

    /**
     * Reads {@code file}: JSON as it is, any other form through {@code evaluate} (the config module's default
     * export as JSON).
     */
    public static DrizzleConfig read(Path file, String shownAs, Function<Path, JsonValue> evaluate) {
        JsonValue config;
        if (file.getFileName().toString().endsWith(".json")) {
            try {
                config = SmallJson.parse(Files.readString(file, StandardCharsets.UTF_8), shownAs).orElse(null);
            } catch (IOException e) {
                throw new WriterflowException("Cannot read " + shownAs + ": " + e.getMessage(),
                        "Check the file's permissions.", e);
            }
        } else {
            config = evaluate.apply(file);
        }
        if (config == null || !config.isObject()) {
            throw new WriterflowException(shownAs + " does not export a configuration (its default export is "
                    + (config == null || config.isNull() ? "missing" : SmallJson.kind(config)) + ").",
                    "Export it as drizzle-kit expects: export default defineConfig({ dialect: \"sqlite\", schema:"
                            + " \"./src/db/schema.ts\", out: \"./drizzle\" }).");
        }
        return map(file, shownAs, config);
    }

    private static DrizzleConfig map(Path file, String shownAs, JsonValue config) {
        List<String> warnings = new ArrayList<>();
        String dialect = text(config, "dialect").orElse(null);
        Optional<String> driver = text(config, "driver");
        boolean turso;
        Optional<String> connectionDriver = Optional.empty();
        if (dialect == null) {
            String legacy = driver.orElseThrow(() -> new WriterflowException(shownAs + " has no \"dialect\".",
                    "Add dialect: \"sqlite\" (or \"turso\") to " + shownAs + ", as drizzle-kit requires."));
            if (!Set.of("turso", "libsql", "better-sqlite", "d1", "expo").contains(legacy)) {
                throw unsupported(shownAs, "driver \"" + legacy + "\"");
            }
            turso = legacy.equals("turso");
            warnings.add(shownAs + ": driver \"" + legacy + "\" without a dialect is an older drizzle-kit's form;"
                    + " read as dialect \"" + (turso ? "turso" : "sqlite") + "\". Today's drizzle-kit needs"
                    + " dialect: \"" + (turso ? "turso" : "sqlite") + "\".");
        } else if (dialect.equals("turso")) {
            turso = true;
        } else if (dialect.equals("sqlite")) {
            turso = driver.filter(d -> d.equals("turso") || d.equals("libsql")).isPresent();
            if (turso) {
                warnings.add(shownAs + ": dialect \"sqlite\" with driver \"" + driver.get() + "\" is an older"
                        + " drizzle-kit's form; read as dialect \"turso\" (today's drizzle-kit wants dialect: \"turso\""
                        + " and no driver).");
            } else if (driver.isPresent()) {
                if (!CONNECTION_DRIVERS.contains(driver.get())) {
                    throw unsupported(shownAs, "driver \"" + driver.get() + "\"");
                }
                connectionDriver = driver;
            }
        } else {
            throw unsupported(shownAs, "dialect \"" + dialect + "\"");
        }

        JsonValue credentials = SmallJson.path(config, "dbCredentials");
        Optional<String> url = connectionDriver.isPresent() ? Optional.empty()
                : text(credentials, "url").map(DrizzleConfigReader::asUrl);
        Optional<AuthToken> token = connectionDriver.isPresent() ? Optional.empty()
                : text(credentials, "authToken").map(AuthToken::new);
        Optional<String> prefix = text(SmallJson.path(config, "migrations"), "prefix");
        if (prefix.isPresent() && !PREFIXES.contains(prefix.get())) {
            throw new WriterflowException(shownAs + ": migrations.prefix \"" + prefix.get() + "\" is not one drizzle-kit"
                    + " knows.", "Use \"index\" (the default), \"timestamp\", \"unix\", \"supabase\" or \"none\".");
        }
        Optional<String> casing = text(config, "casing");
        if (casing.isPresent() && !Set.of("snake_case", "camelCase").contains(casing.get())) {
            throw new WriterflowException(shownAs + ": casing \"" + casing.get() + "\" is not one drizzle-kit knows.",
                    "Use \"snake_case\" or \"camelCase\", or leave casing out.");
        }
        JsonValue breakpoints = SmallJson.path(config, "breakpoints");
        return new DrizzleConfig(file, shownAs, strings(SmallJson.path(config, "schema")), text(config, "out"), turso,
                connectionDriver, url, token, text(SmallJson.path(config, "migrations"), "table"), prefix,
                breakpoints.isBoolean() ? Optional.of(breakpoints.isTrue()) : Optional.empty(), casing,
                strings(SmallJson.path(config, "tablesFilter")), warnings);
    }

    /** drizzle's SQLite URLs may be plain paths ({@code ./local.db}); the plugin's name them {@code file:}. */
    private static String asUrl(String url) {
        String value = url.strip();
        return value.contains(":") || value.isEmpty() ? value : "file:" + value;
    }

    private static WriterflowException unsupported(String shownAs, String what) {
        return new WriterflowException(shownAs + " sets " + what + ": writerflow works with SQLite, libSQL and"
                + " Turso databases only.", "Use writerflow with a drizzle project whose config says dialect:"
                + " \"sqlite\" or \"turso\" (drivers d1-http, expo and durable-sqlite are fine), or point"
                + " writerflow.drizzleConfig at such a config.");
    }

    private static Optional<String> text(JsonValue node, String field) {
        JsonValue value = SmallJson.path(node, field);
        return value.isString() && !value.asString().isBlank() ? Optional.of(value.asString()) : Optional.empty();
    }

    private static List<String> strings(JsonValue node) {
        List<String> values = new ArrayList<>();
        if (node.isString()) {
            values.add(node.asString());
        } else if (node.isArray()) {
            node.asArray().forEach(item -> {
                if (item.isString()) {
                    values.add(item.asString());
                }
            });
        }
        return values;
    }
}
