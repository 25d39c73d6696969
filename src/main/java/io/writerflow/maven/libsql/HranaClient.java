package io.writerflow.maven.libsql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A Hrana v2 client over HTTP: each call is one {@code POST {base}/v2/pipeline} with {@code "baton": null}, so
 * every request stands alone on the server. The returned baton is ignored and no {@code close} request is
 * ever sent (a stream is never held open between requests: a server that shares one connection among its
 * clients would otherwise leak an open transaction into the others). Thread-safe.
 */
public final class HranaClient {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final URI pipelineUri;
    private final String where;
    private final String token;
    private final Duration requestTimeout;
    private final HttpClient http;
    private final AtomicLong requests = new AtomicLong();

    /**
     * @param baseUrl        {@code http://host:port} or {@code https://host[:port]}, optionally with a path prefix
     * @param token          the auth token sent as {@code Authorization: Bearer}, or {@code null} for none
     * @param connectTimeout how long to wait for a TCP/TLS connection
     * @param requestTimeout how long to wait for a whole response
     */
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
        this.requestTimeout = requestTimeout;
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).build();
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
        ObjectNode request = MAPPER.createObjectNode().put("type", "execute");
        request.set("stmt", stmtJson(stmt));
        JsonNode response = pipeline(List.of(request)).get(0);
        return stmtResult(response.path("result"));
    }

    /**
     * Executes a batch in its own request. Step errors are returned, not thrown; an error of the request
     * itself (HTTP, auth, protocol) is thrown.
     */
    public Hrana.BatchResult batch(List<Hrana.BatchStep> steps) throws SQLException {
        return batches(List.of(steps)).get(0);
    }

    /**
     * Executes several batches in ONE request; the server runs them one after another, each as its own batch
     * (a failed step in one does not stop the next: conditions inside each batch must).
     */
    public List<Hrana.BatchResult> batches(List<List<Hrana.BatchStep>> batches) throws SQLException {
        List<ObjectNode> requests = new ArrayList<>();
        for (List<Hrana.BatchStep> steps : batches) {
            ObjectNode request = MAPPER.createObjectNode().put("type", "batch");
            ArrayNode stepsJson = request.putObject("batch").putArray("steps");
            for (Hrana.BatchStep step : steps) {
                ObjectNode s = stepsJson.addObject();
                if (step.condition() != null) {
                    s.set("condition", condJson(step.condition()));
                }
                s.set("stmt", stmtJson(step.stmt()));
            }
            requests.add(request);
        }
        List<JsonNode> responses = pipeline(requests);
        List<Hrana.BatchResult> out = new ArrayList<>();
        for (int b = 0; b < batches.size(); b++) {
            JsonNode result = responses.get(b).path("result");
            JsonNode results = result.path("step_results");
            JsonNode errors = result.path("step_errors");
            List<Hrana.StmtResult> stepResults = new ArrayList<>();
            List<LibsqlException> stepErrors = new ArrayList<>();
            for (int i = 0; i < batches.get(b).size(); i++) {
                JsonNode r = results.get(i);
                stepResults.add(r == null || r.isNull() ? null : stmtResult(r));
                JsonNode e = errors.get(i);
                stepErrors.add(e == null || e.isNull() ? null : error(e));
            }
            out.add(new Hrana.BatchResult(stepResults, stepErrors));
        }
        return out;
    }

    /**
     * {@link #batch} for a batch that may run twice: it reads, restores what it sets, or writes only what a
     * second run leaves the same (taking a lock its caller may already hold). Sent again after a transport
     * failure.
     */
    public Hrana.BatchResult retryingBatch(List<Hrana.BatchStep> steps) throws SQLException {
        return ReadRetry.run(() -> batch(steps));
    }

    /** Sends requests in one pipeline; returns each request's {@code response}, throwing the first error. */
    private List<JsonNode> pipeline(List<ObjectNode> requestsJson) throws SQLException {
        ObjectNode body = MAPPER.createObjectNode();
        body.putNull("baton");
        body.putArray("requests").addAll(requestsJson);
        byte[] bytes;
        try {
            bytes = MAPPER.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new LibsqlException("Cannot encode a Hrana request: " + e.getMessage(), null, e);
        }
        HttpRequest.Builder builder = HttpRequest.newBuilder(pipelineUri).timeout(requestTimeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        HttpResponse<byte[]> response;
        requests.incrementAndGet();
        try {
            response = http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            throw new LibsqlTransportException("The libSQL server at " + where + " did not answer within "
                    + describe(requestTimeout) + " (" + e.getMessage() + "); the outcome of the request is unknown",
                    null, true, e);
        } catch (ConnectException e) {
            throw new LibsqlTransportException("Cannot connect to the libSQL server at " + where + ": "
                    + (e.getMessage() == null ? "connection refused" : e.getMessage())
                    + ". Check the URL and that the server is running.", null, false, e);
        } catch (IOException e) {
            throw new LibsqlTransportException("The connection to the libSQL server at " + where + " failed: " + e
                    + "; the outcome of the request is unknown", null, true, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LibsqlException("Interrupted while waiting for the libSQL server at " + where, null, e);
        }
        int status = response.statusCode();
        if (status == 401 || status == 403) {
            throw new LibsqlAuthException("The libSQL server at " + where + " answered HTTP " + status + ": "
                    + (token == null ? "no auth token was given and the server needs one"
                            : "the auth token was refused (wrong, expired, or without access to this database)"),
                    status, token != null);
        }
        String text = new String(response.body(), StandardCharsets.UTF_8);
        if (status >= 500) {
            throw new LibsqlTransportException("The libSQL server at " + where + " answered HTTP " + status + " to "
                    + pipelineUri.getPath() + ": " + abbreviate(text) + "; the outcome of the request is unknown",
                    "HTTP_" + status, true, null);
        }
        if (status != 200) {
            throw new LibsqlException("The libSQL server at " + where + " answered HTTP " + status + " to "
                    + pipelineUri.getPath() + ": " + abbreviate(text), "HTTP_" + status);
        }
        JsonNode json;
        try {
            json = MAPPER.readTree(text);
        } catch (IOException e) {
            throw new LibsqlException("The libSQL server at " + where + " sent a response that is not JSON: "
                    + abbreviate(text), null, e);
        }
        JsonNode results = json.path("results");
        if (!results.isArray() || results.size() != requestsJson.size()) {
            throw new LibsqlException("The libSQL server at " + where + " sent a Hrana response without "
                    + requestsJson.size() + " result(s): " + abbreviate(text), null);
        }
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode result : results) {
            String type = result.path("type").asText();
            if ("error".equals(type)) {
                throw error(result.path("error"));
            }
            if (!"ok".equals(type)) {
                throw new LibsqlException("The libSQL server at " + where + " sent a result of unknown type '"
                        + type + "'", null);
            }
            out.add(result.path("response"));
        }
        return out;
    }

    static ObjectNode stmtJson(Hrana.Stmt stmt) throws SQLException {
        ObjectNode node = MAPPER.createObjectNode().put("sql", stmt.sql());
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
        ObjectNode node = MAPPER.createObjectNode();
        if (cond instanceof Hrana.Ok ok) {
            node.put("type", "ok").put("step", ok.step());
        } else if (cond instanceof Hrana.Error error) {
            node.put("type", "error").put("step", error.step());
        } else if (cond instanceof Hrana.Not not) {
            node.put("type", "not").set("cond", condJson(not.cond()));
        } else if (cond instanceof Hrana.And and) {
            ArrayNode conds = node.put("type", "and").putArray("conds");
            and.conds().forEach(c -> conds.add(condJson(c)));
        } else if (cond instanceof Hrana.Or or) {
            ArrayNode conds = node.put("type", "or").putArray("conds");
            or.conds().forEach(c -> conds.add(condJson(c)));
        } else {
            node.put("type", "is_autocommit");
        }
        return node;
    }

    static Hrana.StmtResult stmtResult(JsonNode json) throws SQLException {
        List<Hrana.Column> cols = new ArrayList<>();
        for (JsonNode col : json.path("cols")) {
            cols.add(new Hrana.Column(textOrNull(col.get("name")), textOrNull(col.get("decltype"))));
        }
        List<List<Object>> rows = new ArrayList<>();
        for (JsonNode row : json.path("rows")) {
            List<Object> values = new ArrayList<>(row.size());
            for (JsonNode value : row) {
                values.add(HranaValues.decode(value));
            }
            rows.add(values);
        }
        JsonNode rowid = json.get("last_insert_rowid");
        Long lastRowid = rowid == null || rowid.isNull() ? null : Long.valueOf(rowid.asText());
        return new Hrana.StmtResult(cols, rows, json.path("affected_row_count").asLong(0), lastRowid);
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
