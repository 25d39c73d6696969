package io.writerflow.maven.startup;

import io.writerflow.maven.migrations.Migration;
import io.writerflow.maven.migrations.MigrationDirectory;
import io.writerflow.maven.schema.drizzle.DrizzleSchemaLoader;
import io.writerflow.maven.schema.drizzle.JsRuntime;
import io.writerflow.maven.schema.drizzle.ScriptEnvironment;
import io.writerflow.maven.settings.DrizzleConfig;
import io.writerflow.maven.settings.DrizzleConfigReader;

import java.nio.file.Path;
import java.util.Optional;

/** A database goal's reading before its work, as the mojos do it; loaded by the test in a class loader of its own. */
public final class StartPath {

    private StartPath() {
    }

    public static String read(Path project) {
        DrizzleSchemaLoader loader = new DrizzleSchemaLoader(JsRuntime.NODE, "node",
                Optional.of(project.resolve("target/writerflow/schema-cache")));
        Path file = DrizzleConfigReader.find(project, null).orElseThrow();
        DrizzleConfig config = DrizzleConfigReader.read(file, "drizzle.config.ts",
                f -> loader.config(f, "drizzle.config.ts", ScriptEnvironment.of(project)));
        Path out = config.outDirectory().orElseThrow();
        MigrationDirectory directory = MigrationDirectory.load(out, "migrations");
        return "out=" + out + " table=" + config.migrationsTable().orElse("-") + " url=" + config.url().orElse("-")
                + " migrations=" + directory.migrations().stream().map(Migration::tag).toList();
    }
}
