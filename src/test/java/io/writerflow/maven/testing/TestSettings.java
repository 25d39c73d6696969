package io.writerflow.maven.testing;

import io.writerflow.maven.engine.EngineSettings;
import io.writerflow.maven.settings.DatabaseUrl;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The engine settings tests run with: the migrations shown as {@code drizzle}, the URL set by "the test", the
 * history in {@value #HISTORY}, installed by {@code tester}. Tests of other settings build their own.
 */
public final class TestSettings {

    public static final String HISTORY = "__writerflow_history";

    private TestSettings() {
    }

    /** Settings for the migrations in {@code drizzle} and the database at {@code url}, a 5 s lock timeout. */
    public static EngineSettings of(Path drizzle, DatabaseUrl url) {
        return of(drizzle, url, Duration.ofSeconds(5));
    }

    public static EngineSettings of(Path drizzle, DatabaseUrl url, Duration lockTimeout) {
        return new EngineSettings(drizzle, "drizzle", url, "the test", HISTORY, "tester", lockTimeout);
    }

    /** An embedded database, named by its {@code file:} URL. */
    public static DatabaseUrl file(Path database) {
        return new DatabaseUrl.File(database, "file:" + database.getFileName());
    }

    /** A database URL such as the Turso server's, a file one relative to {@code project}. */
    public static DatabaseUrl url(String url, Path project) {
        return DatabaseUrl.parse(url, project, "the test");
    }
}
