package io.writerflow.maven.migrations;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.writerflow.maven.WriterflowException;
import io.writerflow.maven.schema.JsonFiles;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A snapshot's {@code id} and parents: its place in the chain of snapshots, without its schema.
 *
 * @param prevIds version "6"'s {@code prevId}, or version "7"'s {@code prevIds}
 */
record SnapshotHeader(String id, List<String> prevIds) {

    SnapshotHeader {
        prevIds = List.copyOf(prevIds);
    }

    /** From a parsed snapshot; empty when it has no id and parents. */
    static Optional<SnapshotHeader> of(JsonNode snapshot) {
        JsonNode id = snapshot.path("id");
        JsonNode prevId = snapshot.path("prevId");
        JsonNode prevIds = snapshot.path("prevIds");
        if (!id.isTextual() || !(prevId.isTextual() || prevIds.isArray())) {
            return Optional.empty();
        }
        List<String> parents = new ArrayList<>();
        if (prevId.isTextual()) {
            parents.add(prevId.textValue());
        }
        prevIds.forEach(p -> parents.add(p.asText()));
        return Optional.of(new SnapshotHeader(id.textValue(), parents));
    }

    /**
     * Read from the file's first keys, where drizzle-kit writes them, without parsing the schema after them:
     * generate reads every snapshot of a folder directory to find where its chain ends.
     */
    static SnapshotHeader read(Path file, String display) throws IOException {
        return JsonFiles.readStart(file, display, parser -> {
            String id = null;
            List<String> prevIds = null;
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw notASnapshot(display);
            }
            while ((id == null || prevIds == null) && parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (field.equals("id") && value == JsonToken.VALUE_STRING) {
                    id = parser.getText();
                } else if ((field.equals("prevIds") || field.equals("prevId")) && prevIds == null) {
                    prevIds = parents(parser, value);
                } else {
                    parser.skipChildren();
                }
            }
            if (id == null || prevIds == null) {
                throw notASnapshot(display);
            }
            return new SnapshotHeader(id, prevIds);
        });
    }

    private static List<String> parents(JsonParser parser, JsonToken value) throws IOException {
        List<String> parents = new ArrayList<>();
        if (value == JsonToken.VALUE_STRING) {
            parents.add(parser.getText());
        } else if (value == JsonToken.START_ARRAY) {
            while (parser.nextToken() == JsonToken.VALUE_STRING) {
                parents.add(parser.getText());
            }
        } else {
            parser.skipChildren();
        }
        return parents;
    }

    static WriterflowException notASnapshot(String display) {
        return new WriterflowException(display + " has no \"id\" and \"prevIds\", so it is not a drizzle-kit snapshot.",
                "Restore it from version control.");
    }
}
