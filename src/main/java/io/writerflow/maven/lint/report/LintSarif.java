package io.writerflow.maven.lint.report;

import com.fasterxml.jackson.core.JsonGenerator;
import io.writerflow.maven.lint.Finding;
import io.writerflow.maven.lint.FindingCode;
import io.writerflow.maven.lint.LintResult;
import io.writerflow.maven.lint.Severity;
import io.writerflow.maven.schema.JsonFiles;

import java.io.IOException;

/**
 * The lint as a SARIF 2.1.0 log ({@code target/writerflow/lint.sarif}), the format code-scanning dashboards
 * (GitHub's upload-sarif among them) read: one rule per {@link FindingCode}, one result per finding, located by the
 * migration file relative to the project ({@code %SRCROOT%}) and its line. A suppressed finding stays in the log
 * with an in-source suppression carrying its reason, as SARIF means suppressions to be reported, not dropped.
 */
public final class LintSarif {

    public static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    private static final String SRCROOT = "%SRCROOT%";

    private LintSarif() {
    }

    /** @param version the plugin's version, the tool driver's */
    public static String render(LintResult result, String version) {
        return JsonFiles.text(true, json -> {
            json.writeStartObject();
            json.writeStringField("$schema", SCHEMA);
            json.writeStringField("version", "2.1.0");
            json.writeArrayFieldStart("runs");
            json.writeStartObject();
            tool(json, version);
            json.writeArrayFieldStart("results");
            for (Finding finding : result.findings()) {
                result(json, finding);
            }
            json.writeEndArray();
            json.writeEndObject();
            json.writeEndArray();
            json.writeEndObject();
        }) + "\n";
    }

    private static void tool(JsonGenerator json, String version) throws IOException {
        json.writeObjectFieldStart("tool");
        json.writeObjectFieldStart("driver");
        json.writeStringField("name", "writerflow");
        json.writeStringField("version", version);
        json.writeArrayFieldStart("rules");
        for (FindingCode code : FindingCode.values()) {
            json.writeStartObject();
            json.writeStringField("id", code.code());
            json.writeStringField("name", code.slug());
            json.writeObjectFieldStart("shortDescription");
            json.writeStringField("text", code.code() + " " + code.slug());
            json.writeEndObject();
            json.writeObjectFieldStart("defaultConfiguration");
            json.writeStringField("level", level(code.severity()));
            json.writeEndObject();
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
        json.writeEndObject();
    }

    private static void result(JsonGenerator json, Finding finding) throws IOException {
        json.writeStartObject();
        json.writeStringField("ruleId", finding.code().code());
        json.writeNumberField("ruleIndex", finding.code().ordinal());
        json.writeStringField("level", level(finding.severity()));
        json.writeObjectFieldStart("message");
        json.writeStringField("text", finding.message());
        json.writeEndObject();
        json.writeArrayFieldStart("locations");
        json.writeStartObject();
        json.writeObjectFieldStart("physicalLocation");
        json.writeObjectFieldStart("artifactLocation");
        json.writeStringField("uri", finding.file().replace('\\', '/'));
        json.writeStringField("uriBaseId", SRCROOT);
        json.writeEndObject();
        json.writeObjectFieldStart("region");
        json.writeNumberField("startLine", Math.max(1, finding.line()));
        json.writeEndObject();
        json.writeEndObject();
        json.writeEndObject();
        json.writeEndArray();
        if (finding.isSuppressed()) {
            json.writeArrayFieldStart("suppressions");
            json.writeStartObject();
            json.writeStringField("kind", "inSource");
            json.writeStringField("justification", finding.suppressed().get());
            json.writeEndObject();
            json.writeEndArray();
        }
        json.writeEndObject();
    }

    /** SARIF's levels: {@code error}, {@code warning}. */
    static String level(Severity severity) {
        return severity == Severity.ERROR ? "error" : "warning";
    }
}
