package io.writerflow.maven.fleet;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.writerflow.maven.WriterflowException;
import io.writerflow.maven.schema.JsonFiles;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The fleet's JSON report, one object per database (name, URL without secrets, status, version before and after,
 * migrations, duration, first error line; for status also the pending count, the drift in short and the gates it
 * fails), streamed to disk. Tokens are never in it. Field names are part of the
 * plugin's interface: add fields freely, never rename or remove one. {@link #failedIn} reads one back for
 * {@code writerflow.onlyFailed}.
 */
public final class FleetReport {

    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private FleetReport() {
    }

    /** {@code fleet-<UTC time>.json} in {@code directory}. */
    public static Path defaultFile(Path directory, Instant now) {
        return directory.resolve("fleet-" + FILE_TIME.format(now) + ".json");
    }

    /**
     * Writes the report to {@code file} (through a temporary file beside it, then moved into place).
     *
     * @param operation apply, status or rollback
     * @param shard     the shard run, {@code 1/1} for the whole list
     */
    public static void write(Path file, String operation, Shard shard, FleetResult result, Instant finished) {
        Path absolute = file.toAbsolutePath();
        Path temporary = absolute.resolveSibling(absolute.getFileName() + ".tmp");
        try {
            Files.createDirectories(absolute.getParent());
            try (OutputStream out = Files.newOutputStream(temporary);
                 JsonGenerator json = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
                json.useDefaultPrettyPrinter();
                json.writeStartObject();
                json.writeStringField("operation", operation);
                json.writeStringField("finishedAt", finished.toString());
                json.writeStringField("shard", shard.toString());
                json.writeNumberField("durationMs", result.duration().toMillis());
                json.writeNumberField("canaries", result.canaries());
                json.writeBooleanField("canaryFailed", result.canaryFailed());
                json.writeObjectFieldStart("counts");
                for (DatabaseResult.Status status : DatabaseResult.Status.values()) {
                    json.writeNumberField(status.label(), result.count(status));
                }
                json.writeEndObject();
                versions(json, "before", result.before());
                versions(json, "after", result.after());
                json.writeArrayFieldStart("databases");
                for (DatabaseResult d : result.databases()) {
                    json.writeStartObject();
                    json.writeStringField("name", d.name());
                    json.writeStringField("url", d.url());
                    json.writeStringField("status", d.status().label());
                    json.writeStringField("before", d.before().orElse(null));
                    json.writeStringField("after", d.after().orElse(null));
                    json.writeArrayFieldStart("migrations");
                    for (String tag : d.migrations()) {
                        json.writeString(tag);
                    }
                    json.writeEndArray();
                    json.writeNumberField("durationMs", d.duration().toMillis());
                    json.writeStringField("error", d.error().orElse(null));
                    if (operation.equals("status")) {
                        // pending: how many of "migrations"; drift: in short, null when none was found
                        json.writeNumberField("pending", d.migrations().size());
                        json.writeStringField("drift", d.drift().orElse(null));
                        json.writeArrayFieldStart("gates");
                        for (var gate : d.gates()) {
                            json.writeString(gate.gate().setting());
                        }
                        json.writeEndArray();
                    }
                    json.writeEndObject();
                }
                json.writeEndArray();
                json.writeEndObject();
            }
            Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new WriterflowException("Cannot write the fleet report to " + file + ": " + e.getMessage(),
                    "Check writerflow.output and that its directory is writable.", e);
        }
    }

    private static void versions(JsonGenerator json, String field, Map<String, Long> counts) throws IOException {
        json.writeObjectFieldStart(field);
        for (Map.Entry<String, Long> e : counts.entrySet()) {
            json.writeNumberField(e.getKey(), e.getValue());
        }
        json.writeEndObject();
    }

    /**
     * The names of the databases a previous report records as failed or not started: what
     * {@code writerflow.onlyFailed} runs again.
     */
    public static Set<String> failedIn(Path report, String shownAs) {
        JsonNode root;
        try {
            root = JsonFiles.parse(Files.readString(report), shownAs);
        } catch (IOException | WriterflowException e) {
            throw new WriterflowException("Cannot read the fleet report " + shownAs + " named by"
                    + " writerflow.onlyFailed (" + (Files.exists(report) ? e.getMessage() : "no such file")
                    + "); nothing was run.", "Point writerflow.onlyFailed at a fleet-<time>.json a previous run wrote.",
                    e);
        }
        JsonNode databases = root == null ? null : root.get("databases");
        if (databases == null || !databases.isArray()) {
            throw new WriterflowException(shownAs + " (writerflow.onlyFailed) is no fleet report: it has no"
                    + " \"databases\" list; nothing was run.",
                    "Point writerflow.onlyFailed at a fleet-<time>.json a previous run wrote.");
        }
        Set<String> names = new LinkedHashSet<>();
        for (JsonNode d : databases) {
            String status = d.path("status").asText("");
            if (!status.equals(DatabaseResult.Status.OK.label())) {
                names.add(d.path("name").asText());
            }
        }
        return names;
    }
}
