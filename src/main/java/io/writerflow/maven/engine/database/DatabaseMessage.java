package io.writerflow.maven.engine.database;

import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The database's own words, without sqlite-jdbc's wrapping: "SQLITE_ERROR: no such table: x". */
public final class DatabaseMessage {

    private static final Pattern SQLITE_JDBC = Pattern.compile("^\\[(SQLITE_[A-Z_]+)][^(]*\\((.*)\\)$", Pattern.DOTALL);

    private DatabaseMessage() {
    }

    public static String of(SQLException e) {
        String message = String.valueOf(e.getMessage());
        Matcher m = SQLITE_JDBC.matcher(message);
        return m.matches() ? m.group(1) + ": " + m.group(2) : message;
    }
}
