package io.writerflow.maven.plan;

import io.writerflow.maven.diff.SchemaChange;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * drizzle-kit ({@code sqliteCombineStatements}) collects the statements of each table in a JavaScript object
 * keyed by table name and then flattens it, so a migration's statements come table by table, the tables in
 * the order they first appear, except that JavaScript puts keys that look like array indexes ("0", "42")
 * first, in numeric order. This reproduces that order.
 */
final class GroupOrder {

    private static final Pattern ARRAY_INDEX = Pattern.compile("0|[1-9][0-9]{0,9}");

    private GroupOrder() {
    }

    static Map<String, List<SchemaChange>> byTable(List<SchemaChange> changes) {
        Map<String, List<SchemaChange>> inOrder = new LinkedHashMap<>();
        changes.forEach(c -> inOrder.computeIfAbsent(c.subject(), k -> new ArrayList<>()).add(c));
        Map<String, List<SchemaChange>> result = new LinkedHashMap<>();
        inOrder.keySet().stream().filter(GroupOrder::isArrayIndex).sorted((a, b) -> Long.compare(Long.parseLong(a),
                Long.parseLong(b))).forEach(k -> result.put(k, inOrder.get(k)));
        inOrder.forEach(result::putIfAbsent);
        return result;
    }

    private static boolean isArrayIndex(String key) {
        if (!ARRAY_INDEX.matcher(key).matches()) {
            return false;
        }
        return Long.parseLong(key) < 4294967295L;
    }
}
