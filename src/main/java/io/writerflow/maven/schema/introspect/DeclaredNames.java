package io.writerflow.maven.schema.introspect;

import io.writerflow.maven.sql.LeadingName;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tables, indexes and views under the names their CREATE statements give them. SQLite keeps those in
 * {@code sqlite_master.name}; the Turso server (tursodb 0.7) keeps them lowercased there and in
 * {@code tbl_name} ({@code "Users"} is listed as {@code users}), while the statement in {@code sql} keeps the
 * name as written. Read from the statement, a name compares equal to the migrations' on both.
 */
final class DeclaredNames {

    private static final Pattern CREATE = Pattern.compile("\\s*CREATE\\s+(?:TEMP(?:ORARY)?\\s+)?(?:UNIQUE\\s+)?"
            + "(?:TABLE|VIEW|INDEX)\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?", Pattern.CASE_INSENSITIVE);

    private final Map<String, String> declared = new HashMap<>();

    /** @param master the rows of {@code sqlite_master}, with {@code name} and {@code sql} */
    DeclaredNames(List<Map<String, Object>> master) {
        for (Map<String, Object> row : master) {
            String name = String.valueOf(row.get("name"));
            Object sql = row.get("sql");
            if (sql != null) {
                of(sql.toString()).filter(d -> d.equalsIgnoreCase(name) && !d.equals(name))
                        .ifPresent(d -> declared.put(name, d));
            }
        }
    }

    /** The name the statement creating {@code listed} gives it; {@code listed} itself where they agree. */
    String of(Object listed) {
        String name = String.valueOf(listed);
        return declared.getOrDefault(name, name);
    }

    /** Replaces the names in {@code keys} of each row with the declared ones. */
    void restore(List<Map<String, Object>> rows, String... keys) {
        for (Map<String, Object> row : rows) {
            for (String key : keys) {
                if (row.get(key) != null) {
                    row.put(key, of(row.get(key)));
                }
            }
        }
    }

    private static Optional<String> of(String sql) {
        Matcher m = CREATE.matcher(sql);
        return m.lookingAt() ? LeadingName.at(sql, m.end()).map(LeadingName::name) : Optional.empty();
    }
}
