package io.writerflow.maven.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The real Turso server for tests: {@code tursodb <tempdir>/db.sqlite --sync-server 127.0.0.1:<free port>} from
 * the npm package {@code @tursodatabase/cli-linux-x64-gnu} (pinned in package.json / package-lock.json and
 * installed by the build's {@code npm ci}). Started in a fresh directory, ready once it answers
 * {@code POST /v2/pipeline}, killed on {@link #close()}. Missing binary: the test fails, it never skips.
 *
 * <p>What this server does (checked by {@code TursoServerFactsTest}): it answers {@code /v2/pipeline} only, it
 * answers HTTP 500 to a whole request that contains a Hrana {@code close}, and all clients share one
 * connection, so a transaction left open by one request is seen and joined by every other.
 */
public final class TursoServer implements AutoCloseable {

    public static final String PACKAGE = "@tursodatabase/cli-linux-x64-gnu";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    private volatile Process process;
    private final Path directory;
    private final int port;
    private final Path log;

    /** CPU time (user + system) the server process has used so far, in ms; -1 where /proc does not say. */
    public long cpuMillis() {
        try {
            String[] stat = Files.readString(Path.of("/proc/" + process.pid() + "/stat"))
                    .replaceFirst("^.*\\) ", "").split(" ");
            return (Long.parseLong(stat[11]) + Long.parseLong(stat[12])) * 10;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private TursoServer(Process process, Path directory, int port, Path log) {
        this.process = process;
        this.directory = directory;
        this.port = port;
        this.log = log;
    }

    /** The {@code tursodb} binary from node_modules; fails the test when it is not installed. */
    public static Path binary() {
        Path nodeModules = Path.of(System.getProperty("writerflow.test.nodeModules", "node_modules")).toAbsolutePath();
        Path binary = nodeModules.resolve(PACKAGE).resolve("tursodb");
        if (!Files.isRegularFile(binary)) {
            fail("The Turso server (" + PACKAGE + ") is not installed: " + binary + " is missing. Run 'npm ci' in"
                    + " the repository root (the Maven build does this unless -Dnpm.skip=true).");
        }
        if (!Files.isExecutable(binary)) {
            fail(binary + " is not executable; run 'npm ci' in the repository root to reinstall " + PACKAGE + ".");
        }
        return binary;
    }

    /** Starts a server on a fresh, empty database and waits until it answers. */
    public static TursoServer start() throws IOException, InterruptedException {
        Path binary = binary();
        Path directory = Files.createTempDirectory("tursodb-test");
        IOException last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            int port = freePort();
            Path log = directory.resolve("tursodb-" + port + ".log");
            Process process = launch(binary, directory, port, ProcessBuilder.Redirect.to(log.toFile()));
            TursoServer server = new TursoServer(process, directory, port, log);
            try {
                server.awaitReady();
                return server;
            } catch (IOException e) {
                // most likely the port was taken between choosing and binding it: try another
                last = e;
                server.stop();
            }
        }
        deleteRecursively(directory);
        throw last;
    }

    private static Process launch(Path binary, Path directory, int port, ProcessBuilder.Redirect output)
            throws IOException {
        return new ProcessBuilder(binary.toString(), directory.resolve("db.sqlite").toString(),
                "--sync-server", "127.0.0.1:" + port)
                .directory(directory.toFile()).redirectErrorStream(true)
                .redirectOutput(output)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
    }

    /** Kills the server with SIGKILL (no shutdown, no checkpoint) and waits until it is gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    /**
     * Kills the server with SIGKILL if it still runs, then starts it again on the same port and the same
     * database file (its output appended to the same log) and waits until it answers.
     */
    public void restart() throws IOException, InterruptedException {
        kill();
        process = launch(binary(), directory, port, ProcessBuilder.Redirect.appendTo(log.toFile()));
        awaitReady();
    }

    private void awaitReady() throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest ping = HttpRequest.newBuilder(URI.create(baseUrl() + "/v2/pipeline"))
                .timeout(Duration.ofSeconds(2)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"baton\":null,\"requests\":[{\"type\":\"execute\",\"stmt\":{\"sql\":\"SELECT 1\"}}]}"))
                .build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("tursodb exited with " + process.exitValue() + " before answering on port "
                        + port + ": " + log());
            }
            try {
                HttpResponse<String> response = http.send(ping, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(25);
        }
        throw new IOException("tursodb did not answer /v2/pipeline on port " + port + " within "
                + START_TIMEOUT.toSeconds() + " s: " + log());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    public int port() {
        return port;
    }

    /** {@code http://127.0.0.1:PORT}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** {@code jdbc:libsql:http://127.0.0.1:PORT}: what a connection's metadata answers as its URL. */
    public String jdbcUrl() {
        return "jdbc:libsql:" + baseUrl();
    }

    /** A new connection to this server, without a token. */
    public java.sql.Connection connect() {
        return connect(baseUrl());
    }

    /** A new connection to the libSQL server at {@code baseUrl} (such as a proxy's), without a token. */
    public static java.sql.Connection connect(String baseUrl) {
        return io.writerflow.maven.libsql.LibsqlConnection.open(URI.create(baseUrl), null,
                java.time.Duration.ofSeconds(10), java.time.Duration.ofSeconds(60)).jdbc();
    }

    /** The database file. */
    public Path databaseFile() {
        return directory.resolve("db.sqlite");
    }

    /** What the server printed so far. */
    public String log() {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8).strip() : "";
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    private void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(5, TimeUnit.SECONDS);
        }
    }

    @Override
    public void close() throws InterruptedException, IOException {
        stop();
        deleteRecursively(directory);
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
