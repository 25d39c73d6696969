package io.writerflow.maven.libsql;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny HTTP server on a free loopback port for tests: either a stub that answers every request the same
 * way, or a proxy to a real server that counts requests. Records each request's path, Authorization header
 * and body.
 */
final class TestHttp implements AutoCloseable {

    /** One request as received. */
    record Seen(String path, String authorization, String body) {
    }

    interface Handler {
        void handle(HttpExchange exchange, byte[] body) throws IOException, InterruptedException;
    }

    private final HttpServer server;
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final AtomicInteger count = new AtomicInteger();

    private TestHttp(Handler handler) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", exchange -> {
            try (exchange) {
                byte[] body = exchange.getRequestBody().readAllBytes();
                count.incrementAndGet();
                seen.add(new Seen(exchange.getRequestURI().getPath(),
                        exchange.getRequestHeaders().getFirst("Authorization"), new String(body)));
                handler.handle(exchange, body);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        server.start();
    }

    /** Answers every request with {@code status} and {@code body}, after {@code delayMillis}. */
    static TestHttp answering(int status, String body, long delayMillis) throws IOException {
        return new TestHttp((exchange, request) -> {
            if (delayMillis > 0) {
                Thread.sleep(delayMillis);
            }
            byte[] bytes = body.getBytes();
            exchange.getResponseHeaders().set("Content-Type", "text/plain");
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
        });
    }

    /** Forwards every request to {@code target} (http://host:port) and relays the answer. */
    static TestHttp proxyTo(String target) throws IOException {
        HttpClient http = HttpClient.newHttpClient();
        return new TestHttp((exchange, request) -> {
            HttpRequest.Builder forward = HttpRequest.newBuilder(URI.create(target + exchange.getRequestURI()))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(request))
                    .header("Content-Type", "application/json");
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            if (auth != null) {
                forward.header("Authorization", auth);
            }
            HttpResponse<byte[]> response = http.send(forward.build(), HttpResponse.BodyHandlers.ofByteArray());
            exchange.sendResponseHeaders(response.statusCode(), response.body().length == 0 ? -1
                    : response.body().length);
            if (response.body().length > 0) {
                exchange.getResponseBody().write(response.body());
            }
        });
    }

    int port() {
        return server.getAddress().getPort();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    int requestCount() {
        return count.get();
    }

    List<Seen> seen() {
        return List.copyOf(seen);
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
