package io.writerflow.maven.libsql;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** HTTP-level failures, from tiny in-test servers: auth, refused connections, timeouts, odd answers. */
class LibsqlHttpFailuresTest {

    private static final String TOKEN = "tok-3f9c2a-SECRET";

    private static Connection connect(String baseUrl, String token) {
        return LibsqlConnection.open(java.net.URI.create(baseUrl), token, java.time.Duration.ofSeconds(10),
                java.time.Duration.ofSeconds(60)).jdbc();
    }

    private static void assertNoToken(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            assertFalse(String.valueOf(t.getMessage()).contains(TOKEN), "token leaked: " + t.getMessage());
            assertFalse(t.toString().contains(TOKEN), "token leaked: " + t);
        }
    }

    @Test
    void aRefusedTokenIsAnAuthError() throws Exception {
        try (TestHttp stub = TestHttp.answering(401, "Unauthorized", 0);
             Connection c = connect(stub.baseUrl(), TOKEN); Statement s = c.createStatement()) {
            LibsqlAuthException e = assertThrows(LibsqlAuthException.class, () -> s.executeQuery("SELECT 1"));
            assertEquals(401, e.httpStatus());
            assertTrue(e.tokenSent());
            assertTrue(e.getMessage().contains("refused") && e.getMessage().contains("127.0.0.1:" + stub.port()),
                    e.getMessage());
            assertNoToken(e);
            assertEquals("Bearer " + TOKEN, stub.seen().get(0).authorization());
            assertEquals("/v2/pipeline", stub.seen().get(0).path());
        }
    }

    @Test
    void aMissingTokenIsAnAuthErrorSayingSo() throws Exception {
        try (TestHttp stub = TestHttp.answering(403, "", 0);
             Connection c = connect(stub.baseUrl(), null); Statement s = c.createStatement()) {
            LibsqlAuthException e = assertThrows(LibsqlAuthException.class, () -> s.execute("SELECT 1"));
            assertEquals(403, e.httpStatus());
            assertFalse(e.tokenSent());
            assertTrue(e.getMessage().contains("no auth token"), e.getMessage());
            assertNull(stub.seen().get(0).authorization(), "no Authorization header without a token");
        }
    }

    @Test
    void aRefusedConnectionNamesHostAndPortButNotTheToken() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        try (Connection c = connect("http://127.0.0.1:" + port, TOKEN); Statement s = c.createStatement()) {
            LibsqlException e = assertThrows(LibsqlException.class, () -> s.execute("SELECT 1"));
            assertTrue(e.getMessage().contains("127.0.0.1:" + port), e.getMessage());
            assertTrue(e.getMessage().startsWith("Cannot connect"), e.getMessage());
            assertNoToken(e);
        }
    }

    @Test
    void aSlowServerTimesOutWithAClearMessage() throws Exception {
        try (TestHttp stub = TestHttp.answering(200, "{}", 3_000)) {
            HranaClient client = new HranaClient(URI.create("http://127.0.0.1:" + stub.port()), TOKEN,
                    Duration.ofSeconds(1), Duration.ofMillis(300));
            long start = System.nanoTime();
            LibsqlException e = assertThrows(LibsqlException.class, () -> client.execute(Hrana.Stmt.of("SELECT 1")));
            assertTrue(System.nanoTime() - start < 2_500_000_000L, "the request timeout was not honoured");
            assertTrue(e.getMessage().contains("did not answer within 300 ms"), e.getMessage());
            // what a lost answer means is the caller's to say: this request could have written, a read could not
            assertFalse(e.getMessage().contains("outcome"), e.getMessage());
            assertTrue(assertInstanceOf(LibsqlTransportException.class, e).outcomeUnknown());
            LibsqlTransportException read = assertThrows(LibsqlTransportException.class,
                    () -> client.retryingBatch(java.util.List.of(new Hrana.BatchStep(null, Hrana.Stmt.of("SELECT 1")))));
            assertTrue(read.requestMayHaveRun());
            assertFalse(read.outcomeUnknown(), "a request sent again after a failure changes nothing that matters");
            assertNoToken(e);
        }
    }

    @Test
    void httpErrorsAndNonHranaAnswersAreReported() throws Exception {
        try (TestHttp stub = TestHttp.answering(500, "Internal Server Error: boom", 0);
             Connection c = connect(stub.baseUrl(), TOKEN); Statement s = c.createStatement()) {
            LibsqlException e = assertThrows(LibsqlException.class, () -> s.execute("SELECT 1"));
            assertTrue(e.getMessage().contains("HTTP 500") && e.getMessage().contains("boom"), e.getMessage());
            assertEquals("HTTP_500", e.hranaCode());
        }
        try (TestHttp stub = TestHttp.answering(200, "<html>not json</html>", 0);
             Connection c = connect(stub.baseUrl(), null); Statement s = c.createStatement()) {
            LibsqlException e = assertThrows(LibsqlException.class, () -> s.execute("SELECT 1"));
            assertTrue(e.getMessage().contains("not JSON"), e.getMessage());
        }
    }
}
