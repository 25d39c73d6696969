package io.writerflow.maven.lint;

import java.util.List;

/**
 * What a data-dependent finding depends on, as data rather than words: the question to ask a real database
 * (read only) to tell whether the statement will fail there, or how long a rebuild locks. Without a database the
 * finding says "will fail if ..."; a database answers it.
 */
public sealed interface DataCondition {

    /** The table whose rows decide. */
    String table();

    /** Any rows at all (a rebuild's row count; a new NOT NULL column the copy gives no value). */
    record Rows(String table) implements DataCondition {
    }

    /** Rows sharing values in {@code columns}: a new UNIQUE index or constraint fails on them. */
    record Duplicates(String table, List<String> columns) implements DataCondition {
        public Duplicates {
            columns = List.copyOf(columns);
        }
    }

    /** Rows where {@code column} is NULL: a column made NOT NULL fails on them. */
    record Nulls(String table, String column) implements DataCondition {
    }

    /** Rows whose {@code columns} match no row of {@code parent}'s {@code parentColumns}: a new foreign key. */
    record Orphans(String table, List<String> columns, String parent, List<String> parentColumns)
            implements DataCondition {
        public Orphans {
            columns = List.copyOf(columns);
            parentColumns = List.copyOf(parentColumns);
        }
    }

    /** Rows for which {@code expression} is false: a new CHECK rejects them. */
    record Rejected(String table, String expression) implements DataCondition {
    }
}
