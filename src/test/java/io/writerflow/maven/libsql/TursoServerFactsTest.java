package io.writerflow.maven.libsql;

import io.writerflow.maven.testing.TursoServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What DESIGN.md says about the Turso test server, checked with raw HTTP: the transport's rules (no close, no
 * open transaction between requests) rest on these facts.
 */
class TursoServerFactsTest {

    private static TursoServer server;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void startServer() throws Exception {
        server = TursoServer.start();
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private static HttpResponse<String> post(String path, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String execute(String... sql) {
        StringBuilder b = new StringBuilder("{\"baton\":null,\"requests\":[");
        for (int i = 0; i < sql.length; i++) {
            b.append(i > 0 ? "," : "").append("{\"type\":\"execute\",\"stmt\":{\"sql\":\"").append(sql[i])
                    .append("\"}}");
        }
        return b.append("]}").toString();
    }

    @Test
    void onlyV2PipelineIsAnswered() throws Exception {
        assertEquals(200, post("/v2/pipeline", execute("SELECT 1")).statusCode());
        assertEquals(404, post("/v3/pipeline", execute("SELECT 1")).statusCode());
        assertEquals(404, post("/", "{\"statements\":[\"SELECT 1\"]}").statusCode());
    }

    @Test
    void aCloseRequestFailsTheWholeRequest() throws Exception {
        HttpResponse<String> response = post("/v2/pipeline",
                "{\"baton\":null,\"requests\":[{\"type\":\"execute\",\"stmt\":{\"sql\":\"SELECT 1\"}},{\"type\":\"close\"}]}");
        assertEquals(500, response.statusCode(), response.body());
    }

    @Test
    void allClientsShareOneConnection() throws Exception {
        post("/v2/pipeline", execute("CREATE TABLE shared (a)"));
        try {
            // one request opens a transaction and writes; another request, as another client, sees the write
            assertEquals(200, post("/v2/pipeline", execute("BEGIN", "INSERT INTO shared VALUES (1)")).statusCode());
            String seen = post("/v2/pipeline", execute("SELECT count(*) FROM shared")).body();
            assertTrue(seen.contains("{\"type\":\"integer\",\"value\":\"1\"}"), seen);
        } finally {
            post("/v2/pipeline", execute("ROLLBACK"));
        }
        String after = post("/v2/pipeline", execute("SELECT count(*) FROM shared")).body();
        assertTrue(after.contains("{\"type\":\"integer\",\"value\":\"0\"}"), after);
    }
}
