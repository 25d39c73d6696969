package io.writerflow.maven.libsql;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The body of one {@code /v2/pipeline} request, written with Jackson's generator as its requests and steps
 * come, into a {@link SpillingBuffer}: a batch of 100,000 statements is never built as a tree or an array.
 * Close deletes what was written.
 */
final class PipelineBody implements AutoCloseable {

    /** Bodies up to this size stay in memory. */
    static final int MEMORY_LIMIT = 1024 * 1024;

    private final SpillingBuffer buffer = new SpillingBuffer(MEMORY_LIMIT);
    private final JsonGenerator json;
    /** Per request: the number of steps of a batch, or -1 for an execute. */
    private final List<Integer> stepCounts = new ArrayList<>();

    PipelineBody(ObjectMapper mapper) throws IOException {
        json = mapper.createGenerator(buffer, JsonEncoding.UTF8);
        json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET); // the buffer outlives the generator, to be sent
        json.writeStartObject();
        json.writeNullField("baton");
        json.writeArrayFieldStart("requests");
    }

    void execute(Hrana.Stmt stmt) throws IOException, SQLException {
        json.writeStartObject();
        json.writeStringField("type", "execute");
        json.writeFieldName("stmt");
        json.writeTree(HranaClient.stmtJson(stmt));
        json.writeEndObject();
        stepCounts.add(-1);
    }

    /** Writes a batch request with the steps that {@code steps} gives, as it gives them. */
    void batch(HranaClient.BatchSteps steps) throws IOException, SQLException {
        json.writeStartObject();
        json.writeStringField("type", "batch");
        json.writeObjectFieldStart("batch");
        json.writeArrayFieldStart("steps");
        int[] count = {0};
        steps.writeTo(step -> {
            try {
                json.writeStartObject();
                if (step.condition() != null) {
                    json.writeFieldName("condition");
                    json.writeTree(HranaClient.condJson(step.condition()));
                }
                json.writeFieldName("stmt");
                json.writeTree(HranaClient.stmtJson(step.stmt()));
                json.writeEndObject();
            } catch (IOException e) {
                throw new LibsqlException("Cannot write a Hrana request: " + e.getMessage(), null, e);
            }
            return count[0]++;
        });
        json.writeEndArray();
        json.writeEndObject();
        json.writeEndObject();
        stepCounts.add(count[0]);
    }

    /** Per request, in order: the number of steps of a batch, or -1 for an execute. */
    List<Integer> stepCounts() {
        return List.copyOf(stepCounts);
    }

    /** Ends the body; returns it to send. */
    HttpRequest.BodyPublisher finish() throws IOException {
        json.writeEndArray();
        json.writeEndObject();
        json.close();
        return buffer.publisher();
    }

    @Override
    public void close() {
        buffer.close();
    }
}
