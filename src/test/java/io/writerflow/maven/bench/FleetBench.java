package io.writerflow.maven.bench;

import io.writerflow.maven.engine.ApplyOptions;
import io.writerflow.maven.engine.EngineSettings;
import io.writerflow.maven.engine.MigrationEngine;
import io.writerflow.maven.fleet.EngineOperations;
import io.writerflow.maven.fleet.FleetOperation;
import io.writerflow.maven.fleet.FleetResult;
import io.writerflow.maven.fleet.FleetRunner;
import io.writerflow.maven.fleet.FleetTarget;
import io.writerflow.maven.fleet.TargetList;
import io.writerflow.maven.testing.CloseStrippingProxy;
import io.writerflow.maven.testing.NodePeers;
import io.writerflow.maven.testing.TestSettings;
import io.writerflow.maven.testing.TursoFleet;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Issue 17's figures: a fleet of real Turso servers (one database each, every one behind its own proxy adding
 * the latency and counting requests), each with K pending migrations. The plugin's fleet apply
 * ({@code parallel} at a time) against what teams run today: a sequential loop calling drizzle-orm's libSQL
 * migrator once per database, in one Node process (the loop's own time, Node's start excluded, so the anchor is
 * the fastest form of it). Then the memory of a 10,000-database fleet, in a child JVM with a small heap.
 *
 * <p>Run: {@code ./mvnw -B -q -Dnpm.skip=true test-compile exec:java@benchmark -Dbench.only=fleet} (options:
 * {@code -Dbench.fleet=50}, {@code -Dbench.parallel=16}, {@code -Dbench.fleetK=10}, {@code -Dbench.latencyMs=20},
 * {@code -Dbench.runs}, {@code -Dbench.targets=10000}).
 */
final class FleetBench {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private FleetBench() {
    }

    static void run(int runs, long latency) throws Exception {
        int size = Integer.getInteger("bench.fleet", 50);
        int parallel = Integer.getInteger("bench.parallel", 16);
        int k = Integer.getInteger("bench.fleetK", 10);
        System.out.println();
        System.out.printf(Locale.ROOT, "fleet apply: %d Turso databases, %d pending migrations each, %d ms added per"
                + " response (wall ms median [min-max])%n", size, k, latency);
        List<Double> plugin = new ArrayList<>();
        List<Double> perDatabase = new ArrayList<>();
        List<Double> serversCpu = new ArrayList<>();
        List<Double> jvmCpu = new ArrayList<>();
        List<Double> fleetThreadsCpu = new ArrayList<>();
        List<Double> drizzleServersCpu = new ArrayList<>();
        List<Double> drizzle = new ArrayList<>();
        long pluginRequests = 0;
        long pluginMaxPerDatabase = 0;
        long drizzleRequests = 0;
        for (int r = 0; r < runs; r++) {
            Path project = Files.createTempDirectory("bench-fleet");
            Benchmarks.directory(project, k);
            Path drizzleDir = project.resolve("drizzle");
            try (TursoFleet fleet = TursoFleet.start(size, Duration.ofMillis(latency))) {
                List<FleetTarget> targets = TargetList.parse(fleet.targetLines("tenant-"), "fleet.txt", project);
                EngineOperations operations = new EngineOperations(t -> settings(drizzleDir, t),
                        new MigrationEngine(settings(drizzleDir, targets.get(0))).loadDirectory());
                long serversBefore = fleet.serversCpuMillis();
                long jvmBefore = Benchmarks.processCpuMillis();
                long start = System.nanoTime();
                FleetOperation apply = operations.apply(ApplyOptions.NONE);
                AtomicLong workersCpu = new AtomicLong();
                FleetResult result = new FleetRunner(parallel, 0, 0).run(targets, target -> {
                    long before = THREADS.getCurrentThreadCpuTime();
                    try {
                        return apply.run(target);
                    } finally {
                        workersCpu.addAndGet(THREADS.getCurrentThreadCpuTime() - before);
                    }
                }, FleetRunner.Listener.NONE);
                plugin.add(Benchmarks.millisSince(start));
                serversCpu.add((double) (fleet.serversCpuMillis() - serversBefore));
                jvmCpu.add((double) (Benchmarks.processCpuMillis() - jvmBefore));
                fleetThreadsCpu.add(workersCpu.get() / 1e6);
                if (!result.allOk()) {
                    throw new IllegalStateException("the fleet apply failed: " + result.failed());
                }
                result.databases().forEach(d -> perDatabase.add(d.duration().toNanos() / 1e6));
                pluginRequests = 0;
                pluginMaxPerDatabase = 0;
                for (int i = 0; i < fleet.size(); i++) {
                    pluginRequests += fleet.proxy(i).requestCount();
                    pluginMaxPerDatabase = Math.max(pluginMaxPerDatabase, fleet.proxy(i).requestCount());
                }
            }
            try (TursoFleet fleet = TursoFleet.start(size, Duration.ofMillis(latency))) {
                List<CloseStrippingProxy> shims = new ArrayList<>();
                try {
                    List<String> urls = new ArrayList<>();
                    for (int i = 0; i < fleet.size(); i++) {
                        shims.add(CloseStrippingProxy.to(fleet.proxy(i).baseUrl()));
                        urls.add(shims.get(i).baseUrl());
                    }
                    long serversBefore = fleet.serversCpuMillis();
                    drizzle.add(drizzleLoop(project, urls));
                    drizzleServersCpu.add((double) (fleet.serversCpuMillis() - serversBefore));
                    drizzleRequests = 0;
                    for (int i = 0; i < fleet.size(); i++) {
                        drizzleRequests += fleet.proxy(i).requestCount();
                    }
                } finally {
                    shims.forEach(CloseStrippingProxy::close);
                }
            }
        }
        Benchmarks.Figures ours = Benchmarks.Figures.of(plugin);
        Benchmarks.Figures theirs = Benchmarks.Figures.of(drizzle);
        System.out.printf(Locale.ROOT, "  plugin, parallel=%d:            %s ms, %.1f requests per database (max %d)%n",
                parallel, ours, pluginRequests / (double) size, pluginMaxPerDatabase);
        System.out.printf(Locale.ROOT, "    one database's apply within it: %s ms%n", Benchmarks.Figures.of(perDatabase));
        System.out.printf(Locale.ROOT, "    CPU, ms: the %d servers %s; the plugin's fleet threads %s; this whole JVM (the"
                + " plugin, its HTTP client, the %d latency proxies, JIT and GC) %s%n", size,
                Benchmarks.Figures.of(serversCpu), Benchmarks.Figures.of(fleetThreadsCpu), size,
                Benchmarks.Figures.of(jvmCpu));
        System.out.printf(Locale.ROOT, "  drizzle-orm migrator, sequential: %s ms, %.1f requests per database%n",
                theirs, drizzleRequests / (double) size);
        System.out.printf(Locale.ROOT, "    CPU, ms: the %d servers %s%n", size, Benchmarks.Figures.of(drizzleServersCpu));
        System.out.printf(Locale.ROOT, "  ratio (medians): %.1fx%n", theirs.median() / ours.median());
        memory(Integer.getInteger("bench.targets", 10_000));
    }

    private static EngineSettings settings(Path drizzle, FleetTarget target) {
        return TestSettings.of(drizzle, target.url(), Duration.ofSeconds(60));
    }

    /** drizzle-orm's migrator on each URL in turn, in one Node process; the loop's own milliseconds. */
    private static double drizzleLoop(Path project, List<String> urls) throws Exception {
        Path modules = NodePeers.Kit.V0_31.nodeModules();
        Path script = project.resolve("drizzle-orm-loop.mjs");
        Files.writeString(script, """
                import { createClient } from '%1$s/@libsql/client/lib-esm/node.js';
                import { drizzle } from '%1$s/drizzle-orm/libsql/index.js';
                import { migrate } from '%1$s/drizzle-orm/libsql/migrator.js';
                const [folder, ...urls] = process.argv.slice(2);
                const start = performance.now();
                for (const url of urls) {
                  const client = createClient({ url });
                  await migrate(drizzle({ client }), { migrationsFolder: folder });
                  client.close();
                }
                console.log('loop-ms ' + (performance.now() - start).toFixed(1));
                """.formatted(modules.toString().replace('\\', '/')));
        List<String> command = new ArrayList<>(List.of("node", script.toString(),
                project.resolve("drizzle").toString()));
        command.addAll(urls);
        NodePeers.Run run = NodePeers.run(project, command);
        if (run.exitCode() != 0) {
            throw new IllegalStateException("drizzle-orm's migrator loop failed:\n" + run.output());
        }
        return Double.parseDouble(run.output().lines().filter(l -> l.startsWith("loop-ms ")).findFirst()
                .orElseThrow().substring(8));
    }

    /**
     * A fleet of {@code count} targets in a child JVM with a 64 MB heap ({@link FleetMemoryProcess}: simulated
     * endpoints, the real runner, summary and report); prints its peak heap and the report's size.
     */
    private static void memory(int count) throws Exception {
        Path report = Files.createTempFile("fleet-memory-", ".json");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m", "-cp", Benchmarks.classpath(), FleetMemoryProcess.class.getName(),
                Integer.toString(count), report.toString())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException("the " + count + "-target fleet failed in 64 MB:\n" + output);
        }
        System.out.printf(Locale.ROOT, "fleet of %,d simulated targets in a 64 MB heap: %s; report %.1f MB%n", count,
                output.strip(), Files.size(report) / 1e6);
        Files.deleteIfExists(report);
    }
}
