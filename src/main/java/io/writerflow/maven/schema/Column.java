package io.writerflow.maven.schema;

import java.util.Optional;

/**
 * A column.
 *
 * @param type          the SQL type as drizzle writes it: {@code integer}, {@code text}, {@code text(256)},
 *                      {@code real}, {@code blob}, {@code numeric}, or a custom type's name
 * @param defaultValue  the DEFAULT clause's expression, if any
 * @param generated     the {@code GENERATED ALWAYS AS} expression, if any
 */
public record Column(String name, String type, boolean primaryKey, boolean notNull, boolean autoincrement,
                     Optional<DefaultValue> defaultValue, Optional<Generated> generated) {

    /**
     * A column default.
     *
     * @param sql          the SQL text after DEFAULT: {@code 'text'}, {@code 0}, {@code true},
     *                     {@code (CURRENT_TIMESTAMP)}
     * @param jsonLiteral  true when drizzle-kit's snapshot stores it as a JSON number or boolean rather than
     *                     a JSON string; kept so snapshots round-trip byte for byte
     */
    public record DefaultValue(String sql, boolean jsonLiteral) {

        public static DefaultValue sql(String sql) {
            return new DefaultValue(sql, false);
        }
    }

    /**
     * A generated column.
     *
     * @param as   the expression, as drizzle-kit writes it (with its parentheses)
     * @param type {@code stored} or {@code virtual}
     */
    public record Generated(String as, String type) {
    }
}
