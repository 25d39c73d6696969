package io.writerflow.maven.bench;

import io.writerflow.maven.engine.EngineSettings;
import io.writerflow.maven.engine.MigrationEngine;
import io.writerflow.maven.schema.drizzle.JsRuntime;
import io.writerflow.maven.settings.DatabaseUrl;
import io.writerflow.maven.testing.CloseStrippingProxy;
import io.writerflow.maven.testing.DrizzleDirectory;
import io.writerflow.maven.testing.FaultProxy;
import io.writerflow.maven.testing.LargeMigration;
import io.writerflow.maven.testing.NodePeers;
import io.writerflow.maven.testing.TursoServer;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The performance figures of issue 6, printed, never asserted. Apply of K pending migrations (3 statements
 * each) over HTTP to the Turso server from npm behind a proxy that adds latency to every response and
 * counts requests, side by side with drizzle-orm's libSQL migrator on the same directory; status with
 * nothing pending; generate of a 300-table schema against drizzle-kit.
 *
 * <p>Run: {@code ./mvnw -B -q test-compile exec:java@benchmark} (options: {@code -Dbench.runs=5},
 * {@code -Dbench.latencyMs=20}, {@code -Dbench.k=1,10,100}, {@code -Dbench.only=apply|generate|typescript|dump|memory|many|fleet|startup}, {@code -Dbench.inserts=100000},
 * {@code -Dbench.many=2000}).
 */
public final class Benchmarks {

    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        int runs = Integer.getInteger("bench.runs", 5);
        long latency = Long.getLong("bench.latencyMs", 20);
        int[] ks = Arrays.stream(System.getProperty("bench.k", "1,10,100").split(",")).mapToInt(Integer::parseInt)
                .toArray();
        String only = System.getProperty("bench.only", "");
        System.out.printf(Locale.ROOT, "writerflow benchmarks: %d runs each, %d ms added per HTTP response, %d cores%n",
                runs, latency, Runtime.getRuntime().availableProcessors());
        if (only.isEmpty() || only.equals("apply")) {
            ApplyBench.run(ks, runs, latency);
        }
        if (only.isEmpty() || only.equals("generate")) {
            GenerateBench.run(runs);
        }
        if (only.isEmpty() || only.equals("typescript")) {
            TypeScriptBench.run(runs);
        }
        if (only.isEmpty() || only.equals("dump")) {
            DumpBench.run(runs, latency);
        }
        if (only.isEmpty() || only.equals("memory")) {
            MemoryBench.run(runs, Integer.getInteger("bench.inserts", 100_000));
        }
        if (only.isEmpty() || only.equals("many")) {
            ManyMigrationsBench.run(Math.min(runs, 3), Integer.getInteger("bench.many", 2_000));
        }
        if (only.isEmpty() || only.equals("fleet")) {
            FleetBench.run(Math.min(runs, 3), latency);
        }
        if (only.equals("startup")) {
            StartupBench.run(Integer.getInteger("bench.runs", 10));
        }
        System.exit(0);
    }

    /** The classpath this class was loaded from (exec:java loads it in a class loader of its own). */
    static String classpath() {
        List<String> entries = new ArrayList<>();
        for (ClassLoader l = Benchmarks.class.getClassLoader(); l != null; l = l.getParent()) {
            if (l instanceof java.net.URLClassLoader urls) {
                for (java.net.URL url : urls.getURLs()) {
                    try {
                        entries.add(Path.of(url.toURI()).toString());
                    } catch (java.net.URISyntaxException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }
        return entries.isEmpty() ? System.getProperty("java.class.path")
                : String.join(java.io.File.pathSeparator, entries);
    }

    /** Median and spread of a sample. */
    /** This JVM's CPU time so far (user + system, all its threads), in ms. */
    static long processCpuMillis() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1_000_000;
    }

    record Figures(List<Double> values) {
        static Figures of(List<Double> values) {
            List<Double> sorted = new ArrayList<>(values);
            sorted.sort(null);
            return new Figures(sorted);
        }

        double median() {
            int n = values.size();
            return n % 2 == 1 ? values.get(n / 2) : (values.get(n / 2 - 1) + values.get(n / 2)) / 2;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%.0f [%.0f-%.0f]", median(), values.get(0),
                    values.get(values.size() - 1));
        }
    }

    static double millisSince(long start) {
        return (System.nanoTime() - start) / 1e6;
    }

    static <T> T time(List<Double> into, Supplier<T> work) {
        long start = System.nanoTime();
        T result = work.get();
        into.add(millisSince(start));
        return result;
    }

    /** K migrations of 3 statements (create, insert, index), in drizzle-kit's layout, with increasing "when". */
    static Path directory(Path project, int k) throws Exception {
        DrizzleDirectory drizzle = DrizzleDirectory.journal(project.resolve("drizzle"));
        for (int i = 0; i < k; i++) {
            drizzle.migration(String.format(Locale.ROOT, "%04d_step_%d", i, i), "CREATE TABLE `t" + i + "` (`id`"
                    + " integer PRIMARY KEY, `name` text);\n--> statement-breakpoint\nINSERT INTO `t" + i + "` (`name`)"
                    + " VALUES ('x');\n--> statement-breakpoint\nCREATE INDEX `t" + i + "_name_idx` ON `t" + i
                    + "` (`name`);");
        }
        return drizzle.root();
    }

    static MigrationEngine engine(Path project, String url) {
        return new MigrationEngine(new EngineSettings(project.resolve("drizzle"), "drizzle",
                DatabaseUrl.parse(url, project, "the benchmark"), "the benchmark", "__writerflow_history", "bench",
                Duration.ofSeconds(60)));
    }

    /** Apply and status, plugin and drizzle-orm, for each K. */
    static final class ApplyBench {
        private ApplyBench() {
        }

        static void run(int[] ks, int runs, long latency) throws Exception {
            System.out.println();
            System.out.println("apply of K pending migrations (requests; wall ms median [min-max])");
            warmUp(latency);
            System.out.println("   K | plugin req | plugin ms          | drizzle req | drizzle migrate() ms | drizzle process ms | ratio"
                    + " | plugin, foreign keys ON: req | ms");
            for (int k : ks) {
                List<Double> pluginMs = new ArrayList<>();
                List<Double> drizzleMs = new ArrayList<>();
                List<Double> drizzleProcessMs = new ArrayList<>();
                List<Double> statusMs = new ArrayList<>();
                List<Double> enforcingMs = new ArrayList<>();
                long enforcingRequests = 0;
                long pluginRequests = 0;
                long drizzleRequests = 0;
                long statusRequests = 0;
                for (int r = 0; r < runs; r++) {
                    Path project = Files.createTempDirectory("bench-apply");
                    directory(project, k);
                    try (TursoServer server = TursoServer.start(); FaultProxy proxy = FaultProxy.to(server.baseUrl())) {
                        proxy.always(FaultProxy.delay(Duration.ofMillis(latency)));
                        MigrationEngine engine = engine(project, proxy.baseUrl());
                        time(pluginMs, () -> engine.apply(engine.loadDirectory(), m -> { }));
                        pluginRequests = proxy.requestCount();
                        time(statusMs, () -> engine.status(engine.loadDirectory()));
                        statusRequests = proxy.requestCount() - pluginRequests;
                    }
                    // Turso's own engine enforcing foreign keys, which lists them only by query
                    Path enforcing = Files.createTempDirectory("bench-apply-fk");
                    directory(enforcing, k);
                    try (TursoServer server = TursoServer.start(); FaultProxy proxy = FaultProxy.to(server.baseUrl())) {
                        try (java.sql.Connection c = server.connect();
                             java.sql.Statement statement = c.createStatement()) {
                            statement.execute("PRAGMA foreign_keys=ON");
                        }
                        proxy.always(FaultProxy.delay(Duration.ofMillis(latency)));
                        MigrationEngine engine = engine(enforcing, proxy.baseUrl());
                        time(enforcingMs, () -> engine.apply(engine.loadDirectory(), m -> { }));
                        enforcingRequests = proxy.requestCount();
                    }
                    try (TursoServer server = TursoServer.start(); FaultProxy proxy = FaultProxy.to(server.baseUrl());
                         CloseStrippingProxy shim = CloseStrippingProxy.to(proxy.baseUrl())) {
                        proxy.always(FaultProxy.delay(Duration.ofMillis(latency)));
                        long start = System.nanoTime();
                        NodePeers.Run run = NodePeers.drizzleOrmMigrate(project, shim.baseUrl());
                        drizzleProcessMs.add(millisSince(start));
                        if (run.exitCode() != 0) {
                            throw new IllegalStateException("drizzle-orm's migrator failed:\n" + run.output());
                        }
                        drizzleMs.add(Double.parseDouble(run.output().lines()
                                .filter(l -> l.startsWith("migrate-ms ")).findFirst().orElseThrow().substring(11)));
                        drizzleRequests = proxy.requestCount();
                    }
                }
                Figures plugin = Figures.of(pluginMs);
                Figures drizzle = Figures.of(drizzleMs);
                System.out.printf(Locale.ROOT, "%4d | %10d | %-18s | %11d | %-20s | %-18s | %.2f  | %28d | %s%n", k,
                        pluginRequests, plugin, drizzleRequests, drizzle, Figures.of(drizzleProcessMs),
                        plugin.median() / drizzle.median(), enforcingRequests, Figures.of(enforcingMs));
                System.out.printf(Locale.ROOT, "     status afterwards (nothing pending): %d requests, %s ms%n",
                        statusRequests, Figures.of(statusMs));
            }
        }
    }

    /**
     * One apply and status before measuring, so the figures are the apply's own and not this JVM's class
     * loading (a Maven build pays that once per build, whatever it applies; the generate figures below are
     * cold on purpose).
     */
    static void warmUp(long latency) throws Exception {
        Path project = Files.createTempDirectory("bench-warm");
        directory(project, 3);
        try (TursoServer server = TursoServer.start(); FaultProxy proxy = FaultProxy.to(server.baseUrl())) {
            proxy.always(FaultProxy.delay(Duration.ofMillis(latency)));
            MigrationEngine engine = engine(project, proxy.baseUrl());
            engine.apply(engine.loadDirectory(), m -> { });
            engine.status(engine.loadDirectory());
        }
    }

    /** The SQL dump that backup and dry run use, of a 100,000-row table: from a file, and over HTTP. */
    static final class DumpBench {
        private DumpBench() {
        }

        static double rowsPerSecond(java.sql.Connection connection, Path dump) throws Exception {
            long start = System.nanoTime();
            long rows;
            try (java.io.Writer out = Files.newBufferedWriter(dump)) {
                rows = new io.writerflow.maven.engine.backup.SqlDump(java.util.Set.of(), 2000).write(connection, out);
            }
            return rows * 1000.0 / Math.max(1, millisSince(start));
        }

        static void run(int runs, long latency) throws Exception {
            System.out.println();
            System.out.println("SQL dump of a 100,000-row table (rows/s median [min-max])");
            Path dir = Files.createTempDirectory("bench-dump");
            List<Double> file = new ArrayList<>();
            try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("big.db"))) {
                c.setAutoCommit(false);
                io.writerflow.maven.testing.EventsTable.fill(c);
                c.commit();
                c.setAutoCommit(true);
                for (int r = 0; r < runs; r++) {
                    file.add(rowsPerSecond(c, dir.resolve("file.sql")));
                }
            }
            List<Double> remote = new ArrayList<>();
            try (TursoServer server = TursoServer.start(); FaultProxy proxy = FaultProxy.to(server.baseUrl())) {
                try (java.sql.Connection c = server.connect()) {
                    io.writerflow.maven.testing.EventsTable.fill(c);
                }
                proxy.always(FaultProxy.delay(Duration.ofMillis(latency)));
                try (java.sql.Connection c = io.writerflow.maven.testing.TursoServer.connect(proxy.baseUrl())) {
                    for (int r = 0; r < runs; r++) {
                        remote.add(rowsPerSecond(c, dir.resolve("remote.sql")));
                    }
                }
            }
            System.out.println("  from a file:                                   " + Figures.of(file));
            System.out.println("  from the Turso server, " + latency + " ms per response:      " + Figures.of(remote));
        }
    }

    /**
     * Apply of one 50 MB migration (100,000 multi-row INSERTs) in a child JVM with a small heap, to a file and to
     * the Turso server: the smallest of a few heaps that works, then the wall time of the whole child process at
     * that heap (JVM start included), and the rows counted afterwards.
     */
    static final class MemoryBench {
        private MemoryBench() {
        }

        static void run(int runs, int inserts) throws Exception {
            int[] heaps = Arrays.stream(System.getProperty("bench.heapsMb", "16,24,32,48,64,96,128").split(","))
                    .mapToInt(Integer::parseInt).toArray();
            Path project = Files.createTempDirectory("bench-memory");
            Path drizzle = LargeMigration.write(project, inserts);
            long rows = (long) inserts * LargeMigration.ROWS_PER_INSERT;
            System.out.println();
            System.out.println("apply of one " + LargeMigration.megabytes(drizzle.resolve("0001_fill.sql"))
                    + " migration (" + inserts + " INSERTs, " + rows + " rows) in a child JVM: the smallest heap of "
                    + Arrays.toString(heaps) + " MB that works; ms median [min-max] of the apply (ApplyProcess's own"
                    + " clock) and of the whole child process");
            report("file database", () -> "file:" + project.resolve("local-" + System.nanoTime() + ".db"),
                    drizzle, runs, rows, null, heaps);
            try (TursoServer server = TursoServer.start()) {
                report("Turso server ", server::baseUrl, drizzle, runs, rows, server, heaps);
            }
        }

        /** A fresh database per apply: a file of its own, or the server's database emptied of the last apply. */
        private static void report(String label, Supplier<String> url, Path drizzle, int runs, long rows,
                TursoServer server, int[] heaps) throws Exception {
            for (int heap : heaps) {
                List<Double> millis = new ArrayList<>();
                List<Double> own = new ArrayList<>();
                LargeMigration.Run run = null;
                for (int r = 0; r < runs; r++) {
                    String database = url.get();
                    if (server != null) {
                        empty(server);
                    }
                    run = LargeMigration.applyInChildJvm(drizzle, database, heap, classpath(), 600);
                    if (!run.succeeded()) {
                        break;
                    }
                    millis.add(run.millis());
                    own.add(run.ownMillis());
                    long counted = count(database, server);
                    if (counted != rows) {
                        throw new IllegalStateException(label.strip() + ": " + counted + " rows of " + rows);
                    }
                }
                if (run != null && run.succeeded()) {
                    System.out.printf(Locale.ROOT, "  %s -Xmx%dm: apply %s ms, process %s ms, all %d rows arrived%n",
                            label, heap, Figures.of(own), Figures.of(millis), rows);
                    return;
                }
                System.out.printf(Locale.ROOT, "  %s -Xmx%dm: %s%n", label, heap, run != null && run.ranOutOfMemory()
                        ? "out of memory" : "failed: " + (run == null ? "" : run.output().strip()));
            }
        }

        private static void empty(TursoServer server) throws Exception {
            try (java.sql.Connection c = server.connect(); java.sql.Statement s = c.createStatement()) {
                for (String table : List.of(LargeMigration.TABLE, "__writerflow_history", "__writerflow_history_lock")) {
                    s.execute("DROP TABLE IF EXISTS " + table);
                }
            }
        }

        private static long count(String url, TursoServer server) throws Exception {
            try (java.sql.Connection c = server != null
                    ? server.connect()
                    : java.sql.DriverManager.getConnection("jdbc:sqlite:" + url.substring("file:".length()));
                 java.sql.Statement s = c.createStatement();
                 java.sql.ResultSet rs = s.executeQuery("SELECT count(*) FROM " + LargeMigration.TABLE)) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** One generate in a fresh JVM, schema.js read by {@code runtime}; returns its own time in ms. */
    static double generateOnce(Path project, JsRuntime runtime) throws Exception {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classpath(), GenerateOnce.class.getName(), project.toString(), runtime.name())
                .redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes());
        process.waitFor();
        return Double.parseDouble(out.lines().filter(l -> l.startsWith("generate-ms ")).findFirst()
                .orElseThrow(() -> new IllegalStateException(out)).substring(12));
    }

    /** Generate of a 300-table schema: the plugin's own time in a fresh JVM vs drizzle-kit's whole process. */
    static final class GenerateBench {
        static void run(int runs) throws Exception {
            System.out.println();
            System.out.println("generate, 300-table schema (ms median [min-max])");
            List<Double> plugin = new ArrayList<>();
            List<Double> pluginGraal = new ArrayList<>();
            List<Double> pluginUnchanged = new ArrayList<>();
            List<Double> pluginProcess = new ArrayList<>();
            List<Double> pluginNext = new ArrayList<>();
            List<Double> drizzle = new ArrayList<>();
            List<Double> drizzleNext = new ArrayList<>();
            for (int r = 0; r < runs; r++) {
                Path graal = Files.createTempDirectory("bench-generate-graal");
                GenerateOnce.writeProject(graal);
                pluginGraal.add(generateOnce(graal, JsRuntime.GRAALJS));

                Path project = Files.createTempDirectory("bench-generate");
                GenerateOnce.writeProject(project);
                long start = System.nanoTime();
                plugin.add(generateOnce(project, JsRuntime.AUTO));
                pluginProcess.add(millisSince(start));
                // generate the same first migration again, the schema unchanged
                try (java.util.stream.Stream<Path> files = Files.walk(project.resolve("drizzle"))) {
                    for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.delete(f);
                    }
                }
                pluginUnchanged.add(generateOnce(project, JsRuntime.AUTO));
                // the everyday case: one column added, the 300-table snapshot before it read and diffed
                GenerateOnce.addColumn(project);
                pluginNext.add(generateOnce(project, JsRuntime.AUTO));

                Path kit = Files.createTempDirectory("bench-generate-kit");
                GenerateOnce.writeProject(kit);
                NodePeers.linkNodeModules(kit);
                Files.writeString(kit.resolve("drizzle.config.js"), "export default { dialect: 'sqlite',"
                        + " schema: './schema.js', out: './drizzle' };\n");
                long kitStart = System.nanoTime();
                NodePeers.Run run = NodePeers.drizzleKit(kit, "generate");
                drizzle.add(millisSince(kitStart));
                if (run.exitCode() != 0) {
                    throw new IllegalStateException("drizzle-kit generate failed:\n" + run.output());
                }
                GenerateOnce.addColumn(kit);
                long nextStart = System.nanoTime();
                NodePeers.Run next = NodePeers.drizzleKit(kit, "generate");
                drizzleNext.add(millisSince(nextStart));
                if (next.exitCode() != 0) {
                    throw new IllegalStateException("drizzle-kit generate failed:\n" + next.output());
                }
            }
            System.out.println("  plugin, own time (as writerflow:generate logs it): " + Figures.of(plugin));
            System.out.println("  plugin, whole JVM process:                         " + Figures.of(pluginProcess));
            System.out.println("  plugin, own time, jsRuntime=graaljs:               " + Figures.of(pluginGraal));
            System.out.println("  plugin, schema unchanged since its last run:       " + Figures.of(pluginUnchanged));
            System.out.println("  drizzle-kit generate, whole process:               " + Figures.of(drizzle));
            System.out.println("  then a column added: plugin, own time:             " + Figures.of(pluginNext));
            System.out.println("  then a column added: drizzle-kit, whole process:   " + Figures.of(drizzleNext));
        }
    }

    /**
     * The same 300 tables as TypeScript against JavaScript, each first migration in a fresh JVM and a fresh
     * project (no schema or transpile cache), under Node.js: with TypeScript's compiler (a project without
     * node_modules) and with the project's esbuild (what drizzle projects have); then a second generate with
     * nothing changed (the schema cache answers, the latest snapshot is read, nothing is written).
     */
    static final class TypeScriptBench {
        static void run(int runs) throws Exception {
            System.out.println();
            System.out.println("generate, 300-table schema as TypeScript vs JavaScript, Node.js (ms median [min-max])");
            List<Double> js = new ArrayList<>();
            List<Double> tsc = new ArrayList<>();
            List<Double> esbuild = new ArrayList<>();
            List<Double> again = new ArrayList<>();
            for (int r = 0; r < runs; r++) {
                Path plain = Files.createTempDirectory("bench-ts-js");
                GenerateOnce.writeProject(plain);
                js.add(generateOnce(plain, JsRuntime.NODE));

                Path compiler = Files.createTempDirectory("bench-ts-tsc");
                GenerateOnce.writeTypeScriptProject(compiler);
                tsc.add(generateOnce(compiler, JsRuntime.NODE));

                Path withEsbuild = Files.createTempDirectory("bench-ts-esbuild");
                GenerateOnce.writeTypeScriptProject(withEsbuild);
                NodePeers.linkNodeModules(withEsbuild);
                esbuild.add(generateOnce(withEsbuild, JsRuntime.NODE));
                // the next build's generate: the schema and its migration unchanged, nothing to write
                again.add(generateOnce(withEsbuild, JsRuntime.NODE));
            }
            System.out.println("  JavaScript, first migration:                     " + Figures.of(js));
            System.out.println("  TypeScript, TypeScript's compiler:               " + Figures.of(tsc) + ", ratio "
                    + ratio(tsc, js));
            System.out.println("  TypeScript, the project's esbuild:               " + Figures.of(esbuild) + ", ratio "
                    + ratio(esbuild, js));
            System.out.println("  TypeScript, again with nothing changed:          " + Figures.of(again)
                    + ", first / again " + ratio(esbuild, again));
        }

        private static String ratio(List<Double> a, List<Double> b) {
            return String.format(java.util.Locale.ROOT, "%.2f", median(a) / median(b));
        }

        private static double median(List<Double> values) {
            List<Double> sorted = values.stream().sorted().toList();
            return sorted.get(sorted.size() / 2);
        }
    }

    /**
     * Many small pending migrations applied to an embedded file, beside the floor SQLite sets: the same statements
     * committed once per migration by plain JDBC, so the plugin's own cost per migration shows.
     */
    static final class ManyMigrationsBench {
        private ManyMigrationsBench() {
        }

        static void run(int runs, int k) throws Exception {
            List<Double> plugin = new ArrayList<>();
            List<Double> jdbc = new ArrayList<>();
            for (int run = 0; run < runs; run++) {
                Path project = Files.createTempDirectory("writerflow-many");
                directory(project, k);
                MigrationEngine engine = engine(project, "file:local.db");
                time(plugin, () -> engine.apply(engine.loadDirectory(), m -> { }));
                jdbc.add(plainCommits(project.resolve("plain.db"), k));
            }
            System.out.printf(Locale.ROOT, "Apply of %d pending migrations (3 statements each) to a file, ms:%n", k);
            System.out.println("  writerflow:apply:                  " + Figures.of(plugin) + String.format(Locale.ROOT,
                    ", %.1f per migration", Figures.of(plugin).median() / k));
            System.out.println("  plain JDBC, one commit each:       " + Figures.of(jdbc) + String.format(Locale.ROOT,
                    ", %.1f per migration", Figures.of(jdbc).median() / k));
        }

        /** The statements of {@link #directory}, a transaction per migration, on a new file. */
        private static double plainCommits(Path file, int k) throws Exception {
            try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file);
                 java.sql.Statement s = c.createStatement()) {
                c.setAutoCommit(false);
                long start = System.nanoTime();
                for (int i = 0; i < k; i++) {
                    s.execute("CREATE TABLE `t" + i + "` (`id` integer PRIMARY KEY, `name` text)");
                    s.execute("INSERT INTO `t" + i + "` (`name`) VALUES ('x')");
                    s.execute("CREATE INDEX `t" + i + "_name_idx` ON `t" + i + "` (`name`)");
                    c.commit();
                }
                return millisSince(start);
            }
        }
    }
}
