package io.writerflow.maven.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The real drizzle tools from npm that tests compare the plugin with, installed by the build ({@code npm ci}
 * in generate-test-resources, pinned by package-lock.json): drizzle-kit 0.31 with its drizzle-orm in the
 * repository root, drizzle-kit 1.0 with drizzle-orm 1.0 in {@code src/test/peers/drizzle-kit-1} (one
 * node_modules cannot hold both). A test that needs one fails when it is missing; it never skips.
 */
public final class NodePeers {

    /** One installation of drizzle-kit, drizzle-orm and the libSQL client. */
    public enum Kit {
        /** drizzle-kit 0.31: {@code meta/_journal.json}, snapshots version "6". */
        V0_31("writerflow.test.nodeModules", "node_modules", "the repository root"),
        /** drizzle-kit 1.0: one folder per migration, snapshots version "7". */
        V1("writerflow.test.drizzleKit1NodeModules", "src/test/peers/drizzle-kit-1/node_modules",
                "src/test/peers/drizzle-kit-1");

        private final String property;
        private final String defaultPath;
        private final String installIn;

        Kit(String property, String defaultPath, String installIn) {
            this.property = property;
            this.defaultPath = defaultPath;
            this.installIn = installIn;
        }

        /** The node_modules directory, or a failed test that says what to install where. */
        public Path nodeModules() {
            Path dir = Path.of(System.getProperty(property, defaultPath)).toAbsolutePath();
            if (!Files.isDirectory(dir.resolve("drizzle-kit")) || !Files.isDirectory(dir.resolve("drizzle-orm"))) {
                fail("drizzle-kit and drizzle-orm are not installed in " + dir
                        + ". Install Node.js 20+ with npm, then run 'npm ci' in " + installIn
                        + " (the Maven build does this unless -Dnpm.skip=true).");
            }
            return dir;
        }

        private String install() {
            return "run 'npm ci' in " + installIn;
        }
    }

    private NodePeers() {
    }

    public static Path nodeModules() {
        return Kit.V0_31.nodeModules();
    }

    /** The node_modules holding Turso's Platform API client {@code @tursodatabase/api}; fails the test without it. */
    public static Path tursoPlatformClient() {
        Path dir = Path.of(System.getProperty("writerflow.test.nodeModules", "node_modules")).toAbsolutePath();
        if (!Files.isRegularFile(dir.resolve("@tursodatabase/api/dist/index.js"))) {
            fail("Turso's Platform API client @tursodatabase/api is not installed in " + dir + ". Install Node.js 20+"
                    + " with npm, then run 'npm ci' in the repository root (the Maven build does this unless"
                    + " -Dnpm.skip=true).");
        }
        return dir;
    }

    /** The result of running a tool. */
    public record Run(int exitCode, String output) {
    }

    /**
     * Runs {@code drizzle-kit ARGS} in {@code project}, which needs a drizzle config and a
     * {@code node_modules} link; see {@link #linkNodeModules(Path)}.
     */
    public static Run drizzleKit(Path project, String... args) {
        return drizzleKit(Kit.V0_31, project, args);
    }

    /** As {@link #drizzleKit(Path, String...)} with the given drizzle-kit; see {@link #linkNodeModules(Kit, Path)}. */
    public static Run drizzleKit(Kit kit, Path project, String... args) {
        List<String> command = new ArrayList<>();
        command.add(kit.nodeModules().resolve(".bin/drizzle-kit").toString());
        command.addAll(List.of(args));
        return run(project, command);
    }

    /**
     * Applies {@code project/drizzle} to the database at {@code url} ({@code file:...} or {@code http://...})
     * with drizzle-orm's own libSQL migrator, as an app using drizzle would at startup; prints
     * {@code migrate-ms N}, the time of the migrate call itself.
     */
    public static Run drizzleOrmMigrate(Path project, String url) throws IOException {
        return drizzleOrmMigrate(Kit.V0_31, project, url);
    }

    /** As {@link #drizzleOrmMigrate(Path, String)} with the drizzle-orm of {@code kit}. */
    public static Run drizzleOrmMigrate(Kit kit, Path project, String url) throws IOException {
        return drizzleOrmMigrate(kit, project, url, null);
    }

    /** As {@link #drizzleOrmMigrate(Path, String)}, recording in {@code migrationsTable} (drizzle.config's migrations.table). */
    public static Run drizzleOrmMigrate(Kit kit, Path project, String url, String migrationsTable) throws IOException {
        Path modules = kit.nodeModules();
        if (!Files.isDirectory(modules.resolve("@libsql/client"))) {
            fail("@libsql/client is not installed in " + modules + "; " + kit.install() + ".");
        }
        Path script = project.resolve("drizzle-orm-migrate.mjs");
        Files.writeString(script, """
                import { createClient } from '%1$s/@libsql/client/lib-esm/node.js';
                import { drizzle } from '%1$s/drizzle-orm/libsql/index.js';
                import { migrate } from '%1$s/drizzle-orm/libsql/migrator.js';
                const client = createClient({ url: process.argv[2] });
                const start = performance.now();
                await migrate(drizzle({ client }), { migrationsFolder: process.argv[3],
                  ...(process.argv[4] ? { migrationsTable: process.argv[4] } : {}) });
                console.log('migrate-ms ' + (performance.now() - start).toFixed(1));
                client.close();
                """.formatted(modules.toString().replace('\\', '/')));
        List<String> command = new java.util.ArrayList<>(List.of("node", script.toString(), url,
                project.resolve("drizzle").toString()));
        if (migrationsTable != null) {
            command.add(migrationsTable);
        }
        return run(project, command);
    }

    /** Makes the installed packages resolvable from {@code project} (drizzle-kit imports schema.js there). */
    public static void linkNodeModules(Path project) throws IOException {
        linkNodeModules(Kit.V0_31, project);
    }

    /** Makes the packages of {@code kit} resolvable from {@code project}. */
    public static void linkNodeModules(Kit kit, Path project) throws IOException {
        Path link = project.resolve("node_modules");
        if (!Files.exists(link)) {
            Files.createSymbolicLink(link, kit.nodeModules());
        }
    }

    public static Run run(Path directory, List<String> command) {
        try {
            Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail("timed out: " + command);
            }
            return new Run(process.exitValue(), output);
        } catch (IOException e) {
            return fail("cannot run " + command + ": " + e.getMessage()
                    + " (install Node.js 20+ and npm, then run 'npm ci' in the repository root)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted: " + command);
        }
    }
}
