package io.writerflow.maven.libsql;

import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Timestamps as SQLite keeps them: text {@code yyyy-MM-dd HH:mm:ss[.SSS]} in UTC (what
 * {@code strftime('%Y-%m-%d %H:%M:%f','now')} and {@code CURRENT_TIMESTAMP} produce), ISO-8601 with an offset,
 * or an integer number of milliseconds since the epoch (sqlite-jdbc's default).
 */
final class SqlTimes {

    private static final DateTimeFormatter TEXT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

    private SqlTimes() {
    }

    static String format(Timestamp timestamp) {
        return TEXT.format(LocalDateTime.ofInstant(timestamp.toInstant(), ZoneOffset.UTC));
    }

    static Timestamp parse(Object value, String column) throws SQLException {
        if (value == null) {
            return null;
        }
        if (value instanceof Long millis) {
            return new Timestamp(millis);
        }
        if (value instanceof Double d) {
            return new Timestamp(d.longValue());
        }
        if (value instanceof String s) {
            String text = s.strip();
            try {
                if (text.length() == 10) {
                    return Timestamp.from(LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC));
                }
                String iso = text.replace(' ', 'T');
                if (iso.endsWith("Z") || iso.matches(".*[+-]\\d\\d:\\d\\d$")) {
                    return Timestamp.from(OffsetDateTime.parse(iso).toInstant());
                }
                return Timestamp.from(LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC));
            } catch (DateTimeParseException e) {
                throw new SQLException("Column " + column + " holds '" + s + "', which is not a timestamp", "22007");
            }
        }
        throw new SQLException("Column " + column + " holds a blob, which is not a timestamp", "22007");
    }
}
