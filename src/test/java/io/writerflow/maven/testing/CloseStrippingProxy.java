package io.writerflow.maven.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;

/**
 * Lets Turso's own clients (@libsql/client, which drizzle-orm uses) talk to the Turso test server: the
 * client ends its streams with a Hrana {@code close} request, which that server rejects with HTTP 500 for
 * the whole pipeline. The proxy removes the close requests before forwarding and answers them itself (a
 * baton-less request's stream ends with the request anyway).
 */
public final class CloseStrippingProxy implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;

    private CloseStrippingProxy(String target) throws IOException {
        HttpClient http = HttpClient.newHttpClient();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", exchange -> {
            try (exchange) {
                byte[] body = exchange.getRequestBody().readAllBytes();
                List<Integer> closes = new ArrayList<>();
                byte[] forwarded = body;
                if (exchange.getRequestURI().getPath().endsWith("/pipeline")) {
                    ObjectNode pipeline = (ObjectNode) JSON.readTree(body);
                    ArrayNode kept = JSON.createArrayNode();
                    ArrayNode requests = (ArrayNode) pipeline.path("requests");
                    for (int i = 0; i < requests.size(); i++) {
                        if ("close".equals(requests.get(i).path("type").asText())) {
                            closes.add(i);
                        } else {
                            kept.add(requests.get(i));
                        }
                    }
                    pipeline.set("requests", kept);
                    forwarded = JSON.writeValueAsBytes(pipeline);
                }
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target + exchange.getRequestURI()))
                        .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(forwarded))
                        .header("Content-Type", "application/json");
                String auth = exchange.getRequestHeaders().getFirst("Authorization");
                if (auth != null) {
                    request.header("Authorization", auth);
                }
                HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
                byte[] answer = response.body();
                if (!closes.isEmpty() && response.statusCode() == 200) {
                    ObjectNode json = (ObjectNode) JSON.readTree(answer);
                    ArrayNode results = (ArrayNode) json.path("results");
                    for (int position : closes) {
                        ObjectNode ok = JSON.createObjectNode().put("type", "ok");
                        ok.putObject("response").put("type", "close");
                        results.insert(Math.min(position, results.size()), ok);
                    }
                    answer = JSON.writeValueAsBytes(json);
                }
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(response.statusCode(), answer.length == 0 ? -1 : answer.length);
                if (answer.length > 0) {
                    exchange.getResponseBody().write(answer);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        server.start();
    }

    /** A proxy on a free loopback port in front of {@code targetBaseUrl} (http://host:port). */
    public static CloseStrippingProxy to(String targetBaseUrl) throws IOException {
        return new CloseStrippingProxy(targetBaseUrl);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
