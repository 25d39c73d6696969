package io.writerflow.maven.libsql;

import io.writerflow.maven.testing.TursoServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The driver and client against the real Turso server (one server for the class; each test its own tables). */
class LibsqlServerTest {

    private static TursoServer server;

    @BeforeAll
    static void startServer() throws Exception {
        server = TursoServer.start();
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private static Connection connect() throws SQLException {
        return server.connect();
    }

    private static long count(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
            assertTrue(rs.next());
            return rs.getLong(1);
        }
    }

    @Test
    void createInsertSelectRoundTrip() throws Exception {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            assertFalse(s.execute("CREATE TABLE round_trip (id INTEGER PRIMARY KEY, name TEXT NOT NULL, score REAL,"
                    + " data BLOB, flag INTEGER, at TEXT)"));
            assertEquals(1, c.prepareStatement("INSERT INTO round_trip (name, score, data, flag, at) VALUES"
                    + " ('a', 1.5, x'00ff10', 1, '2026-11-24 16:00:01.250')").executeUpdate());
            assertEquals(2, c.prepareStatement("INSERT INTO round_trip (name) VALUES ('b'), ('c')").executeUpdate());
            try (ResultSet rs = s.executeQuery("SELECT id, name, score, data, flag, at FROM round_trip ORDER BY id")) {
                ResultSetMetaData md = rs.getMetaData();
                assertEquals(6, md.getColumnCount());
                assertEquals("name", md.getColumnName(2));
                assertEquals("name", md.getColumnLabel(2));
                assertTrue(rs.next());
                assertEquals(1, rs.getInt("id"));
                assertEquals("a", rs.getString("name"));
                assertEquals(1.5, rs.getObject(3));
                assertArrayEquals(new byte[] {0, (byte) 0xff, 0x10}, (byte[]) rs.getObject(4));
                assertTrue(rs.getBoolean(5));
                assertEquals(Timestamp.from(Instant.parse("2026-11-24T16:00:01.250Z")), rs.getTimestamp(6));
                assertTrue(rs.next());
                assertEquals("b", rs.getString(2));
                assertEquals(0, rs.getLong(3));
                assertTrue(rs.wasNull());
                assertNull(rs.getObject(4));
                assertFalse(rs.getBoolean(5));
                assertTrue(rs.next());
                assertFalse(rs.next());
            }
            try (ResultSet none = s.executeQuery("SELECT * FROM round_trip WHERE id < 0")) {
                assertFalse(none.next());
                assertEquals(6, none.getMetaData().getColumnCount());
            }
            assertTrue(s.execute("SELECT 1"));
        }
    }

    /** The setters Flyway and the plugin bind with; the other value types are HranaValuesTest's. */
    @Test
    void parametersRoundTrip() throws Exception {
        Timestamp at = Timestamp.from(Instant.parse("2026-01-02T03:04:05.678Z"));
        try (Connection c = connect()) {
            c.createStatement().execute("CREATE TABLE params (i INTEGER, t TEXT, b INTEGER, n, ts TEXT)");
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO params VALUES (?, ?, ?, ?, ?)")) {
                insert.setInt(1, Integer.MAX_VALUE);
                insert.setString(2, "it's \"quoted\" \u2603");
                insert.setBoolean(3, true);
                insert.setNull(4, Types.INTEGER);
                insert.setTimestamp(5, at);
                assertEquals(1, insert.executeUpdate());
                insert.setInt(1, Integer.MIN_VALUE);
                insert.setString(2, null);
                insert.setBoolean(3, false);
                insert.setInt(4, 42);
                insert.setTimestamp(5, null);
                assertEquals(1, insert.executeUpdate());
            }
            try (PreparedStatement select = c.prepareStatement("SELECT * FROM params WHERE i = ?")) {
                select.setInt(1, Integer.MAX_VALUE);
                try (ResultSet rs = select.executeQuery()) {
                    assertTrue(rs.next());
                    assertEquals(Integer.MAX_VALUE, rs.getInt("i"));
                    assertEquals("it's \"quoted\" \u2603", rs.getString("t"));
                    assertTrue(rs.getBoolean(3));
                    assertNull(rs.getObject(4));
                    assertEquals(at, rs.getTimestamp(5));
                    assertFalse(rs.next());
                }
                select.setInt(1, Integer.MIN_VALUE);
                try (ResultSet rs = select.executeQuery()) {
                    assertTrue(rs.next());
                    assertNull(rs.getString("t"));
                    assertFalse(rs.getBoolean(3));
                    assertEquals(42, rs.getInt(4));
                    assertNull(rs.getTimestamp(5));
                }
            }
            try (PreparedStatement missing = c.prepareStatement("SELECT ?, ?")) {
                missing.setInt(2, 1);
                SQLException e = assertThrows(SQLException.class, missing::executeQuery);
                assertTrue(e.getMessage().contains("Parameter 1"), e.getMessage());
            }
        }
    }

    @Test
    void serverErrorsCarryTheMessageAndCode() throws Exception {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            LibsqlException e = assertThrows(LibsqlException.class, () -> s.executeQuery("SELECT nosuch"));
            assertTrue(e.getMessage().contains("no such column: nosuch"), e.getMessage());
            assertEquals("PREPARE_ERROR", e.hranaCode());
            s.execute("CREATE TABLE uniq (a INTEGER UNIQUE)");
            s.execute("INSERT INTO uniq VALUES (1)");
            LibsqlException dup = assertThrows(LibsqlException.class, () -> s.execute("INSERT INTO uniq VALUES (1)"));
            assertTrue(dup.getMessage().toUpperCase().contains("UNIQUE"), dup.getMessage());
            assertTrue(dup.hranaCode() != null && !dup.hranaCode().isEmpty(), String.valueOf(dup.hranaCode()));
        }
    }

    /** No transaction is left open on the (shared) server connection. */
    private static void assertServerInAutocommit() throws SQLException {
        HranaClient client = new HranaClient(URI.create(server.baseUrl()), null, Duration.ofSeconds(5),
                Duration.ofSeconds(10));
        Hrana.BatchResult result = client.batch(List.of(
                new Hrana.BatchStep(Hrana.isAutocommit(), Hrana.Stmt.of("SELECT 'autocommit'"))));
        assertTrue(result.stepResults().get(0) != null, "a transaction was left open on the server");
    }

    @Test
    void transactionStatementsAsSqlAreRefused() throws Exception {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            SQLException e = assertThrows(SQLException.class, () -> s.execute("BEGIN"));
            assertTrue(e.getMessage().contains("one batch"), e.getMessage());
            assertThrows(SQLException.class, () -> s.execute("  commit"));
            SQLException off = assertThrows(java.sql.SQLFeatureNotSupportedException.class, () -> c.setAutoCommit(false));
            assertTrue(off.getMessage().contains("one batch"), off.getMessage());
            c.setAutoCommit(true);
            assertTrue(c.getAutoCommit());
        }
        assertServerInAutocommit();
    }

    @Test
    void batchConditionsRunAsTheSpecSays() throws Exception {
        HranaClient client = new HranaClient(URI.create(server.baseUrl()), null, Duration.ofSeconds(5),
                Duration.ofSeconds(10));
        Hrana.BatchResult r = client.batch(List.of(
                new Hrana.BatchStep(null, Hrana.Stmt.of("SELECT 1")),
                new Hrana.BatchStep(null, Hrana.Stmt.of("SELECT nosuch")),
                new Hrana.BatchStep(Hrana.ok(0), Hrana.Stmt.of("SELECT 'ok 0'")),
                new Hrana.BatchStep(Hrana.ok(1), Hrana.Stmt.of("SELECT 'ok 1'")),
                new Hrana.BatchStep(Hrana.not(Hrana.ok(1)), Hrana.Stmt.of("SELECT 'not ok 1'")),
                new Hrana.BatchStep(Hrana.and(Hrana.ok(0), Hrana.ok(1)), Hrana.Stmt.of("SELECT 'and'")),
                new Hrana.BatchStep(Hrana.and(Hrana.ok(0), Hrana.not(Hrana.ok(1))), Hrana.Stmt.of("SELECT 'and not'")),
                new Hrana.BatchStep(Hrana.isAutocommit(), Hrana.Stmt.of("SELECT ?", 7L))));
        assertNull(r.stepErrors().get(0));
        assertInstanceOf(LibsqlException.class, r.stepErrors().get(1));
        List<Boolean> ran = r.stepResults().stream().map(x -> x != null).toList();
        assertEquals(List.of(true, false, true, false, true, false, true, true), ran);
        assertEquals(7L, r.stepResults().get(7).rows().get(0).get(0));
    }

    @Test
    void databaseMetaData() throws Exception {
        try (Connection c = connect()) {
            assertTrue(c.isWrapperFor(LibsqlConnection.class));
            assertInstanceOf(LibsqlConnection.class, c.unwrap(LibsqlConnection.class));
            var md = c.getMetaData();
            assertEquals("libSQL", md.getDatabaseProductName());
            assertTrue(md.getDatabaseMajorVersion() >= 3, md.getDatabaseProductVersion());
            assertEquals(server.jdbcUrl(), md.getURL());
            assertThrows(SQLFeatureNotSupportedException.class, () -> md.getTables(null, null, "%", null));
            assertThrows(SQLFeatureNotSupportedException.class, c::setSavepoint);
            // a method the driver does not implement names itself
            assertEquals("Connection.prepareCall is not supported by the libSQL driver",
                    assertThrows(SQLFeatureNotSupportedException.class, () -> c.prepareCall("x")).getMessage());
            assertThrows(SQLFeatureNotSupportedException.class, md::supportsTransactions);
        }
    }
}
