package io.writerflow.maven.report;

import io.writerflow.maven.engine.MigrationState;
import io.writerflow.maven.engine.MigrationStatus;
import io.writerflow.maven.engine.StatusReport;
import io.writerflow.maven.engine.drift.Drift;
import io.writerflow.maven.schema.JsonFiles;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The status report as one JSON document for pipelines. Field names are part of the plugin's interface:
 * add fields freely, never rename or remove one.
 */
public final class StatusJson {

    private StatusJson() {
    }

    public static String render(StatusReport report) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("database", report.database());
        root.put("databaseExists", report.databaseExists());
        root.put("directory", report.directory());
        root.put("current", report.current().orElse(null));
        ArrayNode migrations = root.putArray("migrations");
        for (MigrationStatus m : report.migrations()) {
            ObjectNode node = migrations.addObject();
            node.put("version", m.version());
            node.put("tag", m.tag());
            node.put("file", m.file());
            node.put("state", m.state().label());
            node.put("appliedAt", m.appliedAt() == null ? null : m.appliedAt().toString());
            node.put("appliedBy", m.appliedBy());
            node.put("durationMs", m.durationMs());
            node.put("appliedTag", m.appliedTag());
            // the last rollback the history records: on a pending migration, it is why; on an applied one, it
            // was applied again since
            node.put("rolledBackAt", m.rolledBack() == null || m.rolledBack().at() == null ? null
                    : m.rolledBack().at().toString());
            node.put("rolledBackBy", m.rolledBack() == null ? null : m.rolledBack().by());
        }
        ObjectNode counts = root.putObject("counts");
        for (MigrationState state : MigrationState.values()) {
            counts.put(state.label(), report.count(state));
        }
        ArrayNode unlisted = root.putArray("unlisted");
        report.unlisted().forEach(unlisted::add);
        root.put("driftChecked", report.drift().compared());
        root.put("driftNote", report.drift().note());
        ArrayNode drift = root.putArray("drift");
        for (Drift d : report.drift().differences()) {
            ObjectNode node = drift.addObject();
            node.put("object", d.object());
            node.put("kind", d.kind());
            node.put("message", d.message());
        }
        return JsonFiles.write(root, true) + "\n";
    }
}
