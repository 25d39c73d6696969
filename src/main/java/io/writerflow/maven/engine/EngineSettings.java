package io.writerflow.maven.engine;

import io.writerflow.maven.WriterflowException;
import io.writerflow.maven.engine.drift.TablesFilter;
import io.writerflow.maven.settings.AuthToken;
import io.writerflow.maven.settings.DatabaseUrl;
import io.writerflow.maven.sql.SqlNames;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Everything the engine needs to reach the database and the migrations.
 *
 * @param migrationsDir        the drizzle directory
 * @param migrationsDisplay    how to name it in messages (relative to the project)
 * @param urlSource            the setting the URL came from, named in errors
 * @param authToken            the token for a remote database, if any
 * @param authTokenSource      where the token came from, or where it was looked for, named in errors
 * @param historyTable         the table where applied migrations are recorded
 * @param installedBy          recorded as who applied each migration
 * @param lockTimeout          how long to wait for another apply's migration lock (and an embedded file's lock)
 * @param lockLease            how long a remote migration lock lasts unless its holder renews it
 * @param drizzleTable         drizzle's own history table (drizzle.config's {@code migrations.table}), whose rows
 *                             adoption reads and apply writes (see {@code drizzleHistory})
 * @param drizzleHistory       whether apply and baseline also record migrations in {@code drizzleTable}
 * @param tablesFilter         drizzle.config's {@code tablesFilter}: globs of the tables the project owns
 *                             ({@code !} excludes); drift leaves other tables alone. Empty: every table
 */
public record EngineSettings(Path migrationsDir, String migrationsDisplay, DatabaseUrl url, String urlSource,
                             Optional<AuthToken> authToken, String authTokenSource, String historyTable,
                             String installedBy, Duration lockTimeout, Duration lockLease, String drizzleTable,
                             DrizzleHistory drizzleHistory, TablesFilter tablesFilter) {

    public static final Duration DEFAULT_LOCK_LEASE = Duration.ofSeconds(30);
    /** What a history table may be called: Flyway quotes it its own way, the Turso path matches it in SQL text. */
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");

    public EngineSettings {
        requirePlainTableName(historyTable);
        SqlNames.objectProblem(drizzleTable).ifPresent(problem -> {
            throw new WriterflowException("drizzle's history table (migrations.table in drizzle.config) is "
                    + SqlNames.shown(drizzleTable) + ": " + problem + ".",
                    "Set migrations.table in drizzle.config to another name, or remove it for __drizzle_migrations.");
        });
    }

    /**
     * Refuses a {@code writerflow.historyTable} that is not a plain name before anything reaches the database:
     * the name goes into SQL that Flyway writes, into the lock table's name, and into SQL text the remote
     * connection recognises it by.
     */
    private static void requirePlainTableName(String historyTable) {
        if (historyTable == null || !PLAIN_NAME.matcher(historyTable).matches()
                || historyTable.toLowerCase(Locale.ROOT).startsWith("sqlite_")) {
            throw new WriterflowException("writerflow.historyTable is " + (historyTable == null ? "empty"
                    : SqlNames.shown(historyTable)) + ", which is not a table name writerflow uses: it takes letters,"
                    + " digits and '_', not starting with a digit or sqlite_, at most 128 characters.",
                    "Set writerflow.historyTable to a plain name such as __writerflow_history (the default), or remove"
                            + " it.");
        }
    }
    /** drizzle-kit's and drizzle-orm's default {@code migrations.table}. */
    public static final String DEFAULT_DRIZZLE_TABLE = "__drizzle_migrations";

    /** Settings with drizzle's default history table. */
    public EngineSettings(Path migrationsDir, String migrationsDisplay, DatabaseUrl url, String urlSource,
                          Optional<AuthToken> authToken, String authTokenSource, String historyTable,
                          String installedBy, Duration lockTimeout, Duration lockLease) {
        this(migrationsDir, migrationsDisplay, url, urlSource, authToken, authTokenSource, historyTable, installedBy,
                lockTimeout, lockLease, DEFAULT_DRIZZLE_TABLE, DrizzleHistory.AUTO, TablesFilter.ALL);
    }

    /** Settings for an embedded database, which needs no token. */
    public EngineSettings(Path migrationsDir, String migrationsDisplay, DatabaseUrl url, String urlSource,
                          String historyTable, String installedBy, Duration lockTimeout) {
        this(migrationsDir, migrationsDisplay, url, urlSource, Optional.empty(), "nowhere", historyTable,
                installedBy, lockTimeout, DEFAULT_LOCK_LEASE);
    }

    /** These settings for another database, such as the dry run's copy, which needs no token. */
    public EngineSettings on(DatabaseUrl other, String otherSource) {
        return new EngineSettings(migrationsDir, migrationsDisplay, other, otherSource, Optional.empty(), "nowhere",
                historyTable, installedBy, lockTimeout, lockLease, drizzleTable, drizzleHistory, tablesFilter);
    }

    /** The table of the remote migration lock, named after the history table. */
    public String lockTable() {
        return historyTable + "_lock";
    }
}
