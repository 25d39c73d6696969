package io.writerflow.maven.mojo;

import io.writerflow.maven.engine.DrizzleHistory;
import io.writerflow.maven.engine.EngineSettings;
import io.writerflow.maven.engine.MigrationEngine;
import io.writerflow.maven.engine.database.EmbeddedDatabases;
import io.writerflow.maven.engine.drift.TablesFilter;
import io.writerflow.maven.migrations.MigrationDirectory;
import io.writerflow.maven.migrations.MigrationLayout;
import io.writerflow.maven.settings.ConnectionSettings;
import io.writerflow.maven.settings.ConnectionSettingsResolver;
import io.writerflow.maven.settings.DatabaseUrl;
import io.writerflow.maven.settings.DatabaseUrlParser;
import io.writerflow.maven.settings.DrizzleConfig;
import io.writerflow.maven.settings.SettingsServer;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.codehaus.plexus.configuration.PlexusConfiguration;

import java.time.Duration;
import java.util.List;

/** The goals that reach a database: its URL and token, the history table, the lock timeout. */
abstract class AbstractDatabaseMojo extends AbstractWriterflowMojo {

    /** The database is usually an embedded file: its driver loads while the configuration is read. */
    @Override
    void starting() {
        EmbeddedDatabases.warmUp();
    }

    /**
     * Database URL, as drizzle and @libsql/client write it: {@code file:local.db}, {@code file:/abs/path.db},
     * {@code :memory:}, or a Turso / libSQL server: {@code libsql://db-org.turso.io} (HTTPS),
     * {@code libsql://127.0.0.1:8080?tls=0} (plain HTTP), {@code https://host[:port]}, {@code http://host:port}.
     * The query may hold {@code authToken} (the token, after {@code authToken} and {@code serverId}), {@code tls}
     * and, for a server, {@code requestTimeoutMillis} and {@code connectTimeoutMillis}; other options are
     * refused. Falls back to drizzle.config's {@code dbCredentials.url}, {@code TURSO_DATABASE_URL} from the
     * environment, {@code .env.local}, {@code .env}, then {@code file:local.db}. Its token is never logged,
     * not even by {@code mvn -X}.
     */
    // Raw for the same reason as authToken: the URL may carry a token.
    @Parameter(property = "writerflow.url")
    PlexusConfiguration url;

    /**
     * Auth token for remote databases. Falls back to the {@code <server>} of Maven's settings.xml named by
     * {@code serverId}, the URL's {@code ?authToken=}, drizzle.config's {@code dbCredentials.authToken}, then
     * {@code TURSO_AUTH_TOKEN} from the environment, {@code .env.local} and {@code .env}. Never logged, not even
     * by {@code mvn -X}.
     */
    // Maven's -X prints every mojo parameter's value, and the value a setter receives. Taken as the raw
    // configuration, the parameter is printed as its unevaluated expression (${writerflow.authToken});
    // the mojo evaluates it itself (RawParameter).
    @Parameter(property = "writerflow.authToken")
    PlexusConfiguration authToken;

    /**
     * Id of a {@code <server>} in Maven's settings ({@code ~/.m2/settings.xml}) whose {@code <password>},
     * plain or encrypted with {@code mvn --encrypt-password}, is the auth token. Used when no {@code authToken}
     * is configured, before {@code TURSO_AUTH_TOKEN} and the dotenv files; the build fails when the server is
     * missing, has no password or cannot be decrypted. The password is never logged, not even by
     * {@code mvn -X}.
     */
    @Parameter(property = "writerflow.serverId")
    String serverId;

    /** Decrypts settings.xml passwords as Maven does (master password in settings-security.xml). */
    @Component
    SettingsDecrypter settingsDecrypter;

    /**
     * The table that records applied migrations: letters, digits and {@code _}, not starting with a digit or
     * {@code sqlite_}, at most 128 characters; another name fails the goal before the database is touched.
     */
    @Parameter(property = "writerflow.historyTable", defaultValue = "__writerflow_history")
    String historyTable;

    /** Seconds to wait for another apply's migration lock (or an embedded file's lock) before failing. */
    @Parameter(property = "writerflow.lockTimeout", defaultValue = "60")
    int lockTimeout;

    /**
     * Seconds a remote database's migration lock lasts unless renewed. The holder renews it every third of
     * this while it runs; a crashed holder's lock is free again after this long.
     */
    @Parameter(property = "writerflow.lockLease", defaultValue = "30")
    int lockLease;

    /**
     * Resolves the connection and builds the engine, logging any problems in the dotenv files; status's drift
     * check of an embedded database is kept in the build directory while the database's schema is unchanged.
     */
    MigrationEngine engine() {
        MigrationEngine engine = new MigrationEngine(settings(), getLog()::info);
        return cacheDirectory("drift").map(engine::keepingDrift).orElse(engine);
    }

    /** Resolves the connection (logging any problems in the dotenv files) into the engine's settings. */
    EngineSettings settings() {
        RawParameter configuredUrl = RawParameter.of(url, "url", session, mojoExecution);
        RawParameter configuredToken = RawParameter.of(authToken, "authToken", session, mojoExecution);
        if (configuredToken.literal()) {
            getLog().warn("<authToken> is set in the POM (as text or through a POM property), where Maven's -X"
                    + " output prints it; prefer TURSO_AUTH_TOKEN in the environment or .env.local.");
        }
        ConnectionSettings connection = new ConnectionSettingsResolver(base(), System.getenv())
                .resolve(configuredUrl.value(), configuredToken.value(), settingsServer(), drizzleConfig());
        if (configuredUrl.literal() && DatabaseUrlParser.parse(configuredUrl.value(), base(), connection.urlSource())
                .authToken().isPresent()) {
            getLog().warn("<url> in the POM carries ?authToken=, where Maven's -X output prints it; prefer"
                    + " TURSO_AUTH_TOKEN in the environment or .env.local.");
        }
        connection.warnings().forEach(getLog()::warn);
        getLog().info(used(connection));
        return new EngineSettings(migrationsDir(), display(migrationsDir()), connection.url(),
                connection.urlSource(), connection.authToken(), connection.authTokenSource(), historyTable,
                System.getProperty("user.name", "unknown"), Duration.ofSeconds(Math.max(0, lockTimeout)),
                Duration.ofSeconds(Math.max(1, lockLease)),
                drizzleConfig().flatMap(DrizzleConfig::migrationsTable).orElse(EngineSettings.DEFAULT_DRIZZLE_TABLE),
                drizzleHistory(), new TablesFilter(drizzleConfig().map(DrizzleConfig::tablesFilter).orElse(List.of())));
    }

    /** One line: the database (never its secrets) and where its URL and token came from. */
    private String used(ConnectionSettings connection) {
        StringBuilder line = new StringBuilder("Database ").append(connection.url().display());
        if (connection.urlIsDefault()) {
            line.append(" (the default; set writerflow.url or TURSO_DATABASE_URL for another)");
        } else {
            line.append(" from ").append(connection.urlSource());
        }
        if (connection.url() instanceof DatabaseUrl.Remote) {
            line.append(connection.authToken().isPresent() ? "; token from " + connection.authTokenSource()
                    : "; no token (looked in " + connection.authTokenSource().replaceFirst("^nowhere \\(looked in ", ""));
        } else if (connection.authToken().isPresent()) {
            // a token without a remote URL: often a URL that was meant to be found and was not
            line.append("; token from ").append(connection.authTokenSource()).append(", unused by this database");
        }
        return line.toString();
    }

    /** Whether the goal records migrations in drizzle's history table too; the goals that record say how. */
    DrizzleHistory drizzleHistory() {
        return DrizzleHistory.AUTO;
    }

    /** The settings.xml server named by {@code serverId}, looked up only if the resolver needs its password. */
    private SettingsServer settingsServer() {
        if (serverId == null || serverId.isBlank()) {
            return null;
        }
        String id = serverId.trim();
        return new SettingsServer(id, () -> SettingsServerPassword.of(
                session == null ? null : session.getSettings(), settingsDecrypter, id));
    }

    /** Loads the directory, warning about {@code .sql} files that are no migration. */
    MigrationDirectory directory(MigrationEngine engine) {
        MigrationDirectory directory = engine.loadDirectory();
        for (String file : directory.unlisted()) {
            getLog().warn(file + " is not listed in " + directory.listing() + " and will not be applied; "
                    + "delete it if it is a leftover; if it is a migration, generate it again with mvn"
                    + " writerflow:generate (hand-written SQL: -Dwriterflow.custom=true) so that "
                    + (directory.layout() == MigrationLayout.JOURNAL ? "the journal and a snapshot list it."
                    : "it has a migration folder and a snapshot."));
        }
        return directory;
    }
}
