package io.writerflow.maven.engine.backup;

import io.writerflow.maven.sql.SqlQuoting;

import java.math.BigDecimal;
import java.math.BigInteger;

/** SQLite literals for the values a JDBC driver reads, written so that reading them back gives the same value and type. */
final class SqlValues {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private SqlValues() {
    }

    static void append(StringBuilder sql, Object value) {
        if (value == null) {
            sql.append("NULL");
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short
                || value instanceof Byte || value instanceof BigInteger) {
            sql.append(value);
        } else if (value instanceof Double || value instanceof Float) {
            appendReal(sql, ((Number) value).doubleValue());
        } else if (value instanceof BigDecimal decimal) {
            appendReal(sql, decimal.doubleValue());
        } else if (value instanceof byte[] bytes) {
            sql.append("X'");
            for (byte b : bytes) {
                sql.append(HEX[(b >> 4) & 0xf]).append(HEX[b & 0xf]);
            }
            sql.append('\'');
        } else {
            quote(sql, value.toString());
        }
    }

    /**
     * Java's shortest round-tripping form; a whole number keeps its ".0" so SQLite stores a REAL, not an
     * INTEGER. Infinities are spelled as SQLite's own dump spells them; NaN is stored by SQLite as NULL anyway.
     */
    private static void appendReal(StringBuilder sql, double d) {
        if (Double.isNaN(d)) {
            sql.append("NULL");
        } else if (Double.isInfinite(d)) {
            sql.append(d > 0 ? "9.0e+999" : "-9.0e+999");
        } else {
            sql.append(Double.toString(d));
        }
    }

    static void quote(StringBuilder sql, String text) {
        sql.append(SqlQuoting.literal(text));
    }
}
