package io.writerflow.maven.engine.drift;

import io.writerflow.maven.engine.EngineSettings;
import io.writerflow.maven.schema.Schema;
import io.writerflow.maven.schema.introspect.SqliteIntrospector;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * The application's part of a live database's schema: introspected without the plugin's history and lock tables
 * and drizzle's, and with only the tables drizzle.config's {@code tablesFilter} says are the project's (and every
 * view). What drift compares, and what generate from the database and adopt-drift diff against.
 */
public final class LiveSchema {

    private LiveSchema() {
    }

    public static Schema read(EngineSettings settings, Connection connection) throws SQLException {
        return owned(new SqliteIntrospector(ignored(settings)).read(connection), settings.tablesFilter());
    }

    /** The tables that are not the application's: the history, its lock, drizzle's history. */
    public static List<String> ignored(EngineSettings settings) {
        return List.of(settings.historyTable(), settings.lockTable(), settings.drizzleTable());
    }

    /** The tables {@code filter} says are the project's, and every view. */
    public static Schema owned(Schema schema, TablesFilter filter) {
        return new Schema(schema.tables().stream().filter(t -> filter.includes(t.name())).toList(), schema.views());
    }
}
