package io.writerflow.maven.engine;

import io.writerflow.maven.engine.database.DatabaseUnavailable;
import io.writerflow.maven.WriterflowException;
import io.writerflow.maven.settings.AuthToken;
import io.writerflow.maven.testing.FaultProxy;
import io.writerflow.maven.testing.Rows;
import io.writerflow.maven.testing.TestSettings;
import io.writerflow.maven.testing.TursoServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Remote apply against the real Turso server through a {@link FaultProxy} that injects HTTP errors, lost
 * responses, timeouts, refused tokens and a killed server. Each test checks the message the user gets and that
 * the database is consistent afterwards: every migration is applied with its history row or not at all, and a
 * plain apply directly against the server completes the rest.
 */
class RemoteFaultsTest {

    /**
     * The request that commits the second migration (and the third: pending migrations commit in one request,
     * one transaction, a savepoint each). Each test applies the first migration alone before.
     */
    private static final String[] COMMIT_OF_SECOND = {"{\"sql\":\"COMMIT\"", "`t2`"};

    @TempDir
    Path project;

    private TursoServer server;
    private FaultProxy proxy;
    private MigrationFixture fixture;

    @BeforeEach
    void start() throws Exception {
        server = TursoServer.start();
        proxy = FaultProxy.to(server.baseUrl());
        fixture = new MigrationFixture(project);
        fixture.migration("0000_first", "CREATE TABLE `t1` (`id` integer PRIMARY KEY NOT NULL);\n"
                + "--> statement-breakpoint\nINSERT INTO `t1` (`id`) VALUES (1);");
    }

    /** The second and third migrations, after the first was applied on its own. */
    private void firstAppliedThenTwoMore() throws Exception {
        assertEquals(List.of("0000_first"), tags(apply(server.baseUrl())));
        twoMore();
    }

    private void twoMore() throws Exception {
        fixture.migration("0001_second", "CREATE TABLE `t2` (`id` integer PRIMARY KEY NOT NULL);\n"
                        + "--> statement-breakpoint\nINSERT INTO `t2` (`id`) VALUES (1), (2);")
                .migration("0002_third", "CREATE TABLE `t3` (`id` integer PRIMARY KEY NOT NULL);\n"
                        + "--> statement-breakpoint\nINSERT INTO `t3` (`id`) VALUES (1), (2), (3);");
    }

    @AfterEach
    void stop() throws Exception {
        proxy.close();
        server.close();
    }

    // ---- the cases ----

    @Test
    void http500OnTheCommitOfTheSecondMigration() throws Exception {
        firstAppliedThenTwoMore();
        proxy.onNextBodyContaining(FaultProxy.http500(), COMMIT_OF_SECOND);

        WriterflowException e = assertThrows(WriterflowException.class, () -> apply(proxy.baseUrl()));

        // the history read after the lost answer says what happened: the proxy never forwarded the commit
        assertContains(e.getMessage(), "commits 2 migrations (0001_second to 0002_third)", "HTTP 500",
                "The history, read after it, shows none of them applied: the database is at 0000_first; 0001_second"
                        + " and the ones after it are not applied. Nothing was sent again.",
                "Next step: Run apply again");
        assertFalse(e.getMessage().contains("unknown"), e.getMessage());
        assertHistory("0000_first");
        assertTables("t1");
        assertAppliedOrAbsent(true, false, false);

        assertEquals(List.of("0001_second", "0002_third"), tags(apply(server.baseUrl())));
        assertAppliedOrAbsent(true, true, true);
    }

    /** Down migrations for the second and third, then all three applied. */
    private void threeAppliedWithDownMigrations() throws Exception {
        firstAppliedThenTwoMore();
        Files.writeString(fixture.drizzle.resolve("0001_second.down.sql"),
                "-- writerflow:loses table \"t2\"\nDROP TABLE `t2`;\n");
        Files.writeString(fixture.drizzle.resolve("0002_third.down.sql"),
                "-- writerflow:loses table \"t3\"\nDROP TABLE `t3`;\n");
        assertEquals(List.of("0001_second", "0002_third"), tags(apply(server.baseUrl())));
    }

    private MigrationEngine engineThroughTheProxy(List<String> notices) {
        return new MigrationEngine(settings(proxy.baseUrl(), Optional.empty(), "nowhere", Duration.ofSeconds(1)),
                notices::add);
    }

    @Test
    void aRollbackIsTwoRequestsAndItsLostAnswerIsSettledByTheHistoryWithoutSendingItAgain() throws Exception {
        threeAppliedWithDownMigrations();
        int before = proxy.requestCount();
        List<String> notices = new ArrayList<>();
        MigrationEngine engine = engineThroughTheProxy(notices);

        assertEquals(List.of("0002_third"), tags(engine.rollback(engine.loadDirectory(),
                io.writerflow.maven.engine.rollback.RollbackRequest.last(1, true), m -> { })));
        assertEquals(2, proxy.requestCount() - before, "the lock with the reads, then the rollback's one batch");
        assertEquals(List.of(), notices);

        proxy.onNextBodyContaining(FaultProxy.dropResponse(), "DROP TABLE `t2`");
        assertEquals(List.of("0001_second"), tags(engine.rollback(engine.loadDirectory(),
                io.writerflow.maven.engine.rollback.RollbackRequest.last(1, true), m -> { })));
        assertEquals(1, notices.size(), notices.toString());
        assertContains(notices.get(0), "No answer from ", "to the request that rolls back 1 migration (0001_second)",
                "the history, read after it, shows it rolled back");
        assertEquals(1, proxy.seen().stream().filter(s -> s.body().contains("DROP TABLE `t2`")).count(),
                "the rollback must not be re-sent");
        // the history keeps both applies and both rollbacks (Flyway's undo rows): the two are pending again
        assertHistory("0000_first", "0001_second", "0002_third", "0002_third", "0001_second");
        assertEquals(List.of(MigrationState.APPLIED, MigrationState.PENDING, MigrationState.PENDING),
                engine.status(engine.loadDirectory()).migrations().stream().map(MigrationStatus::state).toList());
        assertTables("t1");
    }

    @Test
    void aMigrationWhoseCommitFailedIsNotReportedAsApplied() throws Exception {
        firstAppliedThenTwoMore();
        proxy.onNextBodyContaining(FaultProxy.http500(), COMMIT_OF_SECOND);
        List<String> told = new ArrayList<>();

        WriterflowException e = assertThrows(WriterflowException.class, () -> {
            MigrationEngine engine = new MigrationEngine(settings(proxy.baseUrl(), Optional.empty(), "nowhere",
                    Duration.ofSeconds(1)));
            engine.apply(engine.loadDirectory(), m -> told.add(m.tag()));
        });

        assertEquals(List.of(), told);
        assertContains(e.getMessage(), "0001_second", "the database is at 0000_first");
        assertHistory("0000_first");
    }

    @Test
    void responseLostAfterTheServerCommittedTheSecondMigration() throws Exception {
        firstAppliedThenTwoMore();
        proxy.onNextBodyContaining(FaultProxy.dropResponse(), COMMIT_OF_SECOND);
        List<String> notices = new ArrayList<>();

        // the history read after the lost answer shows both committed: the apply succeeded, and says how it knows
        MigrationEngine engine = new MigrationEngine(settings(proxy.baseUrl(), Optional.empty(), "nowhere",
                Duration.ofSeconds(1)), notices::add);
        assertEquals(List.of("0001_second", "0002_third"), tags(engine.apply(engine.loadDirectory(), m -> { })));

        assertEquals(1, notices.size(), notices.toString());
        assertContains(notices.get(0), "No answer from ", "to the request that commits 2 migrations",
                "the history, read after it, shows all of them applied");
        assertEquals(1, proxy.seen().stream().filter(s -> containsAll(s.body(), COMMIT_OF_SECOND)).count(),
                "the commit must not be re-sent");
        // the server ran it: both migrations are there in full, with their history rows
        assertHistory("0000_first", "0001_second", "0002_third");
        assertAppliedOrAbsent(true, true, true);
        assertEquals(List.of("2"), query("SELECT count(*) FROM t2"));

        assertEquals(List.of(), tags(apply(server.baseUrl())));
        assertHistory("0000_first", "0001_second", "0002_third");
        assertEquals(List.of("2"), query("SELECT count(*) FROM t2"));
    }

    @Test
    void responseSlowerThanTheRequestTimeout() throws Exception {
        firstAppliedThenTwoMore();
        proxy.onNextBodyContaining(FaultProxy.delay(Duration.ofMillis(1500)), COMMIT_OF_SECOND);

        List<String> notices = new ArrayList<>();
        MigrationEngine engine = new MigrationEngine(settings(proxy.baseUrl() + "?requestTimeoutMillis=500",
                Optional.empty(), "nowhere", Duration.ofSeconds(1)), notices::add);

        // the proxy forwarded the commit before holding the answer back: the server ran it, the history says so
        assertEquals(List.of("0001_second", "0002_third"), tags(engine.apply(engine.loadDirectory(), m -> { })));
        // the proxy answers after 1.5 s: the notice proves the client used the URL's 500 ms, not its 60 s default
        assertContains(String.join("\n", notices), "commits 2 migrations", "did not answer within 500 ms",
                "shows all of them applied");
        assertFalse(notices.toString().contains("requestTimeoutMillis"), notices.toString());
        assertAppliedOrAbsent(true, true, true);

        assertEquals(List.of(), tags(apply(server.baseUrl())));
        assertAppliedOrAbsent(true, true, true);
    }

    @Test
    void refusedTokenIsNamedByWhereItCameFromAndNeverShown() throws Exception {
        twoMore();
        String token = "tok-Zq81-DISTINCTIVE-secret-4242";
        proxy.always(FaultProxy.unauthorized());

        WriterflowException e = assertThrows(WriterflowException.class, () -> apply(settings(proxy.baseUrl(),
                Optional.of(new AuthToken(token)), "TURSO_AUTH_TOKEN in .env.local", EngineSettings.DEFAULT_LOCK_LEASE)));

        assertContains(e.getMessage(), "refused the request (HTTP 401)",
                "the auth token from TURSO_AUTH_TOKEN in .env.local was refused", "Nothing was changed");
        assertEquals(DatabaseUnavailable.Reason.TOKEN_REFUSED, ((DatabaseUnavailable) e).reason());
        for (Throwable t = e; t != null; t = t.getCause()) {
            assertFalse(String.valueOf(t.getMessage()).contains(token), "token leaked in " + t);
            assertFalse(t.toString().contains(token), "token leaked in " + t);
        }
        assertTrue(proxy.seen().get(0).authorization().endsWith(token), "the token was sent to the server");
        assertEquals(List.of(), userTables());

        proxy.clearFaults();
        assertEquals(3, tags(apply(proxy.baseUrl())).size());
        assertAppliedOrAbsent(true, true, true);
    }

    @Test
    void missingTokenSaysWhereItWasLookedFor() throws Exception {
        twoMore();
        proxy.always(FaultProxy.unauthorized());

        WriterflowException e = assertThrows(WriterflowException.class, () -> apply(settings(proxy.baseUrl(),
                Optional.empty(), "TURSO_AUTH_TOKEN (environment, .env.local)", EngineSettings.DEFAULT_LOCK_LEASE)));

        assertContains(e.getMessage(), "(HTTP 401)", "no auth token was sent",
                "looked in TURSO_AUTH_TOKEN (environment, .env.local)", "Nothing was changed");
        assertEquals(DatabaseUnavailable.Reason.TOKEN_MISSING, ((DatabaseUnavailable) e).reason());
        assertEquals(List.of(), userTables());
    }

    @Test
    void aTokenFoundNowhereIsNotSaidToBeLookedForInNowhere() throws Exception {
        twoMore();
        proxy.always(FaultProxy.unauthorized());

        WriterflowException e = assertThrows(WriterflowException.class, () -> apply(settings(proxy.baseUrl(),
                Optional.empty(), "nowhere (looked in <authToken>, TURSO_AUTH_TOKEN, .env.local and .env)",
                EngineSettings.DEFAULT_LOCK_LEASE)));

        assertContains(e.getMessage(), "the server needs one; looked in <authToken>, TURSO_AUTH_TOKEN, .env.local and"
                + " .env.");
        assertFalse(e.getMessage().contains("nowhere"), e.getMessage());
    }

    @Test
    void connectionResetOnAReadIsRetried() throws Exception {
        twoMore();
        // taking the lock (idempotent for its holder) with the history read along: reset, then the answer lost
        proxy.onNextBodyContaining(FaultProxy.resetBeforeForwarding(), "INSERT OR IGNORE INTO")
                .onNextBodyContaining(FaultProxy.dropResponse(), "INSERT OR IGNORE INTO");

        assertEquals(3, tags(apply(proxy.baseUrl())).size());

        assertEquals(3, proxy.seen().stream().filter(s -> s.body().contains("INSERT OR IGNORE INTO")).count());
        assertAppliedOrAbsent(true, true, true);
    }

    @Test
    void connectionResetOnTheFirstRequestIsRetried() throws Exception {
        twoMore();
        // the first request only reads: PRAGMA foreign_keys and PRAGMA foreign_key_check(sqlite_master)
        proxy.onRequest(1, FaultProxy.resetBeforeForwarding());

        apply(proxy.baseUrl());

        assertAppliedOrAbsent(true, true, true);
    }

    @Test
    void serverKilledBeforeTheCommitReachedIt() throws Exception {
        firstAppliedThenTwoMore();
        FaultProxy.Hold hold = new FaultProxy.Hold();
        proxy.onNextBodyContaining(hold, COMMIT_OF_SECOND);
        CompletableFuture<ApplyResult> running = applyInBackground();
        assertTrue(hold.awaitArrival(Duration.ofSeconds(10)), "the commit of 0001_second never came");

        server.kill();
        hold.release();
        WriterflowException e = failureOf(running);
        server.restart();

        assertContains(e.getMessage(), "0001_second", "or none", "Next step: Run apply again");
        assertAppliedOrAbsent(true, false, false);
        assertEquals(List.of("0001_second", "0002_third"), tags(apply(server.baseUrl())));
        assertAppliedOrAbsent(true, true, true);
    }

    @Test
    void serverKilledWhileTheCommitRuns() throws Exception {
        firstAppliedThenTwoMore();
        // a second migration heavy enough that the kill lands while the server works on its commit
        fixture.migration("0001_second", "CREATE TABLE `t2` (`id` integer PRIMARY KEY NOT NULL, `pad` blob);\n"
                + "--> statement-breakpoint\nCREATE TABLE `seed` (`x` integer);\n--> statement-breakpoint\n"
                + "INSERT INTO `seed` VALUES " + String.join(", ", java.util.stream.IntStream.range(0, 400)
                .mapToObj(i -> "(" + i + ")").toList()) + ";\n--> statement-breakpoint\n"
                + "INSERT INTO `t2` (`id`, `pad`) SELECT a.x * 1000 + b.x, randomblob(200) FROM `seed` a, `seed` b;");
        FaultProxy.Hold hold = new FaultProxy.Hold();
        proxy.onNextBodyContaining(hold, COMMIT_OF_SECOND);
        CompletableFuture<ApplyResult> running = applyInBackground();
        assertTrue(hold.awaitArrival(Duration.ofSeconds(20)), "the commit of 0001_second never came");

        hold.release();
        Thread.sleep(60);
        server.kill();
        WriterflowException e = failureOf(running);
        server.restart();

        assertContains(e.getMessage(), "0001_second", "Next step: Run apply again");
        boolean second = hasTable("t2");
        System.out.println("RemoteFaultsTest: after the kill during its commit, 0001_second is "
                + (second ? "applied" : "absent"));
        assertAppliedOrAbsent(true, second, second); // one transaction: the third shares the second's fate
        if (second) {
            assertEquals(List.of("160000"), query("SELECT count(*) FROM t2"));
        }
        apply(server.baseUrl());
        assertAppliedOrAbsent(true, true, true);
        assertEquals(List.of("160000"), query("SELECT count(*) FROM t2"));
    }

    @Test
    void aStatusWhoseReadsGetNoAnswerChangedNothingAndNeverSaysTheOutcomeIsUnknown() throws Exception {
        firstAppliedThenTwoMore();
        proxy.always(FaultProxy.dropResponse());

        WriterflowException e = assertThrows(WriterflowException.class, () -> status(proxy.baseUrl()));

        assertContains(e.getMessage(), "Cannot reach database", "failed: ", "Nothing was changed.");
        assertEquals(DatabaseUnavailable.Reason.NO_ANSWER, ((DatabaseUnavailable) e).reason());
        assertFalse(e.getMessage().contains("outcome"), e.getMessage());
        assertEquals(3, proxy.requestCount(), "the read is sent three times");
    }

    @Test
    void aStatusThatTimesOutChangedNothingAndNeverSaysTheOutcomeIsUnknown() throws Exception {
        firstAppliedThenTwoMore();
        proxy.always(FaultProxy.delay(Duration.ofMillis(1500)));

        WriterflowException e = assertThrows(WriterflowException.class,
                () -> status(proxy.baseUrl() + "?requestTimeoutMillis=300"));

        assertContains(e.getMessage(), "did not answer within 300 ms", "Nothing was changed.");
        assertFalse(e.getMessage().contains("outcome"), e.getMessage());
        // one timeout, not three: a server silent for a whole timeout is not asked again
        assertEquals(1, proxy.requestCount(), "requests after the first timed out");
    }

    @Test
    void aLostWriteBesideTheMigrationsSaysItsOutcomeIsUnknownAndNotThatNothingChanged() throws Exception {
        // baseline writes the history rows in one request: the server runs it, its answer is lost
        proxy.onNextBodyContaining(FaultProxy.dropResponse(), "{\"sql\":\"COMMIT\"", "INSERT INTO");

        WriterflowException e = assertThrows(WriterflowException.class, () -> {
            MigrationEngine engine = new MigrationEngine(settings(proxy.baseUrl(), Optional.empty(), "nowhere",
                    Duration.ofSeconds(1)));
            engine.baseline(engine.loadDirectory(), "0000_first");
        });

        assertContains(e.getMessage(), "Cannot reach database", "could have written to the database",
                "its outcome is unknown");
        assertEquals(DatabaseUnavailable.Reason.OUTCOME_UNKNOWN, ((DatabaseUnavailable) e).reason());
        assertFalse(e.getMessage().contains("Nothing was changed"), e.getMessage());
        assertHistory("0000_first");
    }

    @Test
    void aCommitThatCouldNotBeSentSaysNothingWasSent() throws Exception {
        firstAppliedThenTwoMore();
        // the proxy stops accepting while it holds the lock's request: the commit's connection is refused
        FaultProxy.Hold hold = new FaultProxy.Hold();
        proxy.onNextBodyContaining(hold, "INSERT OR IGNORE INTO");
        CompletableFuture<ApplyResult> running = CompletableFuture.supplyAsync(() -> apply(settings(
                "http://127.0.0.1:" + proxy.port(), Optional.empty(), "nowhere", Duration.ofSeconds(1))));
        assertTrue(hold.awaitArrival(Duration.ofSeconds(10)), "the lock request never came");
        proxy.stopAccepting();
        hold.release();

        WriterflowException e = failureOf(running);

        assertContains(e.getMessage(), "Cannot send the request that commits 2 migrations", "Nothing of it was sent;"
                + " the database is still at 0000_first.");
        assertFalse(e.getMessage().contains("outcome"), e.getMessage());
        assertAppliedOrAbsent(true, false, false);
    }

    // ---- helpers ----

    private StatusReport status(String url) {
        MigrationEngine engine = new MigrationEngine(settings(url, Optional.empty(), "nowhere", Duration.ofSeconds(1)));
        return engine.status(engine.loadDirectory());
    }

    private EngineSettings settings(String url, Optional<AuthToken> token, String tokenSource, Duration lease) {
        return new EngineSettings(fixture.drizzle, "drizzle", TestSettings.url(url, project), "the test",
                token, tokenSource, TestSettings.HISTORY, "tester", Duration.ofSeconds(5), lease);
    }

    private ApplyResult apply(String url) {
        // a short lease, so that the lock of an apply whose server was killed expires quickly
        return apply(settings(url, Optional.empty(), "nowhere (the test sets no token)", Duration.ofSeconds(1)));
    }

    private static ApplyResult apply(EngineSettings settings) {
        MigrationEngine engine = new MigrationEngine(settings);
        return engine.apply(engine.loadDirectory(), m -> { });
    }

    private CompletableFuture<ApplyResult> applyInBackground() {
        String url = proxy.baseUrl();
        return CompletableFuture.supplyAsync(() -> apply(url));
    }

    private static WriterflowException failureOf(CompletableFuture<ApplyResult> running) throws Exception {
        try {
            ApplyResult result = running.get(20, TimeUnit.SECONDS);
            return fail("apply succeeded: " + tags(result));
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof WriterflowException w) {
                return w;
            }
            throw e;
        }
    }

    private static List<String> tags(ApplyResult result) {
        return result.applied().stream().map(ApplyResult.AppliedMigration::tag).toList();
    }

    /**
     * For each of t1..t3: when {@code applied[i]}, the table holds its rows and the history a successful row for
     * the migration; otherwise neither exists. No failed history rows either way.
     */
    private void assertAppliedOrAbsent(boolean... applied) throws SQLException {
        String[] tags = {"0000_first", "0001_second", "0002_third"};
        List<String> history = historyRows();
        for (int i = 0; i < applied.length; i++) {
            String table = "t" + (i + 1);
            assertEquals(applied[i], hasTable(table), () -> "table " + table + "; tables: " + safeTables());
            assertEquals(applied[i], history.contains(tags[historyIndex(tags, table)] + " 1"),
                    table + "'s history row; history: " + history);
        }
        assertTrue(history.stream().allMatch(h -> h.endsWith(" 1")), "failed history rows: " + history);
        assertEquals(history.size(), history.stream().distinct().count(), "duplicate history rows: " + history);
    }

    private static int historyIndex(String[] tags, String table) {
        return Integer.parseInt(table.substring(1)) - 1;
    }

    private void assertHistory(String... tags) throws SQLException {
        assertEquals(List.of(tags), historyRows().stream().map(h -> h.substring(0, h.indexOf(' '))).toList());
    }

    private void assertTables(String... tables) throws SQLException {
        assertEquals(List.of(tables), userTables().stream().filter(t -> t.matches("t\\d")).toList());
    }

    private List<String> historyRows() throws SQLException {
        if (!hasTable(TestSettings.HISTORY)) {
            return List.of();
        }
        return query("SELECT description || ' ' || success FROM " + TestSettings.HISTORY
                + " ORDER BY installed_rank");
    }

    private boolean hasTable(String name) throws SQLException {
        return !query("SELECT name FROM sqlite_master WHERE type = 'table' AND name = '" + name + "'").isEmpty();
    }

    private List<String> userTables() throws SQLException {
        return query("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '\\_\\_%' ESCAPE '\\'"
                + " ORDER BY name");
    }

    private String safeTables() {
        try {
            return userTables().toString();
        } catch (SQLException e) {
            return "(" + e.getMessage() + ")";
        }
    }

    /** Reads directly from the server, not through the proxy. */
    private List<String> query(String sql) throws SQLException {
        try (Connection c = server.connect()) {
            return Rows.of(c, sql);
        }
    }

    private static boolean containsAll(String text, String... parts) {
        for (String part : parts) {
            if (!text.contains(part)) {
                return false;
            }
        }
        return true;
    }

    private static void assertContains(String text, String... parts) {
        assertNotNull(text);
        for (String part : parts) {
            assertTrue(text.contains(part), () -> "expected \"" + part + "\" in:\n" + text);
        }
    }
}
