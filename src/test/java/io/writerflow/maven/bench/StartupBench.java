package io.writerflow.maven.bench;

import io.writerflow.maven.testing.LargeSchemas;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * What the plugin adds to a whole {@code mvn} process (issue 13, "Startup cost"): {@code mvn validate} on the
 * same POM, which loads no plugin, against {@code writerflow:help}, {@code status}, {@code apply} with nothing
 * pending and {@code generate} with nothing changed, each a fresh Maven (the Maven that runs the benchmark,
 * offline, quiet), in a drizzle-shaped project of 27 tables with a TypeScript schema and drizzle.config.ts on
 * the embedded file database. Every round runs each command once, in a shuffled order, and each goal's figure
 * is its time minus validate's in the same round: paired, so that the load of other builds on the machine
 * cancels out as far as it can. Printed, never asserted.
 *
 * <p>The plugin comes from the invoker's local repository ({@code target/local-repo}), where
 * {@code invoker:install} puts the plugin built from these sources and its dependencies; everything else from
 * the local repository of the Maven running this (a read-only tail). Run:
 * {@code ./mvnw -o -B -q -DskipTests package invoker:install@integration-test exec:java@benchmark
 * -Dbench.only=startup -Dbench.runs=15}. With {@code -Dbench.baselineRepository=DIR}, a second build of the plugin
 * (another such repository, say a copy of {@code target/local-repo} made before a change) runs in the same
 * rounds, and each goal's difference between the two is printed round by round too.
 */
final class StartupBench {

    private static final List<String> GOALS = List.of("validate", "writerflow:help", "writerflow:status",
            "writerflow:apply", "writerflow:generate");
    private static final int TABLES = 27;

    private StartupBench() {
    }

    /** A plugin build to measure: where it is installed, and its own project (the caches in target/ are its own). */
    private record Variant(String label, List<String> mvn, Path project) {
    }

    static void run(int rounds) throws Exception {
        Path mvn = Path.of(System.getProperty("maven.home", ""), "bin", "mvn");
        if (!Files.isExecutable(mvn)) {
            throw new IllegalStateException("No Maven at " + mvn + " (maven.home): run the benchmark through ./mvnw.");
        }
        List<Variant> variants = new ArrayList<>();
        variants.add(variant("this build", mvn, System.getProperty("bench.pluginRepository", "target/local-repo")));
        String baseline = System.getProperty("bench.baselineRepository", "");
        if (!baseline.isEmpty()) {
            variants.add(variant("baseline", mvn, baseline));
        }

        System.out.println();
        System.out.printf(Locale.ROOT, "startup: whole mvn processes (%s), %d-table TypeScript schema and"
                + " drizzle.config.ts, embedded file; %d rounds (+1 warm-up), each command once per round in a shuffled"
                + " order; ms%n", mvn, TABLES, rounds);
        List<String[]> commands = new ArrayList<>();
        commands.add(new String[] {"", "validate"});
        for (Variant variant : variants) {
            GOALS.subList(1, GOALS.size()).forEach(goal -> commands.add(new String[] {variant.label(), goal}));
        }
        Map<String, List<Double>> millis = new LinkedHashMap<>();
        Map<String, List<Double>> cpu = new LinkedHashMap<>();
        commands.forEach(c -> millis.put(key(c[0], c[1]), new ArrayList<>()));
        commands.forEach(c -> cpu.put(key(c[0], c[1]), new ArrayList<>()));
        Random shuffle = new Random(13);
        for (int round = 0; round <= rounds; round++) {
            List<String[]> order = new ArrayList<>(commands);
            Collections.shuffle(order, shuffle);
            for (String[] command : order) {
                Variant variant = variants.stream().filter(v -> v.label().equals(command[0])).findFirst()
                        .orElse(variants.get(0));
                Run run = mvn(variant.project(), variant.mvn(), command[1]);
                if (round > 0) {
                    millis.get(key(command[0], command[1])).add(run.wallMs());
                    cpu.get(key(command[0], command[1])).add(run.cpuMs());
                }
            }
        }
        for (Variant variant : variants) {
            if (Files.exists(variant.project().resolve("drizzle/meta/0001_snapshot.json"))) {
                throw new IllegalStateException("generate wrote a migration: the schema was meant to be unchanged");
            }
        }
        print("wall time", millis, variants);
        if (cpu.get(key("", "validate")).stream().noneMatch(ms -> ms.isNaN())) {
            print("CPU time (user + system, the process and its children, such as Node.js)", cpu, variants);
        }
    }

    private static String key(String variant, String goal) {
        return variant + " " + goal;
    }

    /** A plugin installed in {@code repository}, the rest from the local repository of the Maven running this. */
    private static Variant variant(String label, Path mvn, String repository) throws Exception {
        Path plugins = Path.of(repository).toAbsolutePath();
        if (!Files.isDirectory(plugins.resolve("io/writerflow/writerflow-maven-plugin"))) {
            throw new IllegalStateException("The plugin is not installed in " + plugins + ": run ./mvnw -o -B -q"
                    + " -DskipTests package invoker:install@integration-test exec:java@benchmark -Dbench.only=startup");
        }
        List<String> command = new ArrayList<>(List.of(mvn.toString(), "-B", "-o", "-q",
                "-Dmaven.repo.local=" + plugins));
        String tail = System.getProperty("bench.localRepository", "");
        if (!tail.isEmpty()) {
            command.add("-Dmaven.repo.local.tail=" + tail);
        }
        Path project = Files.createTempDirectory("bench-startup");
        writeProject(project);
        // the first migration (journal, .sql, snapshot) and the database at it: what every later run finds
        // unchanged and applied
        mvn(project, command, "writerflow:generate");
        mvn(project, command, "writerflow:apply");
        return new Variant(label, command, project);
    }

    /** Each goal's figures, its extra over validate (the differences within each round), and against the baseline. */
    private static void print(String what, Map<String, List<Double>> millis, List<Variant> variants) {
        System.out.println("  " + what + ":");
        List<Double> validate = millis.get(key("", "validate"));
        System.out.println("    mvn validate (no plugin loaded):     " + spread(validate));
        for (Variant variant : variants) {
            if (variants.size() > 1) {
                System.out.println("    " + variant.label() + ":");
            }
            for (String goal : GOALS.subList(1, GOALS.size())) {
                List<Double> own = millis.get(key(variant.label(), goal));
                System.out.printf(Locale.ROOT, "    %-36s %s; extra over validate %s%n", "mvn " + goal + ":",
                        spread(own), spread(differences(own, validate)));
            }
        }
        if (variants.size() > 1) {
            System.out.println("    this build minus baseline, round by round:");
            for (String goal : GOALS.subList(1, GOALS.size())) {
                System.out.printf(Locale.ROOT, "    %-36s %s%n", "mvn " + goal + ":", spread(differences(
                        millis.get(key(variants.get(0).label(), goal)), millis.get(key(variants.get(1).label(), goal)))));
            }
        }
    }

    private static List<Double> differences(List<Double> a, List<Double> b) {
        List<Double> d = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            d.add(a.get(i) - b.get(i));
        }
        return d;
    }

    /** Median, the middle half and the whole range: a loaded machine's figures need all three. */
    static String spread(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return String.format(Locale.ROOT, "%.0f (middle half %.0f..%.0f, all %.0f..%.0f)",
                Benchmarks.Figures.of(sorted).median(), quantile(sorted, 0.25), quantile(sorted, 0.75), sorted.get(0),
                sorted.get(sorted.size() - 1));
    }

    /** Linear interpolation between the nearest ranks. */
    private static double quantile(List<Double> sorted, double q) {
        double at = q * (sorted.size() - 1);
        int below = (int) Math.floor(at);
        int above = Math.min(sorted.size() - 1, below + 1);
        return sorted.get(below) + (at - below) * (sorted.get(above) - sorted.get(below));
    }

    /** pom.xml with the plugin, drizzle.config.ts, a TypeScript schema: a drizzle project without node_modules. */
    static void writeProject(Path project) throws IOException {
        String version = System.getProperty("bench.pluginVersion", "0.1.0-SNAPSHOT");
        Files.writeString(project.resolve("pom.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>bench</groupId>
                  <artifactId>startup</artifactId>
                  <version>1.0.0-SNAPSHOT</version>
                  <packaging>pom</packaging>
                  <build>
                    <plugins>
                      <plugin>
                        <groupId>io.writerflow</groupId>
                        <artifactId>writerflow-maven-plugin</artifactId>
                        <version>%s</version>
                      </plugin>
                    </plugins>
                  </build>
                </project>
                """.formatted(version));
        Files.writeString(project.resolve("drizzle.config.ts"), """
                import { defineConfig } from "drizzle-kit";

                export default defineConfig({
                  dialect: "sqlite",
                  schema: "./src/db/schema.ts",
                  out: "./drizzle",
                  dbCredentials: { url: process.env.DATABASE_URL ?? "file:local.db" },
                });
                """);
        Files.createDirectories(project.resolve("src/db"));
        Files.writeString(project.resolve("src/db/schema.ts"), LargeSchemas.largeTypeScriptSchema(TABLES));
    }

    /** One whole Maven process in the project; its wall time in ms. */
    private static Run mvn(Path project, List<String> base, String goal) throws Exception {
        List<String> command = new ArrayList<>(base);
        command.add(goal);
        ProcessBuilder builder = new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true);
        // the project's own database, whatever the shell points at
        builder.environment().remove("TURSO_DATABASE_URL");
        builder.environment().remove("TURSO_AUTH_TOKEN");
        builder.environment().remove("DATABASE_URL");
        long cpuBefore = childrenCpuMillis();
        long start = System.nanoTime();
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = process.waitFor();
        double ms = Benchmarks.millisSince(start);
        if (exit != 0) {
            throw new IllegalStateException("mvn " + goal + " failed (exit " + exit + "):\n" + output);
        }
        return new Run(ms, cpuBefore < 0 ? Double.NaN : childrenCpuMillis() - cpuBefore);
    }

    /** Wall time, and the CPU time of the process and what it ran (NaN where /proc does not say). */
    record Run(double wallMs, double cpuMs) {
    }

    /**
     * The CPU time (user and system) of this JVM's children that have ended and been waited for, with their
     * own children: Linux's {@code cutime} and {@code cstime} of /proc/self/stat, in ms; -1 elsewhere. Less
     * disturbed than wall time by other builds on the machine, which take turns on the cores but not the work.
     */
    private static long childrenCpuMillis() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // after "pid (comm) ": state is field 3, cutime field 16 and cstime field 17, in clock ticks (USER_HZ, 100)
            return (Long.parseLong(fields[13]) + Long.parseLong(fields[14])) * 10;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

}
