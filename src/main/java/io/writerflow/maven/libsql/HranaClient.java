package io.writerflow.maven.libsql;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import javax.net.ssl.SSLHandshakeException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A Hrana v2 client over HTTP: each call is one {@code POST {base}/v2/pipeline} with {@code "baton": null}, so
 * every request stands alone on the server. The returned baton is ignored and no {@code close} request is
 * ever sent (a stream is never held open between requests: a server that shares one connection among its
 * clients would otherwise leak an open transaction into the others). Thread-safe.
 */
public final class HranaClient {

    /** A bare factory: an ObjectMapper's set-up costs a cold JVM over 100 ms, and trees are all this needs. */
    private static final JsonFactory JSON = new JsonFactory();

    /**
     * One HTTP client per connect timeout, shared by every database the JVM talks to: a fleet runs an engine per
     * database, and each JDK client has its own selector thread and connection pool until it is collected.
     */
    private static final Map<Duration, HttpClient> HTTP = new ConcurrentHashMap<>();

    private final URI pipelineUri;
    private final String where;
    private final String token;
    private final Duration connectTimeout;
    private final Duration requestTimeout;
    /** Whether the server is known to answer TLS, or needs none (plain HTTP): see {@link TlsProbe}. */
    private final AtomicBoolean tlsKnown;
    private final HttpClient http;
    private final AtomicLong requests = new AtomicLong();

    /** @param baseUrl {@code http://host:port} or {@code https://host[:port]}, maybe with a path prefix; token: or null */
    public HranaClient(URI baseUrl, String token, Duration connectTimeout, Duration requestTimeout) {
        String scheme = baseUrl.getScheme();
        if (!"http".equals(scheme) && !"https".equals(scheme) || baseUrl.getHost() == null) {
            throw new IllegalArgumentException("A libSQL base URL is http://host:port or https://host[:port], not "
                    + baseUrl.getScheme() + "://...");
        }
        String base = baseUrl.toString();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        this.pipelineUri = URI.create(base + "/v2/pipeline");
        int port = baseUrl.getPort() != -1 ? baseUrl.getPort() : "https".equals(scheme) ? 443 : 80;
        this.where = baseUrl.getHost() + ":" + port;
        this.token = token == null || token.isBlank() ? null : token.strip();
        this.connectTimeout = connectTimeout;
        this.requestTimeout = requestTimeout;
        this.tlsKnown = new AtomicBoolean(!"https".equals(scheme));
        this.http = HTTP.computeIfAbsent(connectTimeout, timeout -> HttpClient.newBuilder().connectTimeout(timeout)
                .version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER).build());
    }

    /** {@code host:port} of the server, for messages. */
    public String where() {
        return where;
    }

    /** How many HTTP requests this client has sent. */
    public long requestCount() {
        return requests.get();
    }

    /** Executes one statement in its own request. */
    public Hrana.StmtResult execute(Hrana.Stmt stmt) throws SQLException {
        return ((PipelineResponse.Result.Executed) pipeline(body -> body.execute(stmt))).result();
    }

    /**
     * Executes a batch in its own request. Step errors are returned, not thrown; an error of the request
     * itself (HTTP, auth, protocol) is thrown.
     */
    public Hrana.BatchResult batch(List<Hrana.BatchStep> steps) throws SQLException {
        return batch(sink -> {
            for (Hrana.BatchStep step : steps) {
                sink.add(step);
            }
        });
    }

    /** Receives the steps of a batch, in order, as they are produced. */
    @FunctionalInterface
    public interface StepSink {
        /** Adds {@code step} to the batch; returns its index there. */
        int add(Hrana.BatchStep step) throws SQLException;
    }

    /** Produces the steps of one batch into a {@link StepSink}. */
    @FunctionalInterface
    public interface BatchSteps {
        void writeTo(StepSink steps) throws SQLException;
    }

    /**
     * {@link #batch(List)} for a batch too large to hold: its steps are written into the request's body as
     * {@code steps} produces them (a large body goes through a temporary file), and its results are read as they
     * arrive. Sent once, never again.
     */
    public Hrana.BatchResult batch(BatchSteps steps) throws SQLException {
        return batchResult(pipeline(body -> body.batch(steps)));
    }

    /** A batch's results, one per step sent (see {@link #fitted}). */
    private static Hrana.BatchResult batchResult(PipelineResponse.Result response) {
        PipelineResponse.Result.Batched batched = (PipelineResponse.Result.Batched) response;
        return new Hrana.BatchResult(batched.stepResults(), batched.stepErrors());
    }

    /**
     * {@link #batch} for a batch that may run twice: it reads, restores what it sets, or writes only what a
     * second run leaves the same (taking a lock its caller may already hold). Sent again after a transport
     * failure.
     */
    public Hrana.BatchResult retryingBatch(List<Hrana.BatchStep> steps) throws SQLException {
        return ReadRetry.run(() -> batch(steps));
    }

    /** Writes the one request of a pipeline into its body. */
    @FunctionalInterface
    private interface Request {
        void writeTo(PipelineBody body) throws IOException, SQLException;
    }

    /** Sends one request in a pipeline of its own; returns its result, or throws its error. */
    private PipelineResponse.Result pipeline(Request request) throws SQLException {
        try (PipelineBody body = new PipelineBody(JSON)) {
            request.writeTo(body);
            HttpRequest.BodyPublisher publisher = body.finish();
            int steps = body.steps();
            return fitted(send(publisher, timeoutFor(publisher.contentLength(), Math.max(steps, 1))), steps);
        } catch (IOException e) { // send reports its own: these are the body's, before anything was sent
            throw new LibsqlException("Cannot write a Hrana request: " + e.getMessage(), null, e);
        }
    }

    /** A batch's step results and errors, one per step sent: missing ones are null, extra ones are dropped. */
    private static PipelineResponse.Result fitted(PipelineResponse.Result result, int steps) {
        if (steps < 0) {
            return result;
        }
        PipelineResponse.Result.Batched batched = result instanceof PipelineResponse.Result.Batched b ? b
                : new PipelineResponse.Result.Batched(List.of(), List.of());
        return new PipelineResponse.Result.Batched(fitted(batched.stepResults(), steps),
                fitted(batched.stepErrors(), steps));
    }

    private static <T> List<T> fitted(List<T> list, int size) {
        if (list.size() == size) {
            return list;
        }
        List<T> out = new ArrayList<>(list.subList(0, Math.min(size, list.size())));
        while (out.size() < size) {
            out.add(null);
        }
        return out;
    }

    /** The bytes a request may carry, and the statements it may run, within the plain request timeout. */
    static final long TIMEOUT_FREE_BYTES = 1 << 20;
    static final int TIMEOUT_FREE_STEPS = 1_000;

    /**
     * The request timeout, plus time for a large request to be sent and run: 2 s per MB beyond the first and
     * 1 s per 100 statements beyond the first 1,000. A 50 MB migration, or 2,000 migrations in one request, take
     * the server longer than a status takes; a server that does not answer still fails a small request (every
     * read) after the plain timeout.
     */
    Duration timeoutFor(long bytes, int steps) {
        long extraMillis = Math.max(0, bytes - TIMEOUT_FREE_BYTES) * 2_000 / (1 << 20)
                + Math.max(0, steps - TIMEOUT_FREE_STEPS) * 10L;
        return requestTimeout.plusMillis(extraMillis);
    }

    private PipelineResponse.Result send(HttpRequest.BodyPublisher body, Duration timeout) throws SQLException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(pipelineUri).timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(body);
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        if (!tlsKnown.get()) {
            checkTls();
        }
        HttpResponse<InputStream> response;
        requests.incrementAndGet();
        try {
            response = http.send(builder.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpConnectTimeoutException e) {
            // the connection, TLS handshake included, was never made: the request was not sent
            throw new LibsqlTransportException("Cannot connect to the libSQL server at " + where + ": no connection"
                    + " within " + describe(connectTimeout) + ". Check the URL and that the server is running.", null,
                    false, e);
        } catch (HttpTimeoutException e) {
            throw new LibsqlTimeoutException("The libSQL server at " + where + " did not answer within "
                    + describe(timeout) + " (" + e.getMessage() + ")", e);
        } catch (ConnectException e) {
            throw new LibsqlTransportException("Cannot connect to the libSQL server at " + where + ": "
                    + (e.getMessage() == null ? "connection refused" : e.getMessage())
                    + ". Check the URL and that the server is running.", null, false, e);
        } catch (IOException e) {
            throw lost(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LibsqlException("Interrupted while waiting for the libSQL server at " + where, null, e);
        }
        try (HeadRecordingStream in = new HeadRecordingStream(response.body())) {
            return result(response.statusCode(), in);
        } catch (IOException e) {
            throw lost(e);
        }
    }

    /**
     * Before the first request to an {@code https:} address: fails at once when the server answers plain HTTP,
     * instead of after the handshake's connect timeout (see {@link TlsProbe}).
     */
    private void checkTls() throws SQLException {
        URI uri = pipelineUri;
        TlsProbe.Answer answer;
        try {
            answer = TlsProbe.probe(uri.getHost(), uri.getPort() != -1 ? uri.getPort() : 443, connectTimeout);
        } catch (IOException e) {
            String reason = e instanceof java.net.UnknownHostException ? "unknown host " + uri.getHost()
                    : e instanceof java.net.SocketTimeoutException ? "no connection within " + describe(connectTimeout)
                    : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new LibsqlTransportException("Cannot connect to the libSQL server at " + where + ": " + reason
                    + ". Check the URL and that the server is running.", null, false, e);
        }
        switch (answer) {
            case PLAIN_HTTP -> throw new LibsqlPlainHttpException(where);
            case SILENT -> throw new LibsqlTransportException("The libSQL server at " + where + " accepted the"
                    + " connection but did not answer a TLS handshake within " + describe(connectTimeout), null, false,
                    null);
            default -> tlsKnown.set(true);
        }
    }

    /** A broken connection; one whose TLS handshake failed never carried the request. */
    private LibsqlTransportException lost(IOException e) {
        boolean handshake = false;
        for (Throwable t = e; t != null; t = t.getCause()) {
            handshake |= t instanceof SSLHandshakeException;
        }
        return new LibsqlTransportException("The connection to the libSQL server at " + where + " failed: " + e, null,
                !handshake, e);
    }

    /** The response's one result, read as it arrives; an error of the response (or of its request) thrown. */
    private PipelineResponse.Result result(int status, HeadRecordingStream in) throws SQLException, IOException {
        if (status == 401 || status == 403) {
            throw new LibsqlAuthException("The libSQL server at " + where + " answered HTTP " + status + ": "
                    + (token == null ? "no auth token was given and the server needs one"
                            : "the auth token was refused (wrong, expired, or without access to this database)"),
                    status, token != null);
        }
        if (status != 200) {
            String message = "The libSQL server at " + where + " answered HTTP " + status + " to "
                    + pipelineUri.getPath() + ": " + abbreviate(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            throw status >= 500 ? new LibsqlTransportException(message, "HTTP_" + status, true, null)
                    : new LibsqlException(message, "HTTP_" + status);
        }
        List<PipelineResponse.Result> results;
        try {
            results = PipelineResponse.read(JSON, in);
        } catch (JsonEOFException e) {
            throw e; // cut short: the connection's failure, not the server's words
        } catch (JsonProcessingException e) {
            throw new LibsqlException("The libSQL server at " + where + " sent a response that is not JSON: "
                    + abbreviate(in.head()), null, e);
        }
        if (results.size() != 1) {
            throw new LibsqlException("The libSQL server at " + where + " sent a Hrana response without 1 result(s): "
                    + abbreviate(in.head()), null);
        }
        if (results.get(0) instanceof PipelineResponse.Result.Failed failed) {
            throw failed.error();
        }
        if (results.get(0) instanceof PipelineResponse.Result.Unknown unknown) {
            throw new LibsqlException("The libSQL server at " + where + " sent a result of unknown type '"
                    + unknown.type() + "'", null);
        }
        return results.get(0);
    }

    static ObjectNode stmtJson(Hrana.Stmt stmt) throws SQLException {
        ObjectNode node = JsonNodeFactory.instance.objectNode().put("sql", stmt.sql());
        if (!stmt.args().isEmpty()) {
            ArrayNode args = node.putArray("args");
            for (Object arg : stmt.args()) {
                args.add(HranaValues.encode(arg));
            }
        }
        node.put("want_rows", stmt.wantRows());
        return node;
    }

    static ObjectNode condJson(Hrana.Cond cond) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        if (cond instanceof Hrana.Ok ok) {
            node.put("type", "ok").put("step", ok.step());
        } else if (cond instanceof Hrana.Not not) {
            node.put("type", "not").set("cond", condJson(not.cond()));
        } else if (cond instanceof Hrana.And and) {
            ArrayNode conds = node.put("type", "and").putArray("conds");
            and.conds().forEach(c -> conds.add(condJson(c)));
        } else {
            node.put("type", "is_autocommit");
        }
        return node;
    }

    static Hrana.StmtResult stmtResult(JsonNode json) throws SQLException {
        List<Hrana.Column> cols = new ArrayList<>();
        for (JsonNode col : json.path("cols")) {
            cols.add(new Hrana.Column(textOrNull(col.get("name"))));
        }
        List<List<Object>> rows = new ArrayList<>();
        for (JsonNode row : json.path("rows")) {
            List<Object> values = new ArrayList<>(row.size());
            for (JsonNode value : row) {
                values.add(HranaValues.decode(value));
            }
            rows.add(values);
        }
        // shared empty lists: a batch of 100,000 writes has as many results, none with columns or rows
        return new Hrana.StmtResult(cols.isEmpty() ? List.of() : cols, rows.isEmpty() ? List.of() : rows,
                json.path("affected_row_count").asLong(0));
    }

    static LibsqlException error(JsonNode error) {
        String message = error.path("message").asText("(no message)");
        String code = textOrNull(error.get("code"));
        return new LibsqlException(code == null ? message : message + " [" + code + "]", code);
    }

    private static String textOrNull(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    private static String abbreviate(String text) {
        String oneLine = text.strip().replaceAll("\\s+", " ");
        return oneLine.length() > 300 ? oneLine.substring(0, 300) + "..." : oneLine;
    }

    private static String describe(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }
}
