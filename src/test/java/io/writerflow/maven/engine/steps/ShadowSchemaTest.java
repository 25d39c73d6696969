package io.writerflow.maven.engine.steps;

import org.junit.jupiter.api.Test;
import org.sqlite.SQLiteConfig;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The copy of a remote schema that a pipelined apply reads its rebuilds from. */
class ShadowSchemaTest {

    private static Catalog remote() throws SQLException {
        try (Connection c = memory(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE users (id integer PRIMARY KEY AUTOINCREMENT, name text)");
            s.execute("CREATE VIRTUAL TABLE docs USING fts5(body)");
            s.execute("CREATE VIEW v AS SELECT name FROM users");
            s.execute("CREATE INDEX users_name ON users (name)");
            s.execute("INSERT INTO users (name) VALUES ('a')");
            return Catalog.read(c);
        }
    }

    private static Connection memory() throws SQLException {
        return new SQLiteConfig().createConnection("jdbc:sqlite::memory:");
    }

    private static List<String> names(Catalog catalog) {
        return catalog.objects().stream().map(SchemaObject::describe).toList();
    }

    @Test
    void startsAsTheRemoteSchemaAndFollowsTheStatementsAdded() throws Exception {
        Catalog remote = remote();
        // an object only the server's engine can create is left out
        List<SchemaObject> objects = new ArrayList<>(remote.objects());
        objects.add(new SchemaObject("index", "users_vec", "users",
                "CREATE INDEX users_vec ON users (libsql_vector_idx(name))"));
        Catalog withVectorIndex = new Catalog(objects);
        try (ShadowSchema shadow = new ShadowSchema(withVectorIndex, condition -> condition)) {
            shadow.ran("CREATE TRIGGER t AFTER INSERT ON users BEGIN SELECT 1; END");
            shadow.ran("INSERT INTO users (name) VALUES ('rows are not copied')");
            shadow.ran("ALTER TABLE `no_such_table` ADD x integer"); // what the copy cannot run is skipped
            List<String> first = names(shadow.catalog());
            assertEquals(names(remote).size() + 1, first.size(), first.toString());
            assertTrue(first.contains("trigger t") && first.contains("view v") && !first.contains("index users_vec"),
                    first.toString());
            shadow.ran("DROP VIEW v");
            assertFalse(names(shadow.catalog()).contains("view v"));
        }
    }

    @Test
    void theGuardHoldsExactlyWhenTheDatabaseHasTheExpectedViewsTriggersAndIndexesOfTheTable() throws Exception {
        try (Connection c = memory(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE users (id integer PRIMARY KEY, name text)");
            s.execute("CREATE TABLE other (id integer PRIMARY KEY)");
            s.execute("CREATE INDEX users_name ON users (name)");
            s.execute("CREATE INDEX other_id ON other (id)");
            s.execute("CREATE VIEW v AS SELECT name FROM users");
            Catalog expected = Catalog.read(c);
            ShadowSchema shadow = new ShadowSchema(expected, condition -> "SELECT " + condition);
            String differs = shadow.guard(expected, "users").orElseThrow();

            assertFalse(holds(c, differs));
            s.execute("CREATE INDEX other_name ON other (id, id)"); // another table's index does not matter
            assertFalse(holds(c, differs));
            s.execute("CREATE TRIGGER t AFTER INSERT ON other BEGIN SELECT 1; END");
            assertTrue(holds(c, differs));
            s.execute("DROP TRIGGER t");
            s.execute("DROP INDEX users_name");
            assertTrue(holds(c, differs));
        }
    }

    private static boolean holds(Connection c, String query) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
            return rs.next() && rs.getBoolean(1);
        }
    }
}
