package io.writerflow.maven.lint.report;

import com.fasterxml.jackson.core.JsonGenerator;
import io.writerflow.maven.lint.Finding;
import io.writerflow.maven.lint.LintFailOn;
import io.writerflow.maven.lint.LintResult;
import io.writerflow.maven.lint.LintedMigration;
import io.writerflow.maven.lint.Severity;
import io.writerflow.maven.schema.JsonFiles;

import java.io.IOException;
import java.util.List;

/**
 * The lint as one JSON document for pipelines ({@code -Dwriterflow.format=json}, as writerflow:status). Field names
 * are part of the plugin's interface: add fields freely, never rename or remove one.
 */
public final class LintJson {


    private LintJson() {
    }

    public static String render(LintResult result) {
        return JsonFiles.text(true, json -> {
            json.writeStartObject();
            json.writeStringField("scope", result.scope());
            json.writeStringField("failOn", result.failOn().label());
            json.writeBooleanField("passed", result.passed());
            json.writeObjectFieldStart("counts");
            json.writeNumberField("error", result.count(Severity.ERROR));
            json.writeNumberField("warning", result.count(Severity.WARNING));
            json.writeNumberField("suppressed", result.suppressed());
            json.writeEndObject();
            json.writeArrayFieldStart("migrations");
            for (LintedMigration migration : result.migrations()) {
                json.writeStartObject();
                json.writeStringField("tag", migration.tag());
                json.writeStringField("file", migration.file());
                findings(json, "findings", migration.findings(), result.failOn());
                findings(json, "cleared", migration.cleared(), result.failOn());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }) + "\n";
    }

    private static void findings(JsonGenerator json, String field, List<Finding> findings, LintFailOn failOn)
            throws IOException {
        json.writeArrayFieldStart(field);
        for (Finding finding : findings) {
            json.writeStartObject();
            json.writeStringField("code", finding.code().code());
            json.writeStringField("name", finding.code().slug());
            json.writeStringField("severity", finding.severity().label());
            json.writeNumberField("line", finding.line());
            json.writeStringField("message", finding.message());
            json.writeStringField("suppressed", finding.suppressed().orElse(null));
            json.writeBooleanField("fails", finding.fails(failOn));
            json.writeEndObject();
        }
        json.writeEndArray();
    }
}
