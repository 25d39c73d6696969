package io.writerflow.maven.lint.data;

import io.writerflow.maven.lint.DataCondition;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The read-only query that answers a {@link DataCondition}. Each answers with rows whose last column is the count
 * of offending rows (or duplicate values), and the columns before it, when there are any, an example key: at most
 * {@link #EXAMPLES} rows, so that a table of millions answers with a few values. The window {@code count(*) OVER
 * ()} counts before the {@code LIMIT}, which keeps it one query.
 */
public final class DataQueries {

    /** How many example keys a message names. */
    public static final int EXAMPLES = 3;

    /** The tables of the database, asked in the same request: a condition on a table it lacks has no rows. */
    public static final String TABLES = "SELECT name FROM sqlite_master WHERE type = 'table'";

    private static final Pattern IDENTIFIER = Pattern.compile("[\\p{L}_][\\p{L}\\p{N}_$]*");

    private DataQueries() {
    }

    /** The query, or empty when the condition cannot be asked safely (an expression that is more than one). */
    public static Optional<String> of(DataCondition condition) {
        String table = quote(condition.table());
        if (condition instanceof DataCondition.Rows) {
            return Optional.of("SELECT count(*) FROM " + table);
        }
        if (condition instanceof DataCondition.Nulls n) {
            return Optional.of("SELECT count(*) FROM " + table + " WHERE " + quote(n.column()) + " IS NULL");
        }
        if (condition instanceof DataCondition.Duplicates d) {
            // NULLs never collide in a UNIQUE index; GROUP BY compares with the columns' collations, as it does
            List<String> keys = d.columns().stream().map(DataQueries::key).toList();
            if (keys.stream().anyMatch(k -> k.contains(";"))) {
                return Optional.empty();
            }
            String columns = String.join(", ", keys);
            return Optional.of("SELECT " + columns + ", count(*) OVER () FROM " + table + " WHERE "
                    + keys.stream().map(k -> "(" + k + ") IS NOT NULL").collect(Collectors.joining(" AND "))
                    + " GROUP BY " + columns + " HAVING count(*) > 1 LIMIT " + EXAMPLES);
        }
        if (condition instanceof DataCondition.Orphans o) {
            if (o.parentColumns().size() != o.columns().size()) {
                return Optional.empty(); // a key to the parent's primary key by default: not named, not asked
            }
            // a child row with a NULL in its key references nothing, as SQLite's own check reads it
            StringBuilder join = new StringBuilder();
            StringBuilder where = new StringBuilder("p." + quote(o.parentColumns().get(0)) + " IS NULL");
            for (int i = 0; i < o.columns().size(); i++) {
                join.append(i == 0 ? "" : " AND ").append("p.").append(quote(o.parentColumns().get(i)))
                        .append(" = c.").append(quote(o.columns().get(i)));
                where.append(" AND c.").append(quote(o.columns().get(i))).append(" IS NOT NULL");
            }
            String columns = o.columns().stream().map(c -> "c." + quote(c)).collect(Collectors.joining(", "));
            return Optional.of("SELECT " + columns + ", count(*) OVER () FROM " + table + " AS c LEFT JOIN "
                    + quote(o.parent()) + " AS p ON " + join + " WHERE " + where + " LIMIT " + EXAMPLES);
        }
        DataCondition.Rejected r = (DataCondition.Rejected) condition;
        if (r.expression().contains(";")) {
            return Optional.empty(); // one expression, as the shadow read it, never a second statement
        }
        // a CHECK passes on NULL, and NOT (NULL) is NULL, which WHERE leaves out: the same rows the CHECK rejects
        return Optional.of("SELECT count(*) FROM " + table + " WHERE NOT (" + r.expression() + ")");
    }

    /** An index's key: a column quoted, an expression ({@code lower(email)}) as written. */
    private static String key(String value) {
        return IDENTIFIER.matcher(value).matches() || !value.contains("(") ? quote(value) : value;
    }

    /**
     * In backticks, not double quotes: SQLite reads a double-quoted name it cannot resolve as a string, so a column
     * the database lacks would count no rows instead of failing the query.
     */
    static String quote(String name) {
        return "`" + name.replace("`", "``") + "`";
    }
}
