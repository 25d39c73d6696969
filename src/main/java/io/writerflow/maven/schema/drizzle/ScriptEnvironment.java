package io.writerflow.maven.schema.drizzle;

import io.writerflow.maven.settings.DotEnv;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the schema's and drizzle.config's code sees as its process: the working directory (the project's)
 * and {@code process.env}: the environment, then the keys of {@code .env.local} and {@code .env} that it does
 * not set, as the plugin resolves them for its own settings (a config reading
 * {@code process.env.TURSO_DATABASE_URL} gets what the plugin would use).
 */
public record ScriptEnvironment(Path directory, Map<String, String> variables) {

    public ScriptEnvironment {
        variables = Collections.unmodifiableMap(new LinkedHashMap<>(variables));
    }

    /** The process's environment with the project's dotenv files under it. */
    public static ScriptEnvironment of(Path projectDirectory) {
        Map<String, String> variables = new LinkedHashMap<>(System.getenv());
        for (String name : new String[]{".env.local", ".env"}) {
            DotEnv.read(projectDirectory.resolve(name)).ifPresent(dotEnv -> dotEnv.values().forEach(
                    variables::putIfAbsent));
        }
        return new ScriptEnvironment(projectDirectory.toAbsolutePath().normalize(), variables);
    }
}
