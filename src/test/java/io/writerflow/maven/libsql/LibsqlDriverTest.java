package io.writerflow.maven.libsql;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LibsqlDriverTest {

    private static LibsqlDriver.Target parse(String url) throws SQLException {
        return LibsqlDriver.parse(url, new Properties());
    }

    @Test
    void libsqlUrlsMeanHttps() throws SQLException {
        assertEquals("https://db-org.turso.io", parse("jdbc:libsql://db-org.turso.io").baseUrl().toString());
        assertEquals("https://db.example:8443/prefix",
                parse("jdbc:libsql://db.example:8443/prefix").baseUrl().toString());
    }

    @Test
    void explicitSchemesAreKept() throws SQLException {
        assertEquals("https://db.example", parse("jdbc:libsql:https://db.example").baseUrl().toString());
        assertEquals("http://127.0.0.1:8080", parse("jdbc:libsql:http://127.0.0.1:8080").baseUrl().toString());
    }

    @Test
    void timeoutsComeFromTheUrlOrTheProperties() throws SQLException {
        LibsqlDriver.Target defaults = parse("jdbc:libsql://h");
        assertEquals(Duration.ofSeconds(10), defaults.connectTimeout());
        assertEquals(Duration.ofSeconds(60), defaults.requestTimeout());
        LibsqlDriver.Target fromUrl = parse("jdbc:libsql://h?connectTimeoutMillis=500&requestTimeoutMillis=1500");
        assertEquals(Duration.ofMillis(500), fromUrl.connectTimeout());
        assertEquals(Duration.ofMillis(1500), fromUrl.requestTimeout());
        assertEquals("https://h", fromUrl.baseUrl().toString());
        Properties props = new Properties();
        props.setProperty(LibsqlDriver.REQUEST_TIMEOUT_MILLIS, "250");
        assertEquals(Duration.ofMillis(250), LibsqlDriver.parse("jdbc:libsql://h?requestTimeoutMillis=9", props)
                .requestTimeout());
        assertThrows(SQLException.class, () -> parse("jdbc:libsql://h?requestTimeoutMillis=soon"));
    }

    @Test
    void badUrlsAreRefusedAndTokensInUrlsToo() {
        assertThrows(SQLException.class, () -> parse("jdbc:libsql:ftp://h"));
        assertThrows(SQLException.class, () -> parse("jdbc:sqlite:x.db"));
        assertThrows(SQLException.class, () -> parse("jdbc:libsql://h?tls=0"));
        SQLException e = assertThrows(SQLException.class, () -> parse("jdbc:libsql://h?authToken=s3cr3t"));
        assertFalse(e.getMessage().contains("s3cr3t"), e.getMessage());
        assertTrue(e.getMessage().contains("authToken"), e.getMessage());
    }

    @Test
    void tokenFromAuthTokenOrPassword() {
        Properties props = new Properties();
        assertNull(LibsqlDriver.token(props));
        props.setProperty("password", "p");
        assertEquals("p", LibsqlDriver.token(props));
        props.setProperty("authToken", "t");
        assertEquals("t", LibsqlDriver.token(props));
    }

    @Test
    void theDriverAcceptsOnlyItsUrls() throws SQLException {
        LibsqlDriver driver = new LibsqlDriver();
        assertTrue(driver.acceptsURL("jdbc:libsql://h"));
        assertFalse(driver.acceptsURL("jdbc:sqlite:file.db"));
        assertNull(driver.connect("jdbc:sqlite:file.db", new Properties()));
    }

    @Test
    void statementsAreClassifiedForTheTransactionRules() {
        assertEquals(LibsqlConnection.Kind.READ, LibsqlConnection.classify("  select 1"));
        assertEquals(LibsqlConnection.Kind.READ, LibsqlConnection.classify("-- c\n/* d */ SELECT * FROM t"));
        assertEquals(LibsqlConnection.Kind.READ, LibsqlConnection.classify("WITH x AS (SELECT 1) SELECT * FROM x"));
        assertEquals(LibsqlConnection.Kind.WRITE,
                LibsqlConnection.classify("WITH x AS (SELECT 1) INSERT INTO t SELECT * FROM x"));
        assertEquals(LibsqlConnection.Kind.READ, LibsqlConnection.classify("PRAGMA table_info(\"t\")"));
        assertEquals(LibsqlConnection.Kind.READ, LibsqlConnection.classify("PRAGMA foreign_keys"));
        assertEquals(LibsqlConnection.Kind.WRITE, LibsqlConnection.classify("PRAGMA foreign_keys=ON"));
        assertEquals(LibsqlConnection.Kind.WRITE, LibsqlConnection.classify("PRAGMA foreign_keys(1)"));
        assertEquals(LibsqlConnection.Kind.WRITE, LibsqlConnection.classify("CREATE TABLE t(a)"));
        assertEquals(LibsqlConnection.Kind.WRITE, LibsqlConnection.classify("insert into t values (1)"));
        assertEquals(LibsqlConnection.Kind.TRANSACTION_CONTROL, LibsqlConnection.classify("begin immediate"));
        assertEquals(LibsqlConnection.Kind.TRANSACTION_CONTROL, LibsqlConnection.classify("COMMIT"));
        assertEquals(LibsqlConnection.Kind.TRANSACTION_CONTROL, LibsqlConnection.classify("savepoint a"));
    }
}
