package io.writerflow.maven.fleet.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.writerflow.maven.WriterflowException;
import io.writerflow.maven.schema.JsonFiles;
import io.writerflow.maven.settings.AuthToken;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The two calls of the Turso Platform API a discovered fleet needs, with the request and response shapes of
 * Turso's own client ({@code @tursodatabase/api} 2.0.5): {@code GET /v1/organizations/{org}/databases[?group=]}
 * answering {@code {"databases":[{"Name","Hostname","group",...}]}}, and
 * {@code POST /v1/organizations/{org}/groups/{group}/auth/tokens?expiration=&authorization=full-access} answering
 * {@code {"jwt":...}}; a refusal answers {@code {"error":"..."}}. Every failure is a {@link WriterflowException}
 * naming the setting to fix; neither token ever reaches a message.
 */
public final class PlatformApi {

    /** Turso's Platform API; {@code writerflow.platformUrl} replaces it for proxies and tests. */
    public static final String DEFAULT_URL = "https://api.turso.tech";


    private final URI base;
    private final PlatformToken token;
    private final Duration timeout;
    private final HttpClient http;

    /**
     * @param timeout how long to wait for a connection, and for each answer
     */
    public PlatformApi(URI base, PlatformToken token, Duration timeout) {
        this.base = URI.create(base.toString().replaceAll("/+$", "") + "/");
        this.token = token;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** The databases of {@code organization}, only those of {@code group} when one is given, in the API's order. */
    public List<PlatformDatabase> databases(String organization, Optional<String> group) {
        String path = "v1/organizations/" + segment(organization) + "/databases"
                + group.map(g -> "?group=" + URLEncoder.encode(g, StandardCharsets.UTF_8)).orElse("");
        Answer answer = send(HttpRequest.newBuilder(base.resolve(path)).GET(), "list the databases of organization '"
                + organization + "'");
        if (answer.status() == 404) {
            // One endpoint, two unknowns: Turso's answer text says which (our double's: "group not found").
            if (group.isPresent() && answer.error().toLowerCase(java.util.Locale.ROOT).contains("group")) {
                throw new WriterflowException("The Turso Platform API knows no group '" + group.get()
                        + "' in organization '" + organization + "' (HTTP 404: " + answer.error() + "); nothing was run.",
                        "Fix writerflow.group (turso group list --org " + organization + " shows the groups), or"
                                + " unset it to take databases from every group.");
            }
            throw new WriterflowException("The Turso Platform API knows no organization '" + organization + "' (HTTP 404"
                    + (answer.error().isEmpty() ? "" : ": " + answer.error()) + "); nothing was run.",
                    "Fix writerflow.organization: the organization's slug, as 'turso org list' shows it.");
        }
        answer.requireOk("list the databases of organization '" + organization + "'");
        JsonNode databases = answer.body().path("databases");
        if (!databases.isArray()) {
            throw answer.malformed("no \"databases\" list");
        }
        List<PlatformDatabase> found = new ArrayList<>();
        for (JsonNode database : databases) {
            String name = database.path("Name").asText("");
            String hostname = database.path("Hostname").asText("");
            if (name.isEmpty() || hostname.isEmpty()) {
                throw answer.malformed("a database without \"Name\" or \"Hostname\"");
            }
            found.add(new PlatformDatabase(name, hostname, database.path("group").asText("")));
        }
        return found;
    }

    /**
     * Mints a full-access token for every database of {@code group}, valid for {@code expiration} (Turso's
     * duration, such as {@code 1d} or {@code 2w}).
     */
    public AuthToken groupToken(String organization, String group, String expiration) {
        String path = "v1/organizations/" + segment(organization) + "/groups/" + segment(group) + "/auth/tokens"
                + "?expiration=" + URLEncoder.encode(expiration, StandardCharsets.UTF_8) + "&authorization=full-access";
        String action = "mint a token for group '" + group + "' of organization '" + organization + "'";
        Answer answer = send(HttpRequest.newBuilder(base.resolve(path)).POST(HttpRequest.BodyPublishers.noBody()),
                action);
        if (answer.status() == 404) {
            throw new WriterflowException("The Turso Platform API could not " + action + " (HTTP 404"
                    + (answer.error().isEmpty() ? "" : ": " + answer.error()) + "); nothing was run.",
                    "Check that group '" + group + "' still exists (turso group list --org " + organization + "), or"
                            + " give the databases a token yourself: TURSO_AUTH_TOKEN, writerflow.serverId, or"
                            + " WRITERFLOW_TOKEN_<NAME> per database.");
        }
        answer.requireOk(action);
        String jwt = answer.body().path("jwt").asText("");
        if (jwt.isEmpty()) {
            throw answer.malformed("no \"jwt\"");
        }
        return new AuthToken(jwt);
    }

    private static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private Answer send(HttpRequest.Builder request, String action) {
        HttpRequest built = request.timeout(timeout)
                .header("Authorization", "Bearer " + token.token().value())
                .header("Accept", "application/json")
                .header("User-Agent", "writerflow-maven-plugin")
                .build();
        URI uri = built.uri();
        // shown without query and user info: only the address
        String where = uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort())
                + uri.getRawPath();
        try {
            HttpResponse<byte[]> response = http.send(built, HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(action, where, response.statusCode(), response.body());
        } catch (HttpTimeoutException e) {
            throw unreachable(action, where, "no answer within " + (timeout.toMillis() % 1000 == 0
                    ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms"), e);
        } catch (IOException e) {
            throw unreachable(action, where, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unreachable(action, where, "interrupted", e);
        }
    }

    private static WriterflowException unreachable(String action, String where, String why, Exception cause) {
        return new WriterflowException("Cannot reach the Turso Platform API to " + action + ": " + where + " ("
                + why + "); nothing was run.", "Check the network and writerflow.platformUrl (default " + DEFAULT_URL
                + "), then run again.", cause);
    }

    /** One answer of the API: its status, its JSON body (empty when it has none) and its error text. */
    private final class Answer {
        private final String action;
        private final String where;
        private final int status;
        private final JsonNode body;

        Answer(String action, String where, int status, byte[] raw) {
            this.action = action;
            this.where = where;
            this.status = status;
            JsonNode parsed;
            try {
                parsed = raw.length == 0 ? JsonNodeFactory.instance.objectNode()
                        : JsonFiles.parse(new String(raw, StandardCharsets.UTF_8), where);
            } catch (WriterflowException e) {
                parsed = null; // not JSON: a proxy's page, say; said below if the status was a success
            }
            this.body = parsed;
        }

        int status() {
            return status;
        }

        JsonNode body() {
            if (body == null) {
                throw malformed("no JSON");
            }
            return body;
        }

        String error() {
            return body == null ? "" : body.path("error").asText("").strip();
        }

        void requireOk(String what) {
            if (status == 401 || status == 403) {
                throw new WriterflowException("The Turso Platform API refused the platform API token from "
                        + token.source() + " (HTTP " + status + (error().isEmpty() ? "" : ": " + error())
                        + ") when asked to " + what + "; nothing was run.", "Check that the token in "
                        + token.source() + " is a current Turso platform API token with access to that organization"
                        + " (turso auth api-tokens list; mint one with turso auth api-tokens mint).");
            }
            if (status < 200 || status >= 300) {
                throw new WriterflowException("The Turso Platform API answered HTTP " + status
                        + (error().isEmpty() ? "" : " (" + error() + ")") + " when asked to " + what + " at " + where
                        + "; nothing was run.", "Run again later; if it persists, check writerflow.platformUrl and"
                        + " Turso's status page.");
            }
        }

        WriterflowException malformed(String what) {
            return new WriterflowException("The Turso Platform API's answer to " + action + " at " + where + " has "
                    + what + "; nothing was run.", "Check that writerflow.platformUrl (default " + DEFAULT_URL
                    + ") points at the Turso Platform API, not another server.");
        }
    }
}
