package io.writerflow.maven.mojo;

import io.writerflow.maven.WriterflowException;
import io.writerflow.maven.engine.DrizzleHistory;
import io.writerflow.maven.engine.EngineSettings;
import io.writerflow.maven.engine.MigrationEngine;
import io.writerflow.maven.engine.MigrationState;
import io.writerflow.maven.engine.MigrationStatus;
import io.writerflow.maven.engine.StatusReport;
import io.writerflow.maven.lint.LintResult;
import io.writerflow.maven.lint.LintTarget;
import io.writerflow.maven.lint.data.DataReader;
import io.writerflow.maven.lint.data.DatabaseReader;
import io.writerflow.maven.engine.database.EmbeddedDatabases;
import io.writerflow.maven.engine.drift.TablesFilter;
import io.writerflow.maven.fleet.Canary;
import io.writerflow.maven.fleet.DatabaseResult;
import io.writerflow.maven.fleet.EngineOperations;
import io.writerflow.maven.fleet.FleetFailed;
import io.writerflow.maven.fleet.FleetGates;
import io.writerflow.maven.fleet.FleetOperation;
import io.writerflow.maven.fleet.FleetProgress;
import io.writerflow.maven.fleet.FleetReport;
import io.writerflow.maven.fleet.FleetResult;
import io.writerflow.maven.fleet.FleetSelection;
import io.writerflow.maven.fleet.FleetRunner;
import io.writerflow.maven.fleet.FleetSummary;
import io.writerflow.maven.fleet.FleetTarget;
import io.writerflow.maven.fleet.FleetTokens;
import io.writerflow.maven.fleet.Shard;
import io.writerflow.maven.fleet.Targets;
import io.writerflow.maven.fleet.platform.DiscoveredFleet;
import io.writerflow.maven.fleet.platform.Discovery;
import io.writerflow.maven.fleet.platform.DiscoverySettings;
import io.writerflow.maven.fleet.platform.PlatformToken;
import io.writerflow.maven.migrations.MigrationDirectory;
import io.writerflow.maven.migrations.MigrationLayout;
import io.writerflow.maven.settings.AuthToken;
import io.writerflow.maven.settings.ConnectionSettings;
import io.writerflow.maven.settings.ConnectionSettingsResolver;
import io.writerflow.maven.settings.DatabaseUrl;
import io.writerflow.maven.settings.DatabaseUrlParser;
import io.writerflow.maven.settings.DrizzleConfig;
import io.writerflow.maven.settings.SettingsServer;
import io.writerflow.maven.status.GateFailure;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.codehaus.plexus.configuration.PlexusConfiguration;

import java.io.File;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The goals that reach a database: its URL and token, the history table, the lock timeout. */
abstract class AbstractDatabaseMojo extends AbstractWriterflowMojo {

    /** A dry run copies one database; a fleet is refused before anything runs. */
    static void refuseFleetDryRun(boolean dryRun, String nothingDone) {
        if (dryRun) {
            throw new WriterflowException("writerflow.dryRun runs on one database, not a fleet"
                    + " (writerflow.targets or writerflow.organization); " + nothingDone + ".", "Dry-run one database"
                    + " of the fleet with -Dwriterflow.url=<its URL> instead.");
        }
    }

    /** The database is usually an embedded file: its driver loads while the configuration is read. */
    @Override
    void starting() {
        resolved = null; // a mojo run again (as tests do) with other parameters resolves them again
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
        return engine(settings());
    }

    /** The engine on {@code settings}, resolved by the caller (see {@link #resolvedSettings}). */
    MigrationEngine engine(EngineSettings settings) {
        MigrationEngine engine = new MigrationEngine(settings, getLog()::info);
        return cacheDirectory("drift").map(engine::keepingDrift).orElse(engine);
    }

    private EngineSettings resolved;

    /**
     * The settings resolved once for the goal, for goals that need them twice (lint: the engine for the pending
     * migrations, and the kind of database the migrations are for), so the connection is logged once.
     */
    EngineSettings resolvedSettings() {
        if (resolved == null) {
            resolved = settings();
        }
        return resolved;
    }

    /** The kind of database the migrations are for, as lint's engine-specific rules need it. */
    LintTarget lintTarget() {
        try {
            return resolvedSettings().url() instanceof DatabaseUrl.Remote ? LintTarget.LIBSQL : LintTarget.SQLITE;
        } catch (WriterflowException e) {
            // a connection setting that does not resolve: the lint needs no database, so it goes on without one
            getLog().warn("The lint cannot tell which database the migrations are for: " + e.problem());
            return LintTarget.UNKNOWN;
        }
    }

    /** The environment the lint reads {@code GITHUB_ACTIONS} from; tests replace it. */
    Map<String, String> lintEnvironment = System.getenv();

    /** The standard output GitHub annotations are printed to; tests replace it. */
    PrintStream lintStdout = System.out;

    /**
     * The configured database, read only, for the lint's data checks: empty when {@code lintData} is off, the
     * connection does not resolve, or there is nothing to read (a file that does not exist); the lint then says
     * "will fail if", as without a database.
     */
    Optional<DataReader> lintData(boolean enabled) {
        if (!enabled) {
            return Optional.empty();
        }
        try {
            return DatabaseReader.open(resolvedSettings());
        } catch (WriterflowException e) {
            getLog().warn("The lint cannot check its findings against the data: " + e.problem());
            return Optional.empty();
        }
    }

    /** The lint's outputs besides the log: {@code target/writerflow/lint.sarif}, GitHub annotations. */
    Consumer<LintResult> lintOutputs() {
        String version = Optional.ofNullable(mojoExecution).map(MojoExecution::getMojoDescriptor)
                .map(d -> d.getPluginDescriptor()).map(d -> d.getVersion()).orElse("unknown");
        return new LintOutputs(base(), cacheDirectory("lint.sarif"), version, lintEnvironment, lintStdout, getLog());
    }

    /**
     * The tags of the migrations pending on the database, for lint without a base; empty when the database does not
     * exist yet or does not answer (lint then reviews the latest migration), which is said in the log.
     */
    Optional<Set<String>> pendingOnDatabase(MigrationDirectory directory) {
        try {
            StatusReport report = engine(resolvedSettings()).status(directory);
            if (!report.databaseExists()) {
                return Optional.empty();
            }
            return Optional.of(report.migrations().stream().filter(m -> m.state() == MigrationState.PENDING)
                    .map(MigrationStatus::tag).collect(Collectors.toSet()));
        } catch (WriterflowException e) {
            getLog().warn("Cannot read the pending migrations for the lint: " + e.problem());
            return Optional.empty();
        }
    }

    /** Resolves the connection (logging any problems in the dotenv files) into the engine's settings. */
    EngineSettings settings() {
        if (fleet() && !ignoresFleet()) {
            throw new WriterflowException("writerflow:" + goal() + " runs on one database; writerflow.targets and"
                    + " writerflow.organization (a fleet) are for apply, status and rollback. Nothing was run.",
                    "Run writerflow:" + goal() + " with -Dwriterflow.url=<the database's URL> (and without"
                            + " writerflow.targets or writerflow.organization), once per database.");
        }
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
        return engineSettings(connection.url(), connection.urlSource(), connection.authToken(),
                connection.authTokenSource());
    }

    /** The engine's settings for the database at {@code url}, with this goal's other settings. */
    private EngineSettings engineSettings(DatabaseUrl databaseUrl, String urlSource, Optional<AuthToken> token,
            String tokenSource) {
        return new EngineSettings(migrationsDir(), display(migrationsDir()), databaseUrl, urlSource, token,
                tokenSource, historyTable, System.getProperty("user.name", "unknown"),
                Duration.ofSeconds(Math.max(0, lockTimeout)), Duration.ofSeconds(Math.max(1, lockLease)),
                drizzleConfig().flatMap(DrizzleConfig::migrationsTable).orElse(EngineSettings.DEFAULT_DRIZZLE_TABLE),
                drizzleHistory(), new TablesFilter(drizzleConfig().map(DrizzleConfig::tablesFilter).orElse(List.of())));
    }

    // ------------------------------------------------------------------ fleets (issue 17)

    /**
     * A fleet: a file listing databases, one per line as {@code NAME URL} ({@code #} comments, blank lines
     * ignored), relative to the project ({@code -Dwriterflow.targets=fleet.txt}, {@code <targets>fleet.txt</targets>});
     * or the databases listed in the POM, {@code <targets><target><name>tenant-a</name><url>libsql://...</url>
     * </target>...</targets>}. With it, apply, status and rollback run on every database of the list
     * (instead of {@code url}), {@code parallel} at a time, and write a JSON report. A duplicate name, a malformed
     * line or a URL carrying {@code ?authToken=} fails the goal naming {@code file:line} (inline: the entry's
     * position) before any database is touched. Each database's token: the environment variable {@code WRITERFLOW_TOKEN_<NAME>} (the name
     * upper-cased, other characters than letters and digits as {@code _}) when set, else the one token from the
     * usual sources ({@code authToken}, {@code serverId}, {@code TURSO_AUTH_TOKEN}, {@code .env.local},
     * {@code .env}). Tokens are never logged nor written to the report. baseline, repair and restore refuse it;
     * generate and check leave it alone.
     */
    @Parameter(property = "writerflow.targets")
    Targets targets;

    /** With {@code targets}: how many databases run at once. */
    @Parameter(property = "writerflow.parallel", defaultValue = "8")
    int parallel;

    /**
     * With {@code targets}: the canaries, which run first; no other database starts unless every canary succeeds.
     * A number N: the first N of the list (0: no canary stage). Names separated by commas
     * ({@code tenant-a,tenant-b}): those databases, in that order; a name not in the list fails the goal before
     * anything runs. With {@code shard} (or {@code onlyFailed}), a named canary outside this run is left out of it,
     * with one warning: each shard runs the canaries it holds.
     */
    @Parameter(property = "writerflow.canary", defaultValue = "0")
    String canary;

    /**
     * With {@code targets}: seconds between the progress lines ({@code Fleet apply: 120 done, 2 failed, 8 running,
     * 870 remaining, 14.3/s, ETA 1m01s}) while the fleet runs. 0: none (only failures, and every database with
     * {@code -X}).
     */
    @Parameter(property = "writerflow.progressInterval", defaultValue = "10")
    int progressInterval;

    /**
     * With {@code targets}: how many failed databases the run tolerates; once more have failed no further
     * database starts, while the running ones finish. 0: stop starting databases at the first failure.
     */
    @Parameter(property = "writerflow.maxFailures", defaultValue = "0")
    int maxFailures;

    /**
     * With {@code targets}: runs one shard of the list, {@code INDEX/COUNT} (1-based, such as {@code 3/16}): the
     * databases whose name's CRC32 (UTF-8) modulo COUNT is INDEX-1. COUNT runners given 1/COUNT to COUNT/COUNT
     * (a CI matrix) cover every database exactly once.
     */
    @Parameter(property = "writerflow.shard")
    String shard;

    /**
     * With {@code targets}: a previous fleet report ({@code target/writerflow/fleet-<time>.json}); runs only the
     * databases of the list that it records as failed or not started.
     */
    @Parameter(property = "writerflow.onlyFailed")
    File onlyFailed;

    /**
     * A fleet discovered through the Turso Platform API instead of listed in {@code targets}: the slug of a Turso
     * organization, whose databases (those of {@code group}, when set, that {@code databases} takes) apply, status
     * and rollback run on, sorted by name, as they run on a list's. Needs a platform API token
     * ({@code platformServerId}, else {@code TURSO_PLATFORM_API_TOKEN}). Each database's token: the environment
     * variable {@code WRITERFLOW_TOKEN_<NAME>} when set, else the one token from the usual sources, else a token
     * for the database's group minted through the API for this run ({@code tokenExpiration}). Discovery that
     * finds no database fails the goal. Setting it with {@code targets} is refused.
     */
    @Parameter(property = "writerflow.organization")
    String organization;

    /** With {@code organization}: only the databases of this Turso group. */
    @Parameter(property = "writerflow.group")
    String group;

    /**
     * With {@code organization}: comma-separated name patterns of the databases to take, {@code *} for any
     * characters, a leading {@code !} to exclude, such as {@code tenant-*,!tenant-test-*}. Unset: every database.
     */
    @Parameter(property = "writerflow.databases")
    String databases;

    /**
     * With {@code organization}: id of a {@code <server>} in Maven's settings whose {@code <password>} (plain or
     * encrypted with {@code mvn --encrypt-password}) is the Turso platform API token; unset, the token is read from
     * the environment variable {@code TURSO_PLATFORM_API_TOKEN}. Never logged, not even by {@code mvn -X}.
     */
    @Parameter(property = "writerflow.platformServerId")
    String platformServerId;

    /** With {@code organization}: the Turso Platform API's address, for a proxy in front of it (or a test). */
    @Parameter(property = "writerflow.platformUrl", defaultValue = "https://api.turso.tech")
    String platformUrl;

    /**
     * With {@code organization}: each discovered database's URL, {@code {hostname}} and {@code {name}} replaced by
     * its hostname and name, such as <code>https://{name}.db.internal</code> behind a private network or proxy.
     */
    @Parameter(property = "writerflow.databaseUrlTemplate", defaultValue = "libsql://{hostname}")
    String databaseUrlTemplate;

    /**
     * With {@code organization}: how long a group token minted for the run stays valid, as Turso writes durations
     * ({@code 12h}, {@code 1d}, {@code 2w}). Minted only for databases that have no other token.
     */
    @Parameter(property = "writerflow.tokenExpiration", defaultValue = "1d")
    String tokenExpiration;

    /**
     * Whether this goal reads the one database of {@code url} even when {@code targets} is set (generate and check
     * only read it for hints); the other one-database goals refuse a fleet rather than run on the default URL.
     */
    boolean ignoresFleet() {
        return false;
    }

    /** Whether this goal runs on a fleet ({@code targets} or {@code organization} is set). */
    boolean fleet() {
        return listed() || discovered();
    }

    private boolean listed() {
        return targets != null && !targets.isEmpty();
    }

    private boolean discovered() {
        return organization != null && !organization.isBlank();
    }

    /** The fleet's databases from the Turso Platform API; the settings are checked before the API is asked. */
    private DiscoveredFleet discover() {
        if (listed()) {
            throw new WriterflowException("Both writerflow.targets and writerflow.organization are set; a fleet takes"
                    + " its databases from a list or from the Turso Platform API, not both. Nothing was run.",
                    "Remove one of them: writerflow.targets=" + targets.shownAs(base(), this::display) + " or writerflow.organization="
                            + organization.strip() + ".");
        }
        DiscoverySettings settings = DiscoverySettings.parse(organization, group, databases, platformUrl,
                databaseUrlTemplate, tokenExpiration);
        SettingsServer server = platformServerId == null || platformServerId.isBlank() ? null
                : new SettingsServer(platformServerId.strip(), () -> SettingsServerPassword.of(
                session == null ? null : session.getSettings(), settingsDecrypter, platformServerId.strip(),
                "writerflow.platformServerId", "the Turso platform API token"));
        return Discovery.connect(settings, PlatformToken.resolve(server, System.getenv()), base()).discover();
    }

    /** The fleet report's file when the goal's {@code output} names one; else {@code target/writerflow/fleet-<UTC time>.json}. */
    Optional<File> fleetOutput() {
        return Optional.empty();
    }

    /**
     * Runs {@code operation} on every database of the fleet, logs the summary, writes the report, and fails when
     * any database failed or did not start.
     */
    void runFleet(String operation, Function<EngineOperations, FleetOperation> operations) {
        RawParameter configuredUrl = RawParameter.of(url, "url", session, mojoExecution);
        String fleetSetting = listed() ? "writerflow.targets" : "writerflow.organization";
        if (configuredUrl.value() != null && !configuredUrl.value().isBlank()) {
            throw new WriterflowException("Both writerflow.url and " + fleetSetting + " are set; a fleet takes its"
                    + " databases from the " + (listed() ? "list" : "Turso Platform API") + " only. Nothing was run.",
                    "Remove writerflow.url" + (listed() ? ", or add that database to "
                            + targets.shownAs(base(), this::display) : "") + ".");
        }
        DiscoveredFleet discovered = discovered() ? discover() : null;
        String source = discovered != null ? discovered.describe() : targets.shownAs(base(), this::display);
        List<FleetTarget> listed = discovered != null ? discovered.targets() : targets.read(base(), this::display);
        Shard chosen = Shard.parse(shard);
        Canary canaries = Canary.parse(canary);
        FleetSelection selection = FleetSelection.of(listed, source, chosen, Optional.ofNullable(onlyFailed)
                .map(f -> f.toPath().toAbsolutePath().normalize())
                .map(f -> new FleetSelection.PreviousReport(f, display(f))), canaries);
        selection.warnings().forEach(getLog()::warn);
        if (selection.isEmpty()) {
            getLog().info("Fleet " + operation + ": " + selection.scope() + "; nothing to run.");
            return;
        }
        List<FleetTarget> selected = selection.targets();
        Canary.Order order = selection.order();
        String scope = selection.scope();
        RawParameter configuredToken = RawParameter.of(authToken, "authToken", session, mojoExecution);
        ConnectionSettings shared = new ConnectionSettingsResolver(base(), System.getenv())
                .resolve(null, configuredToken.value(), settingsServer(), drizzleConfig());
        shared.warnings().forEach(getLog()::warn);
        FleetTokens own = new FleetTokens(System.getenv(), shared.authToken(), shared.authTokenSource());
        FleetTokens tokens = discovered != null ? discovered.tokens(own, selected) : own;
        Function<FleetTarget, EngineSettings> settings = target -> engineSettings(target.url(), target.declaredAt(),
                tokens.token(target), tokens.source(target));
        MigrationDirectory directory = directory(new MigrationEngine(settings.apply(selected.get(0))));
        getLog().info("Fleet " + operation + ": " + scope + "; " + Math.min(parallel, selected.size())
                + " at a time" + (order.canaries() > 0 ? ", " + order.describe(canaries) : "") + "; shared token " + (shared.authToken().isPresent() ? "from " + shared.authTokenSource()
                : "none") + ", per database from " + FleetTokens.PREFIX + "<NAME> when set"
                + (discovered != null && shared.authToken().isEmpty() ? ", else a group token minted for the run" : ""));
        FleetRunner.Listener log = done -> {
            if (done.status() == DatabaseResult.Status.FAILED) {
                getLog().warn(done.name() + " failed: " + done.error().orElse(""));
            } else if (getLog().isDebugEnabled()) {
                getLog().debug(done.name() + " " + done.status().label() + " at "
                        + done.after().orElse(FleetResult.NONE) + " in " + done.duration().toMillis() + " ms");
            }
        };
        FleetResult result;
        try (FleetProgress progress = new FleetProgress(operation, order.targets().size(), System::nanoTime)
                .every(Duration.ofSeconds(Math.max(0, progressInterval)), getLog()::info)) {
            result = new FleetRunner(parallel, order.canaries(), maxFailures).run(order.targets(),
                    operations.apply(new EngineOperations(settings, directory)), progress.and(log));
        }
        Instant finished = Instant.now();
        Path report = fleetOutput().map(f -> f.toPath().toAbsolutePath())
                .orElseGet(() -> FleetReport.defaultFile(cacheDirectory("fleet").map(Path::getParent)
                        .orElse(base().resolve("target/writerflow")), finished));
        FleetReport.write(report, operation, chosen, result, finished);
        FleetSummary.lines(operation, result).forEach(line -> {
            if (line.startsWith("  FAILED")) {
                getLog().error(line);
            } else {
                getLog().info(line);
            }
        });
        getLog().info("Fleet report written to " + display(report));
        List<GateFailure> gated = FleetGates.failures(result, display(report)); // status's gates; none for the others
        if (!result.allOk()) {
            gated.forEach(f -> getLog().error(f.message()));
            throw new FleetFailed(operation, result, display(report));
        }
        failOn(gated);
    }

    /** Fails on the first failed gate; the others are said before it, so that one run shows them all. */
    void failOn(List<GateFailure> failures) {
        if (!failures.isEmpty()) {
            failures.stream().skip(1).forEach(f -> getLog().error(f.message()));
            throw failures.get(0).toException();
        }
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
    SettingsServer settingsServer() {
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
