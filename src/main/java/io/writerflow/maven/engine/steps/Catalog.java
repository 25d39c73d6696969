package io.writerflow.maven.engine.steps;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The schema objects of a database in the order they were created ({@code sqlite_master} by rowid), which
 * is an order they can be created again in: an index after its table, a trigger after its table or view.
 */
public record Catalog(List<SchemaObject> objects) {

    /** What {@link #read} asks; remote callers send it in a request of their own and use {@link #of}. */
    public static final String QUERY = "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE sql IS NOT NULL"
            + " ORDER BY rowid";

    public Catalog {
        objects = List.copyOf(objects);
    }

    public static Catalog read(Connection connection) throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(QUERY)) {
            while (rs.next()) {
                rows.add(List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
            }
        }
        return of(rows);
    }

    /** From the rows of {@link #QUERY}. */
    public static Catalog of(List<List<Object>> rows) {
        return new Catalog(rows.stream().map(r -> new SchemaObject(String.valueOf(r.get(0)), String.valueOf(r.get(1)),
                String.valueOf(r.get(2)), String.valueOf(r.get(3)))).toList());
    }

    public Optional<SchemaObject> table(String name) {
        return objects.stream().filter(o -> o.is("table") && o.named(name)).findFirst();
    }

    /** Whether any object (table, index, trigger or view) is called {@code name}. */
    public boolean has(String name) {
        return objects.stream().anyMatch(o -> o.named(name));
    }
}
