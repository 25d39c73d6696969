package io.writerflow.maven.engine;

import io.writerflow.maven.engine.database.SqliteNativeLibrary;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** sqlite-jdbc's library, loaded from the plugin's copy: it works, and leaves no system property set. */
class SqliteNativeLibraryTest {

    @Test
    void loadsTheLibraryAndLeavesNothingBehind() throws Exception {
        assertTrue(SqliteNativeLibrary.load());
        assertNull(System.getProperty("org.sqlite.lib.path"));
        assertNull(System.getProperty("org.sqlite.lib.name"));
        try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:");
             ResultSet rs = c.createStatement().executeQuery("SELECT sqlite_version()")) {
            assertTrue(rs.next());
        }
    }
}
