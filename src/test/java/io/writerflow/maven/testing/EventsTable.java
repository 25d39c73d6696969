package io.writerflow.maven.testing;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** The 100,000-row table dump speed is measured on: integer key, short text, real, 4-byte blob, text or NULL. */
public final class EventsTable {

    public static final int ROWS = 100_000;

    private EventsTable() {
    }

    /** Creates {@code events} and fills it, 1,000 rows per statement. */
    public static void fill(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE events (id integer PRIMARY KEY, kind text NOT NULL, score real,"
                    + " payload blob, note text)");
            for (int from = 0; from < ROWS; from += 1000) {
                StringBuilder sql = new StringBuilder("INSERT INTO events VALUES ");
                for (int i = from; i < from + 1000; i++) {
                    sql.append(i == from ? "" : ",").append('(').append(i + 1).append(", 'kind-").append(i % 17)
                            .append("', ").append(i / 7.0).append(", X'").append(String.format("%08X", i))
                            .append("', ").append(i % 3 == 0 ? "NULL" : "'note '' " + i + "'").append(')');
                }
                statement.execute(sql.toString());
            }
        }
    }
}
