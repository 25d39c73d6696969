package io.writerflow.maven.libsql;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.writerflow.maven.schema.JsonFiles;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.sql.SQLException;

/**
 * The body of one {@code /v2/pipeline} request (one execute or one batch), written with Jackson's generator as its requests and steps
 * come, into a {@link SpillingBuffer}: a batch of 100,000 statements is never built as a tree or an array.
 * Close deletes what was written.
 */
final class PipelineBody implements AutoCloseable {

    /** Bodies up to this size stay in memory. */
    static final int MEMORY_LIMIT = 1024 * 1024;

    private final SpillingBuffer buffer = new SpillingBuffer(MEMORY_LIMIT);
    private final JsonGenerator json;
    /** The number of steps of the batch, or -1 for an execute. */
    private int steps = -1;

    PipelineBody(JsonFactory factory) throws IOException {
        json = factory.createGenerator(buffer, JsonEncoding.UTF8);
        json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET); // the buffer outlives the generator, to be sent
        json.writeStartObject();
        json.writeNullField("baton");
        json.writeArrayFieldStart("requests");
    }

    void execute(Hrana.Stmt stmt) throws IOException, SQLException {
        json.writeStartObject();
        json.writeStringField("type", "execute");
        json.writeFieldName("stmt");
        JsonFiles.write(json, HranaClient.stmtJson(stmt));
        json.writeEndObject();
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
                    JsonFiles.write(json, HranaClient.condJson(step.condition()));
                }
                json.writeFieldName("stmt");
                JsonFiles.write(json, HranaClient.stmtJson(step.stmt()));
                json.writeEndObject();
            } catch (IOException e) {
                throw new LibsqlException("Cannot write a Hrana request: " + e.getMessage(), null, e);
            }
            return count[0]++;
        });
        json.writeEndArray();
        json.writeEndObject();
        json.writeEndObject();
        this.steps = count[0];
    }

    /** The number of steps of the batch written, or -1 for an execute. */
    int steps() {
        return steps;
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
