package io.writerflow.maven.fleet.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in for the Turso Platform API, served in-test, implementing exactly the two endpoints writerflow calls,
 * with the shapes Turso's client {@code @tursodatabase/api} 2.0.5 reads (checked by
 * {@link TursoPlatformClientTest} running that client against it): {@code GET /v1/organizations/{org}/databases}
 * (optionally {@code ?group=}) answering {@code {"databases":[{"Name","DbId","Hostname","group",...}]}}, and
 * {@code POST /v1/organizations/{org}/groups/{group}/auth/tokens?expiration=&authorization=} answering
 * {@code {"jwt":...}}. A missing or wrong {@code Authorization: Bearer} is 401, an unknown organization or group 404,
 * each with {@code {"error":...}} as the API and the client's {@code TursoClientError} have it. Every request is
 * recorded as {@code METHOD path?query}.
 */
public final class PlatformApiDouble implements AutoCloseable {

    /** A database of the organization. */
    public record Database(String name, String hostname, String group) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LIST = Pattern.compile("/v1/organizations/([^/]+)/databases");
    private static final Pattern MINT = Pattern.compile("/v1/organizations/([^/]+)/groups/([^/]+)/auth/tokens");

    private final String organization;
    private final String token;
    private final List<Database> databases;
    private final Set<String> groups;
    private final HttpServer server;
    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    private final List<String> minted = Collections.synchronizedList(new ArrayList<>());
    private volatile int mintStatus = 200;
    private volatile long delayMillis;

    private PlatformApiDouble(String organization, String token, List<Database> databases, Set<String> groups)
            throws IOException {
        this.organization = organization;
        this.token = token;
        this.databases = List.copyOf(databases);
        this.groups = Set.copyOf(groups);
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Serves {@code organization} with {@code databases} in {@code groups}, to requests bearing {@code token}. */
    public static PlatformApiDouble start(String organization, String token, List<Database> databases,
            Set<String> groups) throws IOException {
        return new PlatformApiDouble(organization, token, databases, groups);
    }

    /** {@code http://127.0.0.1:PORT}: the {@code writerflow.platformUrl} (the client's baseUrl is this + /v1/). */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The requests so far, as {@code METHOD /path?query}. */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    /** The tokens minted so far. */
    public List<String> minted() {
        return List.copyOf(minted);
    }

    /** Answers minting with this HTTP status (and an error) instead of a token. */
    public void failMinting(int status) {
        this.mintStatus = status;
    }

    /** Waits this long before each answer. */
    public void delay(long millis) {
        this.delayMillis = millis;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String query = exchange.getRequestURI().getRawQuery();
            String path = exchange.getRequestURI().getRawPath();
            requests.add(exchange.getRequestMethod() + " " + path + (query == null ? "" : "?" + query));
            exchange.getRequestBody().readAllBytes();
            if (delayMillis > 0) {
                try {
                    Thread.sleep(delayMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            if (!("Bearer " + token).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                error(exchange, 401, "Unauthorized: invalid token");
                return;
            }
            Map<String, String> params = params(query);
            Matcher list = LIST.matcher(path);
            Matcher mint = MINT.matcher(path);
            if (list.matches() && exchange.getRequestMethod().equals("GET")) {
                list(exchange, decode(list.group(1)), params.get("group"));
            } else if (mint.matches() && exchange.getRequestMethod().equals("POST")) {
                mint(exchange, decode(mint.group(1)), decode(mint.group(2)), params);
            } else {
                error(exchange, 404, "no such endpoint in the double: " + exchange.getRequestMethod() + " " + path);
            }
        }
    }

    private void list(HttpExchange exchange, String org, String group) throws IOException {
        if (!org.equals(organization)) {
            error(exchange, 404, "organization not found");
            return;
        }
        if (group != null && !groups.contains(group)) {
            error(exchange, 404, "group not found");
            return;
        }
        ObjectNode body = JSON.createObjectNode();
        ArrayNode list = body.putArray("databases");
        for (Database database : databases) {
            if (group == null || group.equals(database.group())) {
                ObjectNode db = list.addObject();
                db.put("Name", database.name());
                db.put("DbId", "id-" + database.name());
                db.put("Hostname", database.hostname());
                db.put("block_reads", false);
                db.put("block_writes", false);
                db.put("allow_attach", false);
                db.putArray("regions").add("aws-us-east-1");
                db.put("primaryRegion", "aws-us-east-1");
                db.put("type", "logical");
                db.put("version", "0.24.0");
                db.put("group", database.group());
                db.put("is_schema", false);
                db.put("schema", "");
                db.put("sleeping", false);
                db.put("archived", false);
            }
        }
        answer(exchange, 200, body);
    }

    private void mint(HttpExchange exchange, String org, String group, Map<String, String> params) throws IOException {
        if (!org.equals(organization)) {
            error(exchange, 404, "organization not found");
            return;
        }
        if (!groups.contains(group)) {
            error(exchange, 404, "group not found");
            return;
        }
        String authorization = params.getOrDefault("authorization", "full-access");
        if (!authorization.equals("full-access") && !authorization.equals("read-only")) {
            error(exchange, 400, "invalid authorization: " + authorization);
            return;
        }
        if (mintStatus != 200) {
            error(exchange, mintStatus, "cannot mint token");
            return;
        }
        String jwt = "jwt." + group + "." + minted.size() + "." + params.getOrDefault("expiration", "never");
        minted.add(jwt);
        answer(exchange, 200, JSON.createObjectNode().put("jwt", jwt));
    }

    private static Map<String, String> params(String query) {
        Map<String, String> params = new LinkedHashMap<>();
        if (query != null) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    params.put(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
                }
            }
        }
        return params;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    private static void error(HttpExchange exchange, int status, String message) throws IOException {
        answer(exchange, status, JSON.createObjectNode().put("error", message));
    }

    private static void answer(HttpExchange exchange, int status, ObjectNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
