package io.writerflow.maven.migrations;

import com.fasterxml.jackson.databind.JsonNode;
import io.writerflow.maven.WriterflowException;
import io.writerflow.maven.schema.JsonFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads and checks {@code meta/_journal.json}, naming the file and position of anything wrong. */
public final class JournalReader {

    private static final Pattern SAFE_TAG = Pattern.compile("[A-Za-z0-9_.\\-]+");
    private static final Set<String> SQLITE_DIALECTS = Set.of("sqlite", "turso");

    private JournalReader() {
    }

    /**
     * @param file        the journal
     * @param displayName how the journal is named in messages (relative to the project)
     */
    public static Journal read(Path file, String displayName) {
        String content;
        try {
            content = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new WriterflowException("Cannot read " + displayName + ": " + e.getMessage(),
                    "Check that the file exists and is readable.", e);
        }
        return parse(content, displayName);
    }

    public static Journal parse(String content, String displayName) {
        JsonNode root = JsonFiles.parse(content, displayName);
        if (root == null || !root.isObject()) {
            throw invalid(displayName, "the journal must be a JSON object with an \"entries\" array");
        }
        checkDialect(root, displayName);
        JsonNode entriesNode = root.get("entries");
        if (entriesNode == null || !entriesNode.isArray()) {
            throw invalid(displayName, "missing the \"entries\" array");
        }
        List<JournalEntry> entries = new ArrayList<>();
        Map<Integer, String> tagsByIdx = new HashMap<>();
        Map<String, Integer> idxByTag = new HashMap<>();
        for (int i = 0; i < entriesNode.size(); i++) {
            JsonNode node = entriesNode.get(i);
            String where = "entries[" + i + "]";
            if (!node.isObject()) {
                throw invalid(displayName, where + " is not an object");
            }
            JsonNode idx = node.get("idx");
            if (idx == null || !idx.canConvertToInt() || !idx.isIntegralNumber() || idx.intValue() < 0) {
                throw invalid(displayName, where + " needs \"idx\", a non-negative integer");
            }
            JsonNode tag = node.get("tag");
            if (tag == null || !tag.isTextual() || !SAFE_TAG.matcher(tag.textValue()).matches()) {
                throw invalid(displayName, where + " needs \"tag\", a file name without a directory or extension");
            }
            String previous = tagsByIdx.putIfAbsent(idx.intValue(), tag.textValue());
            if (previous != null) {
                throw new WriterflowException(displayName + ": " + where + " (" + tag.textValue()
                        + ") has idx " + idx.intValue() + ", already used by " + previous
                        + "; two branches probably each added a migration.",
                        "Keep one of them, delete the other's .sql, snapshot and journal entry, and generate it again"
                                + " on top.");
            }
            if (idxByTag.putIfAbsent(tag.textValue(), i) != null) {
                throw invalid(displayName, where + " repeats the tag " + tag.textValue());
            }
            JsonNode when = node.get("when");
            entries.add(new JournalEntry(
                    idx.intValue(),
                    node.path("version").asText(""),
                    when != null && when.canConvertToLong() ? when.longValue() : 0L,
                    tag.textValue(),
                    node.path("breakpoints").asBoolean(true)));
        }
        return new Journal(root.path("version").asText(""), root.path("dialect").asText(""), entries);
    }

    /**
     * Refuses a journal that declares a dialect other than SQLite's (drizzle-kit writes {@code "sqlite"}, or
     * {@code "turso"} for that dialect): its migrations are another database's SQL. A journal without the
     * field is read as SQLite's.
     */
    public static void checkDialect(JsonNode root, String displayName) {
        JsonNode dialect = root.get("dialect");
        if (dialect != null && !(dialect.isTextual() && SQLITE_DIALECTS.contains(dialect.textValue()))) {
            throw new WriterflowException(displayName + ": \"dialect\" is " + dialect + ", not \"sqlite\" or"
                    + " \"turso\": these are the migrations of another kind of database, which writerflow does not"
                    + " apply to SQLite.", "Point writerflow.out (or out in drizzle.config) at the migrations"
                    + " drizzle-kit generates for dialect sqlite or turso.");
        }
    }

    private static WriterflowException invalid(String displayName, String problem) {
        return new WriterflowException(displayName + ": " + problem + ".",
                "Fix the journal (drizzle-kit's format: {\"version\":\"7\",\"dialect\":\"sqlite\",\"entries\":"
                        + "[{\"idx\":0,\"version\":\"6\",\"when\":...,\"tag\":\"0000_name\",\"breakpoints\":true}]}).");
    }
}
