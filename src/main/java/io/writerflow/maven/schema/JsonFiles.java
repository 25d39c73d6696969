package io.writerflow.maven.schema;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.writerflow.maven.WriterflowException;

/** Parses the JSON files of a drizzle directory, naming file:line:column of a syntax error. */
public final class JsonFiles {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonFiles() {
    }

    /** @param displayName the file as users see it; named in the error with the position */
    public static JsonNode parse(String content, String displayName) {
        try {
            return JSON.readTree(content);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String position = at == null ? "" : ":" + at.getLineNr() + ":" + at.getColumnNr();
            throw new WriterflowException(displayName + position + ": malformed JSON: " + e.getOriginalMessage(),
                    "Fix the JSON at that position, or restore the committed file with 'git checkout -- "
                            + displayName + "'.");
        }
    }
}
