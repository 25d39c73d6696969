package io.writerflow.maven.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * An HTTP/1.1 proxy on a free loopback port for fault tests: forwards every {@code POST} to a target base URL
 * and relays the answer, counts and records the requests, and lets a test script a fault for the n-th request
 * (1-based) or for the next request whose body contains some text. Written on plain sockets so that it can
 * reset a connection (RST) instead of only closing it.
 *
 * <p>When the target cannot be reached (a killed server), the proxy resets the client's connection, as a
 * load balancer in front of a dead server would drop it.
 */
public final class FaultProxy implements AutoCloseable {

    /** What to do with one request. */
    public sealed interface Fault {
    }

    /** Answer HTTP {@code status} with {@code body} without forwarding the request. */
    public record Answer(int status, String body) implements Fault {
    }

    /** Forward the request (the server runs it), then reset the connection without answering. */
    public record DropResponse() implements Fault {
    }

    /** Reset the connection without forwarding (the server never sees the request). */
    public record ResetBeforeForwarding() implements Fault {
    }

    /** Forward the request, then wait {@code delay} before relaying the answer (past the client's timeout). */
    public record Delay(Duration delay) implements Fault {
    }

    /**
     * Hold the request until the test {@linkplain Hold#release() releases} it, then forward it and relay the
     * answer (or reset the connection when the target is gone by then).
     */
    public static final class Hold implements Fault {
        private final CountDownLatch arrived = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);

        /** Waits until the held request has arrived at the proxy; false on timeout. */
        public boolean awaitArrival(Duration timeout) throws InterruptedException {
            return arrived.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }

        public void release() {
            released.countDown();
        }
    }

    public static Fault http500() {
        return new Answer(500, "{\"message\":\"injected by FaultProxy\"}");
    }

    public static Fault unauthorized() {
        return new Answer(401, "Unauthorized");
    }

    public static Fault dropResponse() {
        return new DropResponse();
    }

    public static Fault resetBeforeForwarding() {
        return new ResetBeforeForwarding();
    }

    public static Fault delay(Duration delay) {
        return new Delay(delay);
    }

    /** One request as received: its number (1-based), path, Authorization header, body, and when it arrived. */
    public record Seen(int number, String path, String authorization, String body, java.time.Instant received) {
    }

    private record Rule(Predicate<Seen> matches, Fault fault, boolean once) {
    }

    private final URI target;
    private final ServerSocket server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "fault-proxy");
        thread.setDaemon(true);
        return thread;
    });
    /** One client for every proxy: a fleet of fifty proxies would otherwise run fifty selector threads. */
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final List<Rule> rules = new ArrayList<>();
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final AtomicInteger count = new AtomicInteger();
    private volatile boolean closed;
    /** After {@link #stopAccepting()}: every answer ends its connection, so that the next request must connect. */
    private volatile boolean accepting = true;

    private FaultProxy(URI target) throws IOException {
        this.target = target;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.execute(this::acceptLoop);
    }

    /** Starts a proxy to {@code targetBaseUrl} ({@code http://host:port}). */
    public static FaultProxy to(String targetBaseUrl) throws IOException {
        String base = targetBaseUrl;
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return new FaultProxy(URI.create(base));
    }

    /** {@code http://127.0.0.1:PORT}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    public int port() {
        return server.getLocalPort();
    }

    /** How many requests arrived so far. */
    public int requestCount() {
        return count.get();
    }

    /** The requests received so far, in order. */
    public List<Seen> seen() {
        return List.copyOf(seen);
    }

    /** Scripts {@code fault} for request number {@code n} (1-based, counted since the proxy started). */
    public synchronized FaultProxy onRequest(int n, Fault fault) {
        rules.add(new Rule(s -> s.number() == n, fault, true));
        return this;
    }

    /** Scripts {@code fault} for the next request whose body contains every one of {@code parts}. */
    public synchronized FaultProxy onNextBodyContaining(Fault fault, String... parts) {
        rules.add(new Rule(s -> {
            for (String part : parts) {
                if (!s.body().contains(part)) {
                    return false;
                }
            }
            return true;
        }, fault, true));
        return this;
    }

    /** Scripts {@code fault} for every request from now on, until {@link #clearFaults()}. */
    public synchronized FaultProxy always(Fault fault) {
        rules.add(new Rule(s -> true, fault, false));
        return this;
    }

    /**
     * Refuses new connections from now on; the connections already open answer what they carry with
     * {@code Connection: close} and end, so the client's next request finds no server.
     */
    public void stopAccepting() throws IOException {
        accepting = false;
        server.close();
    }

    public synchronized void clearFaults() {
        rules.clear();
    }

    private synchronized Fault faultFor(Seen request) {
        for (Iterator<Rule> it = rules.iterator(); it.hasNext(); ) {
            Rule rule = it.next();
            if (rule.matches().test(request)) {
                if (rule.once()) {
                    it.remove();
                }
                return rule.fault();
            }
        }
        return null;
    }

    private void acceptLoop() {
        while (!closed && accepting) {
            try {
                Socket socket = server.accept();
                sockets.add(socket);
                threads.execute(() -> serve(socket));
            } catch (IOException e) {
                if (!closed && accepting) {
                    continue;
                }
                return;
            }
        }
    }

    /** One client connection: requests one after another (keep-alive) until it closes or a fault ends it. */
    private void serve(Socket socket) {
        try (socket) {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            while (!closed) {
                Request request = Request.read(in);
                if (request == null) {
                    return;
                }
                Seen s = new Seen(count.incrementAndGet(), request.path(), request.headers().get("authorization"),
                        new String(request.body(), StandardCharsets.UTF_8), java.time.Instant.now());
                seen.add(s);
                Fault fault = faultFor(s);
                if (fault instanceof Answer answer) {
                    respond(out, answer.status(), "text/plain", answer.body().getBytes(StandardCharsets.UTF_8));
                    continue;
                }
                if (fault instanceof ResetBeforeForwarding) {
                    reset(socket);
                    return;
                }
                if (fault instanceof Hold hold) {
                    hold.arrived.countDown();
                    if (!hold.released.await(30, TimeUnit.SECONDS)) {
                        reset(socket);
                        return;
                    }
                }
                HttpResponse<byte[]> response;
                try {
                    response = forward(request);
                } catch (IOException unreachable) {
                    reset(socket);
                    return;
                }
                if (fault instanceof DropResponse) {
                    reset(socket);
                    return;
                }
                if (fault instanceof Delay delay) {
                    Thread.sleep(delay.delay().toMillis());
                }
                respond(out, response.statusCode(),
                        response.headers().firstValue("content-type").orElse("application/json"), response.body());
                if (!accepting) {
                    return;
                }
            }
        } catch (IOException | InterruptedException e) {
            // the client went away (for example after its timeout), or the proxy is closing
        }
    }

    private HttpResponse<byte[]> forward(Request request) throws IOException, InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(target + request.path()))
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(request.body()))
                .header("Content-Type", request.headers().getOrDefault("content-type", "application/json"));
        String auth = request.headers().get("authorization");
        if (auth != null) {
            builder.header("Authorization", auth);
        }
        return HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private void respond(OutputStream out, int status, String contentType, byte[] body) throws IOException {
        String head = "HTTP/1.1 " + status + " " + (status == 200 ? "OK" : "Status") + "\r\n"
                + (accepting ? "" : "Connection: close\r\n")
                + "Content-Type: " + contentType + "\r\n"
                + "Content-Length: " + body.length + "\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
    }

    /** Closes with RST instead of FIN: the client sees "connection reset". */
    private static void reset(Socket socket) {
        try {
            socket.setSoLinger(true, 0);
            socket.close();
        } catch (SocketException ignored) {
            // already gone
        } catch (IOException ignored) {
            // already gone
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        for (Socket socket : sockets) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        threads.shutdownNow();
    }

    /** A request as read off the wire: path, headers (lower-case names) and body (by Content-Length). */
    private record Request(String path, Map<String, String> headers, byte[] body) {

        static Request read(InputStream in) throws IOException {
            String requestLine = line(in);
            if (requestLine == null) {
                return null;
            }
            while (requestLine.isEmpty()) {
                requestLine = line(in);
                if (requestLine == null) {
                    return null;
                }
            }
            String[] parts = requestLine.split(" ");
            String path = parts.length > 1 ? parts[1] : "/";
            Map<String, String> headers = new LinkedHashMap<>();
            for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
                int colon = header.indexOf(':');
                if (colon > 0) {
                    headers.put(header.substring(0, colon).strip().toLowerCase(Locale.ROOT),
                            header.substring(colon + 1).strip());
                }
            }
            int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
            byte[] body = in.readNBytes(length);
            if (body.length < length) {
                return null;
            }
            return new Request(path, headers, body);
        }

        private static String line(InputStream in) throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) != -1) {
                if (b == '\n') {
                    String text = bytes.toString(StandardCharsets.US_ASCII);
                    return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
                }
                bytes.write(b);
            }
            return bytes.size() == 0 ? null : bytes.toString(StandardCharsets.US_ASCII);
        }
    }
}
