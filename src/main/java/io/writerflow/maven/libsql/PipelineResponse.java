package io.writerflow.maven.libsql;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.writerflow.maven.schema.JsonFiles;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a {@code /v2/pipeline} response as it arrives, with Jackson's streaming parser: the step results of a
 * 100,000-statement batch are read one at a time into their small Java values, never as one text or tree.
 */
final class PipelineResponse {

    /** One entry of the response's {@code results}. */
    sealed interface Result {
        /** The request failed as a whole. */
        record Failed(LibsqlException error) implements Result {
        }

        /** A request of a type this client does not know. */
        record Unknown(String type) implements Result {
        }

        record Executed(Hrana.StmtResult result) implements Result {
        }

        record Batched(List<Hrana.StmtResult> stepResults, List<LibsqlException> stepErrors) implements Result {
        }
    }

    private PipelineResponse() {
    }

    /** The entries of {@code results}, in order; throws a JSON error (an IOException) on what is not Hrana's. */
    static List<Result> read(JsonFactory factory, InputStream in) throws IOException, SQLException {
        List<Result> results = new ArrayList<>();
        try (JsonParser json = factory.createParser(in)) {
            expect(json, json.nextToken(), JsonToken.START_OBJECT);
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String field = json.currentName();
                JsonToken value = json.nextToken();
                if (field.equals("results") && value == JsonToken.START_ARRAY) {
                    while (json.nextToken() == JsonToken.START_OBJECT) {
                        results.add(result(json));
                    }
                } else {
                    json.skipChildren();
                }
            }
        }
        return results;
    }

    /** {@code {"type": "ok", "response": {...}}} or {@code {"type": "error", "error": {...}}}. */
    private static Result result(JsonParser json) throws IOException, SQLException {
        String type = null;
        Result response = null;
        LibsqlException error = null;
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String field = json.currentName();
            JsonToken value = json.nextToken();
            if (field.equals("type")) {
                type = json.getValueAsString();
            } else if (field.equals("error")) {
                error = HranaClient.error(JsonFiles.read(json));
            } else if (field.equals("response") && value == JsonToken.START_OBJECT) {
                response = response(json);
            } else {
                json.skipChildren();
            }
        }
        if ("error".equals(type)) {
            return new Result.Failed(error != null ? error : HranaClient.error(MissingNode.getInstance()));
        }
        if (!"ok".equals(type)) {
            return new Result.Unknown(type);
        }
        return response != null ? response : new Result.Executed(HranaClient.stmtResult(MissingNode.getInstance()));
    }

    /**
     * {@code {"type": ..., "result": {...}}}: a batch's result when it holds step results (streamed one step at a
     * time), else an execute's (read whole: its rows are what the caller asked for).
     */
    private static Result response(JsonParser json) throws IOException, SQLException {
        Result result = null;
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String field = json.currentName();
            JsonToken value = json.nextToken();
            if (field.equals("result") && value == JsonToken.START_OBJECT) {
                result = stmtOrBatch(json);
            } else {
                json.skipChildren();
            }
        }
        return result != null ? result : new Result.Executed(HranaClient.stmtResult(MissingNode.getInstance()));
    }

    private static Result stmtOrBatch(JsonParser json) throws IOException, SQLException {
        ObjectNode fields = JsonNodeFactory.instance.objectNode();
        List<Hrana.StmtResult> stepResults = null;
        List<LibsqlException> stepErrors = new ArrayList<>();
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String field = json.currentName();
            JsonToken value = json.nextToken();
            if (field.equals("step_results") && value == JsonToken.START_ARRAY) {
                stepResults = new ArrayList<>();
                while (json.nextToken() != JsonToken.END_ARRAY) {
                    JsonNode step = JsonFiles.read(json);
                    stepResults.add(step == null || step.isNull() ? null : HranaClient.stmtResult(step));
                }
            } else if (field.equals("step_errors") && value == JsonToken.START_ARRAY) {
                while (json.nextToken() != JsonToken.END_ARRAY) {
                    JsonNode step = JsonFiles.read(json);
                    stepErrors.add(step == null || step.isNull() ? null : HranaClient.error(step));
                }
            } else {
                fields.set(field, JsonFiles.read(json));
            }
        }
        return stepResults != null ? new Result.Batched(stepResults, stepErrors)
                : new Result.Executed(HranaClient.stmtResult(fields));
    }

    private static void expect(JsonParser json, JsonToken actual, JsonToken expected) throws IOException {
        if (actual != expected) {
            throw new com.fasterxml.jackson.core.JsonParseException(json, "expected " + expected + ", found " + actual);
        }
    }
}
