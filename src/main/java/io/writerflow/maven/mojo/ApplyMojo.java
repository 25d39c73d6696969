package io.writerflow.maven.mojo;

import io.writerflow.maven.engine.ApplyResult;
import io.writerflow.maven.engine.MigrationEngine;
import io.writerflow.maven.migrations.MigrationDirectory;
import org.apache.maven.plugins.annotations.Mojo;

/** Applies the pending migrations of the drizzle directory, each atomically, recording them in the history. */
@Mojo(name = "apply", threadSafe = true, requiresProject = false)
public class ApplyMojo extends AbstractDatabaseMojo {

    @Override
    String goal() {
        return "apply";
    }

    @Override
    void run() {
        MigrationEngine engine = engine();
        MigrationDirectory directory = directory(engine);
        ApplyResult result = engine.apply(directory, migration -> getLog().info(String.format(
                "Applied %s (%d statement%s) in %d ms", migration.tag(), migration.statements(),
                migration.statements() == 1 ? "" : "s", migration.duration().toMillis())));
        String at = result.current().orElse("no migration");
        if (result.applied().isEmpty()) {
            getLog().info("Nothing to apply: database " + engine.database() + " is up to date at " + at + ".");
        } else {
            int n = result.applied().size();
            getLog().info(n + " migration" + (n == 1 ? "" : "s") + " applied in " + result.duration().toMillis()
                    + " ms; database at " + at);
        }
    }
}
