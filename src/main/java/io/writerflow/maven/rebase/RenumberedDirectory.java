package io.writerflow.maven.rebase;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.writerflow.maven.migrations.MigrationEntry;
import io.writerflow.maven.migrations.MigrationLayout;
import io.writerflow.maven.schema.JsStyleJson;
import io.writerflow.maven.schema.JsonFiles;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The directory a rebase writes: main's files as main has them, byte for byte, then the branch's migrations
 * added after main's last one as the layout numbers them: the journal's next {@code idx} (and the tag's
 * {@code NNNN} prefix) with a later {@code when}, or a folder timestamp after main's last.
 */
final class RenumberedDirectory {

    private static final Pattern NUMBERED = Pattern.compile("(\\d+)_(.*)");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuuMMddHHmmss");

    private final MigrationLayout layout;
    private final Map<String, byte[]> files;
    private final ObjectNode journal;
    private int nextIdx;
    private long lastWhen;

    /**
     * @param mainFiles the directory's files on main, relative to it
     * @param last      main's last migration, empty when main has none
     */
    RenumberedDirectory(MigrationLayout layout, Map<String, byte[]> mainFiles, Optional<MigrationEntry> last,
                        String display) {
        this.layout = layout;
        this.files = new LinkedHashMap<>(mainFiles);
        this.nextIdx = last.filter(e -> layout == MigrationLayout.JOURNAL)
                .map(e -> Integer.parseInt(e.version()) + 1).orElse(0);
        this.lastWhen = last.map(MigrationEntry::when).orElse(0L);
        if (layout == MigrationLayout.JOURNAL) {
            byte[] text = mainFiles.get("meta/_journal.json");
            if (text == null) {
                journal = JsonNodeFactory.instance.objectNode();
                journal.put("version", "7");
                journal.put("dialect", "sqlite");
                journal.putArray("entries");
            } else {
                journal = (ObjectNode) JsonFiles.parse(new String(text, StandardCharsets.UTF_8),
                        display + "/meta/_journal.json");
            }
        } else {
            journal = null;
        }
    }

    /**
     * Adds one branch migration after the last.
     *
     * @param down its down migration's text for its new tag; empty when it had none
     * @return its new tag
     */
    String add(MigrationEntry old, boolean breakpoints, String sql, String snapshot,
               Optional<Function<String, String>> down) {
        if (layout == MigrationLayout.JOURNAL) {
            int idx = nextIdx++;
            long when = Math.max(old.when(), lastWhen + 1);
            lastWhen = when;
            String tag = retag(old.tag(), Integer.parseInt(old.version()), idx);
            ObjectNode entry = ((ArrayNode) journal.get("entries")).addObject();
            entry.put("idx", idx);
            entry.put("version", "6");
            entry.put("when", when);
            entry.put("tag", tag);
            entry.put("breakpoints", breakpoints);
            int underscore = tag.indexOf('_');
            String prefix = underscore >= 0 ? tag.substring(0, underscore) : String.format("%04d", idx);
            put(tag + ".sql", sql);
            put("meta/" + prefix + "_snapshot.json", snapshot);
            down.ifPresent(d -> put(tag + ".down.sql", d.apply(tag)));
            files.put("meta/_journal.json", JsStyleJson.write(journal).getBytes(StandardCharsets.UTF_8));
            return tag;
        }
        // drizzle-kit 1.0 orders folders by name: a timestamp at least a second after main's last
        long when = Math.max(old.when(), lastWhen + 1000) / 1000 * 1000;
        lastWhen = when;
        int underscore = old.tag().indexOf('_');
        String tag = Instant.ofEpochMilli(when).atZone(ZoneOffset.UTC).format(STAMP) + old.tag().substring(underscore);
        put(tag + "/migration.sql", sql);
        put(tag + "/snapshot.json", snapshot);
        down.ifPresent(d -> put(tag + "/down.sql", d.apply(tag)));
        return tag;
    }

    /** The directory's files after the rebase, relative to it. */
    Map<String, byte[]> files() {
        return files;
    }

    /** The journal's tags say their index in front ({@code 0002_add_tags}): that number follows the new idx. */
    static String retag(String tag, int oldIdx, int newIdx) {
        Matcher m = NUMBERED.matcher(tag);
        if (m.matches() && m.group(1).length() <= 6 && Integer.parseInt(m.group(1)) == oldIdx) {
            return String.format("%0" + m.group(1).length() + "d", newIdx) + "_" + m.group(2);
        }
        return tag; // a unix or timestamp prefix (migrations.prefix) does not count migrations
    }

    private void put(String path, String text) {
        files.put(path, text.getBytes(StandardCharsets.UTF_8));
    }

}
