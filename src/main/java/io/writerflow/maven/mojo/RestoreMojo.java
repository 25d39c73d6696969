package io.writerflow.maven.mojo;

import io.writerflow.maven.WriterflowException;
import io.writerflow.maven.backup.Restore;
import io.writerflow.maven.engine.EngineSettings;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.nio.file.Path;

/**
 * Restores a backup written by {@code apply -Dwriterflow.backup=true} into an EMPTY database: a new file, or a
 * newly created remote database (the database of {@code writerflow.url}, as for apply). Refuses a database that
 * has any table of its own. A {@code .sqlite} copy is copied into a file (or dumped into a remote database); an
 * {@code .sql} dump is run statement by statement in transactions. The history table comes with the backup.
 */
@Mojo(name = "restore", threadSafe = true, requiresProject = false)
public class RestoreMojo extends AbstractDatabaseMojo {

    /** The backup to restore: a {@code .sqlite} or {@code .sql} file from {@code backupDir}. */
    @Parameter(property = "writerflow.from")
    File from;

    @Override
    String goal() {
        return "restore";
    }

    @Override
    void run() {
        if (from == null) {
            throw new WriterflowException("writerflow:restore needs the backup to restore.",
                    "Run mvn writerflow:restore -Dwriterflow.from=.writerflow/backups/<file> (where apply -Dwriterflow.backup=true"
                            + " writes them by default).");
        }
        Path file = from.isAbsolute() ? from.toPath() : base().resolve(from.toPath());
        EngineSettings settings = settings();
        Restore.Result result = new Restore(settings).from(file, display(file));
        getLog().info("Restored " + display(file) + " into " + settings.url().display() + " (" + result.rows()
                + (result.rows() == 1 ? " row" : " rows") + (result.statements() > 0 ? ", " + result.statements() + " statements" : "") + " in "
                + result.duration().toMillis() + " ms)");
    }
}
