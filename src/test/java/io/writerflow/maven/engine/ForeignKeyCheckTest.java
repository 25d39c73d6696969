package io.writerflow.maven.engine;

import io.writerflow.maven.engine.database.ForeignKeyCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The SQL-only check agrees with SQLite's own PRAGMA foreign_key_check, and both conditions with the counts. */
class ForeignKeyCheckTest {

    @TempDir
    Path dir;

    private static boolean holds(Connection c, String condition) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT " + condition)) {
            rs.next();
            return rs.getInt(1) == 1;
        }
    }

    @Test
    void bothChecksFindTheSameOrphans() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("fk.db"));
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE users (id INTEGER PRIMARY KEY)");
            s.execute("CREATE TABLE teams (org TEXT, code TEXT, PRIMARY KEY (org, code))");
            s.execute("CREATE TABLE docs (id INTEGER PRIMARY KEY, owner INTEGER REFERENCES users(id),"
                    + " editor INTEGER REFERENCES users, org TEXT, code TEXT,"
                    + " FOREIGN KEY (org, code) REFERENCES teams(org, code))");
            s.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, doc INTEGER REFERENCES gone(id))");
            s.execute("INSERT INTO users VALUES (1)");
            s.execute("INSERT INTO teams VALUES ('a', 'x')");
            s.execute("INSERT INTO docs VALUES (1, 1, 1, 'a', 'x'), (2, 9, NULL, NULL, 'x'), (3, NULL, 8, 'a', 'y'),"
                    + " (4, 1, 1, 'b', NULL)");
            s.execute("INSERT INTO notes VALUES (1, 5), (2, NULL)");

            Map<String, Integer> expected = Map.of("docs -> users", 2, "docs -> teams", 1, "notes -> gone", 1);
            assertEquals(expected, new ForeignKeyCheck.Pragma().violations(c));
            assertEquals(expected, new ForeignKeyCheck.Queries().violations(c));
            assertEquals(true, holds(c, new ForeignKeyCheck.Pragma().orphansExist(c)));
            assertEquals(true, holds(c, new ForeignKeyCheck.Queries().orphansExist(c)));

            s.execute("DELETE FROM docs WHERE id > 1");
            s.execute("DELETE FROM notes WHERE doc IS NOT NULL");
            assertEquals(Map.of(), new ForeignKeyCheck.Queries().violations(c));
            assertEquals(false, holds(c, new ForeignKeyCheck.Pragma().orphansExist(c)));
            assertEquals(false, holds(c, new ForeignKeyCheck.Queries().orphansExist(c)));
        }
    }

    @Test
    void noForeignKeysNoCondition() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("plain.db"));
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE users (id INTEGER PRIMARY KEY)");
            assertNull(new ForeignKeyCheck.Queries().orphansExist(c));
        }
    }
}
