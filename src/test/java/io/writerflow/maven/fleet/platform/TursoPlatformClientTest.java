package io.writerflow.maven.fleet.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.writerflow.maven.settings.AuthToken;
import io.writerflow.maven.testing.NodePeers;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The Platform API double checked against Turso's own client, {@code @tursodatabase/api} 2.0.5 from npm (run by
 * Node.js on the PATH): the client lists databases and mints a group token through it and parses what it answers,
 * and writerflow's own requests are the very ones the client sends. Without node or the package the test fails
 * saying what to install; it never skips.
 */
class TursoPlatformClientTest {

    private static final String TOKEN = "platform-token-for-the-client";

    @Test
    void tursosOwnClientListsDatabasesAndMintsAGroupTokenThroughTheDouble() throws Exception {
        Path modules = NodePeers.tursoPlatformClient();
        Path script = Path.of("src/test/node/platform-api-client.mjs").toAbsolutePath();
        if (!Files.isRegularFile(script)) {
            fail(script + " is missing: run the tests from the repository root.");
        }
        try (PlatformApiDouble api = PlatformApiDouble.start("acme", TOKEN, List.of(
                new PlatformApiDouble.Database("tenant-a", "tenant-a-acme.turso.io", "tenants"),
                new PlatformApiDouble.Database("staging", "staging-acme.turso.io", "internal")),
                Set.of("tenants", "internal"))) {
            NodePeers.Run run = NodePeers.run(script.getParent(), List.of("node", script.toString(),
                    modules.toString(), api.url(), "acme", TOKEN, "tenants"));
            assertEquals(0, run.exitCode(), run.output());
            List<String> lines = run.output().strip().lines().toList();
            JsonNode out = new ObjectMapper().readTree(lines.get(lines.size() - 1));

            assertEquals(2, out.path("all").size(), out.toString());
            JsonNode first = out.path("all").get(0);
            assertEquals("tenant-a", first.path("name").asText());
            assertEquals("id-tenant-a", first.path("id").asText());
            assertEquals("tenant-a-acme.turso.io", first.path("hostname").asText());
            assertEquals("tenants", first.path("group").asText());
            assertEquals("[\"tenant-a\"]", out.path("grouped").toString());
            assertEquals(api.minted().get(0), out.path("jwt").asText());
            assertEquals(401, out.path("wrongToken").path("status").asInt(), out.toString());
            assertEquals(404, out.path("unknownOrg").path("status").asInt(), out.toString());
            assertEquals("organization not found", out.path("unknownOrg").path("message").asText());
            assertEquals(404, out.path("unknownGroup").path("status").asInt(), out.toString());
            assertEquals("group not found", out.path("unknownGroup").path("message").asText());
            assertEquals(404, out.path("unknownGroupToken").path("status").asInt(), out.toString());

            // writerflow asks exactly what the client asks
            List<String> clientRequests = api.requests();
            PlatformApi ours = new PlatformApi(URI.create(api.url()), new PlatformToken(new AuthToken(TOKEN), "test"),
                    Duration.ofSeconds(10));
            assertEquals(List.of(new PlatformDatabase("tenant-a", "tenant-a-acme.turso.io", "tenants")),
                    ours.databases("acme", Optional.of("tenants")));
            ours.databases("acme", Optional.empty());
            AuthToken minted = ours.groupToken("acme", "tenants", "1d");
            assertEquals(api.minted().get(1), minted.value());
            List<String> ourRequests = api.requests().subList(clientRequests.size(), api.requests().size());
            assertEquals(3, ourRequests.size(), ourRequests.toString());
            for (String request : ourRequests) {
                assertTrue(clientRequests.contains(request), request + " is not among the client's " + clientRequests);
            }
        }
    }
}
