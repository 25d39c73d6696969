package io.writerflow.maven.libsql;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An {@code https:} address whose server answers plain HTTP fails at once, naming that, instead of after the
 * handshake's connect timeout; a server that does speak TLS is not mistaken for one (the probe is harmless).
 */
class TlsProbeTest {

    private static final Duration CONNECT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private static HranaClient https(int port, Duration connect) {
        return new HranaClient(URI.create("https://127.0.0.1:" + port), "tok-probe-SECRET", connect,
                Duration.ofSeconds(60));
    }

    @Test
    void aPlainHttpServerBehindHttpsFailsAtOnceWithoutARequest() throws Exception {
        try (TestHttp plain = TestHttp.answering(200, "{}", 0)) {
            long start = System.nanoTime();
            LibsqlException failure = assertThrows(LibsqlException.class,
                    () -> https(plain.port(), CONNECT).execute(Hrana.Stmt.of("SELECT 1")));
            assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(3), "not at once");
            LibsqlPlainHttpException e = assertInstanceOf(LibsqlPlainHttpException.class, failure);
            assertEquals("The server at 127.0.0.1:" + plain.port() + " did not answer TLS: it answered plain HTTP",
                    e.getMessage());
            assertEquals(0, plain.requestCount(), "nothing but the probe reached the server");
        }
    }

    @Test
    void aTlsServerIsTakenForOne() throws Exception {
        SSLContext context = serverContext();
        try (SSLServerSocket server = (SSLServerSocket) context.getServerSocketFactory()
                .createServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                while (!server.isClosed()) {
                    try (SSLSocket socket = (SSLSocket) server.accept()) {
                        socket.setSoTimeout(5000);
                        socket.startHandshake();
                    } catch (Exception ignored) {
                        // the probe leaves after the first bytes; the client refuses the self-signed certificate
                    }
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();

            assertEquals(TlsProbe.Answer.TLS, TlsProbe.probe("127.0.0.1", server.getLocalPort(), CONNECT));
            LibsqlException e = assertThrows(LibsqlException.class,
                    () -> https(server.getLocalPort(), CONNECT).execute(Hrana.Stmt.of("SELECT 1")));
            assertFalse(e instanceof LibsqlPlainHttpException, e.getMessage());
            assertTrue(e.getMessage().contains("SSLHandshakeException"), e.getMessage());
        }
    }

    @Test
    void aSilentServerFailsAfterTheConnectTimeoutAsNotSent() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try (Socket socket = silent.accept(); InputStream in = socket.getInputStream()) {
                    in.readAllBytes();
                } catch (Exception ignored) {
                    // closed with the test
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            LibsqlTransportException e = assertThrows(LibsqlTransportException.class,
                    () -> https(silent.getLocalPort(), Duration.ofMillis(300)).batch(java.util.List.of(
                            new Hrana.BatchStep(null, Hrana.Stmt.of("SELECT 1")))));
            assertTrue(e.getMessage().contains("did not answer a TLS handshake within 300 ms"), e.getMessage());
            assertFalse(e.requestMayHaveRun());
        }
    }

    @Test
    void nothingListeningIsACannotConnect() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        int closed = port;
        LibsqlTransportException e = assertThrows(LibsqlTransportException.class,
                () -> https(closed, CONNECT).execute(Hrana.Stmt.of("SELECT 1")));
        assertTrue(e.getMessage().startsWith("Cannot connect to the libSQL server at 127.0.0.1:" + closed),
                e.getMessage());
        assertFalse(e.requestMayHaveRun());
        assertFalse(e.getMessage().contains("tok-probe-SECRET"));
    }

    /** A TLS server's context with a self-signed certificate made by the JDK's keytool. */
    private SSLContext serverContext() throws Exception {
        Path store = dir.resolve("server.p12");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process process = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "test", "-keyalg", "RSA",
                "-keysize", "2048", "-dname", "CN=localhost", "-validity", "2", "-storetype", "PKCS12", "-keystore",
                store.toString(), "-storepass", "changeit", "-keypass", "changeit")
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertEquals(0, process.waitFor(), output);
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(keys, "changeit".toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(factory.getKeyManagers(), null, null);
        return context;
    }

    @Test
    void theTursoServerAnswersEveryProbeAsPlainHttp() throws Exception {
        // a line break in the hello's random bytes (about one hello in 14) once made it close without an answer
        try (io.writerflow.maven.testing.TursoServer server = io.writerflow.maven.testing.TursoServer.start()) {
            URI uri = URI.create(server.baseUrl());
            for (int i = 0; i < 200; i++) {
                assertEquals(TlsProbe.Answer.PLAIN_HTTP, TlsProbe.probe(uri.getHost(), uri.getPort(), CONNECT),
                        "probe " + (i + 1));
            }
        }
    }

    @Test
    void theHelloKeepsNoLineBreakInItsRandomOrSessionId() {
        byte[] hello = new byte[120];
        java.util.Arrays.fill(hello, (byte) '\n');
        hello[11 + 32] = 32; // the session id's length
        byte[] cleaned = TlsProbe.withoutLineBreaksInRandomParts(hello.clone());
        for (int i = 11; i < 11 + 32 + 1 + 32; i++) {
            if (i != 11 + 32) {
                assertFalse(cleaned[i] == '\n' || cleaned[i] == '\r', "byte " + i);
            }
        }
        assertEquals('\n', cleaned[5], "the headers are left alone");
        assertEquals('\n', cleaned[11 + 32 + 1 + 32], "what follows the session id is left alone");
    }
}
