package io.writerflow.maven.engine;

import io.writerflow.maven.WriterflowException;
import io.writerflow.maven.engine.lock.FileMigrationLock;
import io.writerflow.maven.settings.DatabaseUrl;
import io.writerflow.maven.testing.FaultProxy;
import io.writerflow.maven.testing.Rows;
import io.writerflow.maven.testing.TestSettings;
import io.writerflow.maven.testing.TursoServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Concurrent applies of one database from separate JVMs ({@link ApplyProcess}), against the real Turso server
 * and an embedded file: one holder at a time, every migration applied exactly once, waiters told who holds the
 * lock, a crashed holder's lease taken over, a held lock failing clearly after lockTimeout.
 *
 * <p>Turso's {@code tursodb} does not support recursive CTEs ("Parse error: Recursive CTEs are not yet
 * supported"), so slow migrations insert a cross join of a ten-row table with itself instead.
 */
class ConcurrentApplyTest {

    private static final String LOCK_TABLE = TestSettings.HISTORY + "_lock";
    private static final String WAITING = "Waiting for the migration lock of ";
    private static final String FOREIGN = "someone@elsewhere (pid 4242, #0badf00d)";

    @TempDir
    Path project;

    private TursoServer server;
    private MigrationFixture fixture;
    private final List<Process> processes = new ArrayList<>();

    @BeforeEach
    void setUp() {
        fixture = new MigrationFixture(project);
    }

    @AfterEach
    void tearDown() throws Exception {
        for (Process process : processes) {
            process.destroyForcibly();
            process.waitFor(5, TimeUnit.SECONDS);
        }
        if (server != null) {
            server.close();
        }
    }

    // ------------------------------------------------------------------ migrations

    /** 10^digits rows numbered 0..10^digits-1, from a cross join of the ten-row table d. */
    private static String rows(int migration, int digits) {
        StringBuilder value = new StringBuilder();
        StringBuilder from = new StringBuilder();
        long factor = 1;
        for (int i = 0; i < digits; i++) {
            value.append(i == 0 ? "" : " + ").append(factor).append(" * d").append(i).append(".`x`");
            from.append(i == 0 ? "" : ", ").append("`d` d").append(i);
            factor *= 10;
        }
        return "INSERT INTO `t` (`m`, `x`) SELECT " + migration + ", " + value + " FROM " + from + ";";
    }

    /** One row tagged {@code migration}, after counting a cross join of 10^digits rows: slow on the server, small on disk. */
    private static String burn(int migration, int digits) {
        StringBuilder from = new StringBuilder();
        for (int i = 0; i < digits; i++) {
            from.append(i == 0 ? "" : ", ").append("`d` d").append(i);
        }
        return "INSERT INTO `t` (`m`, `x`) SELECT " + migration + ", count(*) FROM " + from + ";";
    }

    private static final String BREAK = "\n--> statement-breakpoint\n";

    /** 0000_seed creates d (0..9) and t; 0001..count-1 each insert 10^digits rows tagged with their number. */
    private List<String> slowMigrations(int count, int digits) throws Exception {
        return slowMigrations(count, digits, 1);
    }

    /** As above, each data migration running its insert {@code statements} times. */
    private List<String> slowMigrations(int count, int digits, int statements) throws Exception {
        List<String> tags = new ArrayList<>();
        tags.add("0000_seed");
        fixture.migration("0000_seed", "CREATE TABLE `d` (`x` integer NOT NULL);" + BREAK
                + "INSERT INTO `d` (`x`) VALUES (0),(1),(2),(3),(4),(5),(6),(7),(8),(9);" + BREAK
                + "CREATE TABLE `t` (`m` integer NOT NULL, `x` integer NOT NULL);");
        for (int i = 1; i < count; i++) {
            String tag = String.format("%04d_rows_%d", i, i);
            fixture.migration(tag, String.join(BREAK, Collections.nCopies(statements, rows(i, digits))));
            tags.add(tag);
        }
        return tags;
    }

    // ------------------------------------------------------------------ processes

    private record Run(Process process, Path output) {
        String text() {
            try {
                return Files.exists(output) ? Files.readString(output, StandardCharsets.UTF_8) : "";
            } catch (Exception e) {
                return "(unreadable: " + e + ")";
            }
        }

        /** The lines without their "+Nms " time prefix. */
        List<String> lines() {
            return text().lines().map(l -> l.replaceFirst("^\\+\\d+ms ", "")).toList();
        }

        List<String> applied() {
            return lines().stream().filter(l -> l.startsWith("applied: ")).map(l -> l.substring(9)).toList();
        }

        boolean waited() {
            return lines().stream().anyMatch(l -> l.startsWith("notice: " + WAITING));
        }
    }

    private Run launch(String url, double lockTimeoutSeconds, double leaseSeconds) throws Exception {
        Path output = Files.createTempFile(project, "apply-", ".out");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                ApplyProcess.class.getName(), fixture.drizzle.toString(), url,
                Double.toString(lockTimeoutSeconds), Double.toString(leaseSeconds))
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
        processes.add(process);
        return new Run(process, output);
    }

    private static int exit(Run run, int seconds) throws InterruptedException {
        if (!run.process().waitFor(seconds, TimeUnit.SECONDS)) {
            fail("ApplyProcess did not end within " + seconds + " s; it printed:\n" + run.text());
        }
        return run.process().exitValue();
    }

    private static String transcript(List<Run> runs) {
        return IntStream.range(0, runs.size())
                .mapToObj(i -> "--- process " + i + " ---\n" + runs.get(i).text())
                .collect(Collectors.joining("\n"));
    }

    // ------------------------------------------------------------------ databases

    private String remoteUrl() throws Exception {
        if (server == null) {
            server = TursoServer.start();
        }
        return server.baseUrl();
    }

    private Connection remote() throws SQLException {
        return server.connect();
    }

    private Connection embedded() throws SQLException {
        return fixture.connect();
    }

    private interface Connector {
        Connection open() throws SQLException;
    }

    private static List<String> query(Connector connector, String sql) throws SQLException {
        try (Connection c = connector.open()) {
            return Rows.of(c, sql);
        }
    }

    private static List<String> history(Connector connector) throws SQLException {
        return query(connector, "SELECT version, description, success FROM " + TestSettings.HISTORY
                + " ORDER BY installed_rank");
    }

    private static List<String> expectedHistory(List<String> tags) {
        return IntStream.range(0, tags.size()).mapToObj(i -> i + " " + tags.get(i) + " 1").toList();
    }

    /** "m count" for each data migration, as exactly one application of each leaves them. */
    private static List<String> expectedCounts(int count, long rowsPerMigration) {
        return IntStream.range(1, count).mapToObj(i -> i + " " + rowsPerMigration).toList();
    }

    private static List<String> counts(Connector connector) throws SQLException {
        return query(connector, "SELECT m, count(*) FROM t GROUP BY m ORDER BY m");
    }

    private static boolean tableExists(Connector connector, String table) throws SQLException {
        return !query(connector, "SELECT name FROM sqlite_master WHERE type = 'table' AND name = '" + table + "'")
                .isEmpty();
    }

    private static void assertContains(String text, String... parts) {
        for (String part : parts) {
            assertTrue(text.contains(part), () -> "expected \"" + part + "\" in:\n" + text);
        }
    }

    private MigrationEngine engine(DatabaseUrl url, Duration lockTimeout, Duration lease, Consumer<String> notices) {
        return new MigrationEngine(new EngineSettings(fixture.drizzle, "drizzle", url, "the test", Optional.empty(),
                "nowhere", TestSettings.HISTORY, "tester", lockTimeout, lease), notices);
    }

    // ------------------------------------------------------------------ tests

    @Test
    void fourRemoteAppliesInSeparateJvmsApplyEachMigrationExactlyOnce() throws Exception {
        String url = remoteUrl();
        List<String> tags = slowMigrations(8, 4, 3);
        List<Run> runs = fourApplies(url, "remote", this::holdRemoteLock);

        assertEachAppliedOnce(tags, runs);
        runs.forEach(r -> assertContains(r.text(), WAITING + url + ", held by " + FOREIGN + " since "));
        assertEquals(expectedHistory(tags), history(this::remote));
        assertEquals(expectedCounts(8, 30_000), counts(this::remote));
        assertEquals(List.of("0"), query(this::remote, "SELECT count(*) FROM " + LOCK_TABLE));
    }

    @Test
    void fourEmbeddedAppliesInSeparateJvmsApplyEachMigrationExactlyOnce() throws Exception {
        List<String> tags = slowMigrations(8, 5, 2);
        String url = "file:" + fixture.database;
        List<Run> runs = fourApplies(url, "embedded", this::holdFileLock);

        assertEachAppliedOnce(tags, runs);
        DatabaseUrl parsed = TestSettings.url(url, project);
        runs.forEach(r -> assertContains(r.text(), WAITING + parsed.display() + ", held by " + FOREIGN + " since "));
        assertEquals(expectedHistory(tags), history(this::embedded));
        assertEquals(expectedCounts(8, 200_000), counts(this::embedded));
        assertTrue(Files.exists(FileMigrationLock.lockFile(fixture.database)), "the lock lives in the temporary directory");
        try (var beside = Files.list(fixture.database.getParent())) {
            assertEquals(List.of(), beside.filter(f -> f.getFileName().toString().endsWith(".lock")).toList(),
                    "no lock file in the project");
        }
    }

    /**
     * Four applies of {@code url}, each in its own JVM, all waiting on a lock this test holds until every one of
     * them says it waits; then they race for it. Each has ended with exit code 0. Holding the lock first makes
     * the race certain: JVMs started together may otherwise start far enough apart to never meet.
     */
    private List<Run> fourApplies(String url, String kind, Callable<AutoCloseable> hold) throws Exception {
        AutoCloseable held = hold.call();
        List<Run> runs = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < 4; i++) {
            runs.add(launch(url, 40, 30));
        }
        for (Run run : runs) {
            awaitWaiting(run, 30);
        }
        held.close();
        for (Run run : runs) {
            assertEquals(0, exit(run, 50), () -> transcript(runs));
        }
        System.out.printf("[ConcurrentApplyTest] 4 %s applies took %d ms%n%s%n", kind,
                (System.nanoTime() - start) / 1_000_000, transcript(runs));
        return runs;
    }

    /** Every migration was applied by exactly one of the runs. */
    private static void assertEachAppliedOnce(List<String> tags, List<Run> runs) {
        List<String> applied = runs.stream().flatMap(r -> r.applied().stream()).sorted().toList();
        assertEquals(tags, applied, () -> "every migration applied by exactly one process\n" + transcript(runs));
    }

    private static void awaitWaiting(Run run, int seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!run.waited()) {
            if (!run.process().isAlive() || System.nanoTime() > deadline) {
                fail("ApplyProcess did not wait for the held lock:\n" + run.text());
            }
            Thread.sleep(10);
        }
    }

    /** The remote lock row of a foreign holder whose lease lasts an hour; closing the result deletes it. */
    private AutoCloseable holdRemoteLock() throws SQLException {
        try (Connection c = remote(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE " + LOCK_TABLE + " (id INTEGER PRIMARY KEY CHECK (id = 1), holder TEXT NOT NULL,"
                    + " acquired_at INTEGER NOT NULL, expires_at INTEGER NOT NULL)");
            s.execute("INSERT INTO " + LOCK_TABLE + " VALUES (1, '" + FOREIGN + "', 1700000000000,"
                    + " CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) + 3600000)");
        }
        return () -> {
            try (Connection c = remote(); Statement s = c.createStatement()) {
                s.execute("DELETE FROM " + LOCK_TABLE);
            }
        };
    }

    /** The embedded database's lock file, locked by this JVM for a foreign holder; closing the channel releases it. */
    private FileChannel holdFileLock() throws IOException {
        FileChannel channel = FileChannel.open(
                FileMigrationLock.lockFile(fixture.database), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        channel.lock();
        channel.write(ByteBuffer.wrap((FOREIGN + "\n1700000000000\n").getBytes(StandardCharsets.UTF_8)));
        return channel;
    }

    /** The holder of the remote lock row, once there is one. */
    private String awaitLockHolder(Run run, int seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            if (!run.process().isAlive()) {
                fail("ApplyProcess ended before taking the lock:\n" + run.text());
            }
            try {
                List<String> holders = query(this::remote, "SELECT holder FROM " + LOCK_TABLE);
                if (!holders.isEmpty()) {
                    return holders.get(0);
                }
            } catch (SQLException notYet) {
                // the lock table does not exist yet
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no lock row within " + seconds + " s; the process printed:\n" + run.text());
    }

    private static void awaitLine(Run run, String line, int seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            if (run.lines().contains(line)) {
                return;
            }
            if (!run.process().isAlive()) {
                fail("ApplyProcess ended before printing \"" + line + "\":\n" + run.text());
            }
            Thread.sleep(10);
        }
        fail("no \"" + line + "\" within " + seconds + " s:\n" + run.text());
    }

    /** Each data migration's rows are all there or none are, and exactly the migrations in the history have them. */
    private static void assertEachMigrationFullyOrNotAtAll(Connector connector, List<String> tags, long rows)
            throws SQLException {
        List<String> history = tableExists(connector, TestSettings.HISTORY) ? history(connector) : List.of();
        assertEquals(expectedHistory(tags).subList(0, history.size()), history, "history is a prefix, all success");
        if (!tableExists(connector, "t")) {
            assertTrue(history.isEmpty(), () -> "t is missing but the history has " + history);
            return;
        }
        List<String> expected = IntStream.range(1, history.size()).mapToObj(i -> i + " " + rows).toList();
        assertEquals(expected, counts(connector), "rows of exactly the migrations in the history " + history);
    }

    @Test
    void aCrashedHoldersLeaseExpiresAndTheNextApplyTakesOver() throws Exception {
        String url = remoteUrl();
        List<String> tags = new ArrayList<>(slowMigrations(1, 0));
        MigrationEngine first = engine(TestSettings.url(url, project), Duration.ofSeconds(10),
                EngineSettings.DEFAULT_LOCK_LEASE, notice -> { });
        assertEquals(tags, first.apply(first.loadDirectory(), m -> { }).applied().stream()
                .map(ApplyResult.AppliedMigration::tag).toList());
        for (int i = 1; i <= 3; i++) {
            String tag = String.format("%04d_slow_%d", i, i);
            fixture.migration(tag, String.join(BREAK, Collections.nCopies(2, rows(i, 4))) + BREAK + burn(i, 6));
            tags.add(tag);
        }
        String holder;
        // the crashing apply takes the lock, then dies while the proxy holds its commit request back (never sent)
        try (FaultProxy proxy = FaultProxy.to(url)) {
            FaultProxy.Hold hold = new FaultProxy.Hold();
            proxy.onNextBodyContaining(hold, "SAVEPOINT");
            Run crashing = launch(proxy.baseUrl(), 5, 2);
            holder = awaitLockHolder(crashing, 20);
            assertTrue(hold.awaitArrival(Duration.ofSeconds(20)), () -> "no commit request:\n" + crashing.text());
            crashing.process().destroyForcibly();
            assertTrue(crashing.process().waitFor(5, TimeUnit.SECONDS));
        }
        long killed = System.nanoTime();
        assertEquals(expectedHistory(tags.subList(0, 1)), history(this::remote), "the held commit never ran");

        List<String> notices = Collections.synchronizedList(new ArrayList<>());
        MigrationEngine engine = engine(TestSettings.url(url, project), Duration.ofSeconds(10),
                EngineSettings.DEFAULT_LOCK_LEASE, notices::add);
        ApplyResult result = engine.apply(engine.loadDirectory(), m -> { });
        long tookMillis = (System.nanoTime() - killed) / 1_000_000;
        System.out.println("[ConcurrentApplyTest] took over " + tookMillis + " ms after the kill; notices " + notices);

        assertEquals(1, notices.size(), notices::toString);
        assertContains(notices.get(0), WAITING + url + ", held by " + holder + " since ", "unless renewed",
                "(up to 10 s)");
        assertEquals(tags.subList(1, tags.size()),
                result.applied().stream().map(ApplyResult.AppliedMigration::tag).toList());
        assertEquals(expectedHistory(tags), history(this::remote));
        assertEquals(expectedCounts(4, 20_001), counts(this::remote));
        assertEquals(List.of("0"), query(this::remote, "SELECT count(*) FROM " + LOCK_TABLE));
    }

    @Test
    void aRemoteLockHeldPastTheLockTimeoutFailsNamingTheHolderAndChangesNothing() throws Exception {
        String url = remoteUrl();
        slowMigrations(3, 2);
        String foreign = FOREIGN;
        holdRemoteLock(); // never released: the lock outlives this test's apply
        List<String> lockRow = query(this::remote, "SELECT * FROM " + LOCK_TABLE);
        List<String> notices = Collections.synchronizedList(new ArrayList<>());
        MigrationEngine engine = engine(TestSettings.url(url, project), Duration.ofSeconds(1),
                EngineSettings.DEFAULT_LOCK_LEASE, notices::add);
        long start = System.nanoTime();

        WriterflowException e = assertThrows(WriterflowException.class,
                () -> engine.apply(engine.loadDirectory(), m -> { }));

        long tookMillis = (System.nanoTime() - start) / 1_000_000;
        assertContains(e.getMessage(), "Could not take the migration lock of " + url + " within 1 s: another apply"
                + " holds it (" + foreign + " since 22:13:20 UTC, lease ends in 35", " s unless renewed). Nothing was"
                + " changed.");
        assertEquals(1, notices.size(), notices::toString);
        assertContains(notices.get(0), WAITING + url + ", held by " + foreign + " since 22:13:20 UTC", "(up to 1 s)");
        assertTrue(tookMillis >= 1000, () -> "gave up after " + tookMillis + " ms, before the 1 s lockTimeout");
        assertEquals(lockRow, query(this::remote, "SELECT * FROM " + LOCK_TABLE));
        assertEquals(List.of(LOCK_TABLE), query(this::remote,
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"));
    }

    @Test
    void anEmbeddedLockHeldPastTheLockTimeoutFailsNamingTheHolderAndChangesNothing() throws Exception {
        slowMigrations(3, 2);
        String foreign = FOREIGN;
        Path lockFile = FileMigrationLock.lockFile(fixture.database);
        try (FileChannel channel = FileChannel.open(lockFile,
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock held = channel.lock()) {
            channel.write(ByteBuffer.wrap((foreign + "\n1700000000000\n").getBytes(StandardCharsets.UTF_8)));
            List<String> notices = Collections.synchronizedList(new ArrayList<>());
            MigrationEngine engine = new MigrationEngine(TestSettings.of(fixture.drizzle,
                    TestSettings.file(fixture.database), Duration.ofSeconds(1)), notices::add);

            WriterflowException e = assertThrows(WriterflowException.class,
                    () -> engine.apply(engine.loadDirectory(), m -> { }));

            assertContains(e.getMessage(), "Could not take the migration lock of file:local.db within 1 s: another"
                    + " apply holds it (" + foreign + " since 22:13:20 UTC). Nothing was changed.");
            assertEquals(List.of(WAITING + "file:local.db, held by " + foreign + " since 22:13:20 UTC (up to 1 s)"),
                    notices);
        }
        assertEquals(List.of(), fixture.tables());
    }

    /**
     * Lease 1 s, a migration that takes seconds on the server. {@code tursodb} runs one request at a time (a
     * {@code SELECT 1} sent during a 1.4 s query answers after it), so the holder's renewals cannot run while its
     * migration's batch runs: they queue behind it, and so do the waiter's attempts. At the batch's end the lease
     * (renewed by the guard at the batch's start) has run out, and whichever queued request the server runs first
     * decides: the holder's renewal (queued first in the runs observed: the waiter waits and the holder finishes)
     * or the waiter's attempt, which then takes the lock over, and the holder's next migration is refused by its
     * transaction guard. Either way every migration commits exactly once and the lock ends released.
     */
    @Test
    void aLeaseShorterThanAMigrationIsRenewedOrTakenOverSafely() throws Exception {
        String url = remoteUrl();
        List<String> tags = new ArrayList<>(slowMigrations(1, 0));
        fixture.migration("0001_long", burn(1, 7) + BREAK + burn(1, 7));
        fixture.migration("0002_after", rows(2, 1));
        fixture.migration("0003_last", rows(3, 1));
        tags.addAll(List.of("0001_long", "0002_after", "0003_last"));
        Run holder = launch(url, 30, 1);
        awaitLockHolder(holder, 20);
        Run second = launch(url, 30, 1);
        int holderExit = exit(holder, 45);
        int secondExit = exit(second, 45);
        String transcript = transcript(List.of(holder, second));
        boolean renewed = holderExit == 0 && second.applied().isEmpty();
        System.out.println("[ConcurrentApplyTest] lease 1 s, long migration: "
                + (renewed ? "the holder kept the lock" : "the waiter took the lock over") + "\n" + transcript);

        assertEquals(0, secondExit, transcript);
        // the Turso test server runs one request at a time: the second apply's requests queue behind the holder's
        // one long request, which ends by releasing the lock, so whether it ever saw the lock held varies
        if (renewed) {
            assertEquals(tags, holder.applied(), transcript);
        } else {
            // the listener reports a migration before its commit, so the holder's list may name the refused one
            assertEquals(1, holderExit, transcript);
            assertContains(holder.text(), "The migration lock of " + url + " expired before ", " could commit (another"
                    + " apply may have taken it over)");
            assertTrue(!second.applied().isEmpty(), transcript);
        }
        assertEquals(expectedHistory(tags), history(this::remote));
        assertEquals(List.of("1 2", "2 10", "3 10"), counts(this::remote));
        assertEquals(List.of("0"), query(this::remote, "SELECT count(*) FROM " + LOCK_TABLE));
    }
}
