package io.writerflow.maven.migrations;

import com.eclipsesource.json.JsonArray;
import com.eclipsesource.json.JsonObject;
import com.eclipsesource.json.JsonValue;
import io.writerflow.maven.WriterflowException;
import io.writerflow.maven.schema.SmallJson;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
        JsonValue root = SmallJson.parse(content, displayName).orElse(null);
        if (root == null || !root.isObject()) {
            throw invalid(displayName, "the journal must be a JSON object with an \"entries\" array");
        }
        checkDialect(root, displayName);
        JsonValue entriesValue = root.asObject().get("entries");
        if (entriesValue == null || !entriesValue.isArray()) {
            throw invalid(displayName, "missing the \"entries\" array");
        }
        JsonArray entriesArray = entriesValue.asArray();
        List<JournalEntry> entries = new ArrayList<>();
        Map<Integer, String> tagsByIdx = new HashMap<>();
        Map<String, Integer> idxByTag = new HashMap<>();
        for (int i = 0; i < entriesArray.size(); i++) {
            JsonValue value = entriesArray.get(i);
            String where = "entries[" + i + "]";
            if (!value.isObject()) {
                throw invalid(displayName, where + " is not an object");
            }
            JsonObject node = value.asObject();
            Optional<Long> number = SmallJson.integer(node.get("idx"));
            if (number.isEmpty() || number.get() < 0 || number.get() > Integer.MAX_VALUE) {
                throw invalid(displayName, where + " needs \"idx\", a non-negative integer");
            }
            int idx = number.get().intValue();
            JsonValue tagValue = node.get("tag");
            if (tagValue == null || !tagValue.isString() || !SAFE_TAG.matcher(tagValue.asString()).matches()) {
                throw invalid(displayName, where + " needs \"tag\", a file name without a directory or extension");
            }
            String tag = tagValue.asString();
            String previous = tagsByIdx.putIfAbsent(idx, tag);
            if (previous != null) {
                throw new WriterflowException(displayName + ": " + where + " (" + tag + ") has idx " + idx
                        + ", already used by " + previous + "; two branches probably each added a migration.",
                        "Keep one of them, delete the other's .sql, snapshot and journal entry, and generate it again"
                                + " on top.");
            }
            if (idxByTag.putIfAbsent(tag, i) != null) {
                throw invalid(displayName, where + " repeats the tag " + tag);
            }
            entries.add(new JournalEntry(idx, SmallJson.text(node.get("version"), ""),
                    SmallJson.wholeNumber(node.get("when")).orElse(0L), tag,
                    SmallJson.bool(node.get("breakpoints"), true)));
        }
        return new Journal(SmallJson.text(root.asObject().get("version"), ""),
                SmallJson.text(root.asObject().get("dialect"), ""), entries);
    }

    /**
     * Refuses a journal that declares a dialect other than SQLite's (drizzle-kit writes {@code "sqlite"}, or
     * {@code "turso"} for that dialect): its migrations are another database's SQL. A journal without the
     * field is read as SQLite's.
     */
    public static void checkDialect(JsonValue root, String displayName) {
        JsonValue dialect = SmallJson.member(root, "dialect").orElse(null);
        if (dialect != null && !(dialect.isString() && SQLITE_DIALECTS.contains(dialect.asString()))) {
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
