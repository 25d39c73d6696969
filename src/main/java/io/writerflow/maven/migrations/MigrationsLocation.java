package io.writerflow.maven.migrations;

import io.writerflow.maven.WriterflowException;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the migrations directory is and which setting put it there, so that a path that cannot be the
 * directory is refused naming the setting, before a goal reads it as "no migrations yet".
 *
 * @param path      the directory, absolute
 * @param display   how messages name it (relative to the project)
 * @param setting   the setting it came from, as messages name it: {@code writerflow.out} (also when unset, for
 *                  its default {@code drizzle}) or {@code out in drizzle.config.ts}
 * @param isDefault whether it is the project's {@code drizzle} directory, where none existing only means that
 *                  nothing was generated yet
 */
public record MigrationsLocation(Path path, String display, String setting, boolean isDefault) {

    /** The default directory's name in a project, drizzle-kit's default {@code out}. */
    public static final String DEFAULT = "drizzle";

    /** Fails when the setting names something that is not a directory: a file, say {@code pom.xml}. */
    public void requireNoFile() {
        if (Files.exists(path) && !Files.isDirectory(path)) {
            throw new WriterflowException(setting + " names " + display + ", which is a file, not the directory of"
                    + " migrations.", "Point " + setting + " at the directory that holds the migrations (drizzle-kit's"
                    + " out, with meta/_journal.json or the migration folders), or remove it for the default "
                    + DEFAULT + "/.");
        }
    }

    /**
     * For a gate ({@code writerflow:check}): fails when a configured directory does not exist, which a typo
     * makes look like a project without migrations. The default directory may be missing.
     */
    public void requireExistingUnlessDefault() {
        requireNoFile();
        if (!isDefault && !Files.exists(path)) {
            throw new WriterflowException(setting + " names " + display + " (" + path + "), which does not exist, so"
                    + " there are no migrations to check.", "Fix " + setting + " to name the directory that holds the"
                    + " migrations, or run mvn writerflow:generate to write the first one there.");
        }
    }
}
