package io.writerflow.maven.libsql;

import io.writerflow.maven.testing.TursoServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What DESIGN.md says about the Turso test server, checked with raw HTTP: the transport's rules (no close, no
 * open transaction between requests) rest on these facts.
 */
class TursoServerFactsTest {

    private static TursoServer server;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

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

    private static HttpResponse<String> post(String path, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String execute(String... sql) {
        StringBuilder b = new StringBuilder("{\"baton\":null,\"requests\":[");
        for (int i = 0; i < sql.length; i++) {
            b.append(i > 0 ? "," : "").append("{\"type\":\"execute\",\"stmt\":{\"sql\":\"").append(sql[i])
                    .append("\"}}");
        }
        return b.append("]}").toString();
    }

    @Test
    void onlyV2PipelineIsAnswered() throws Exception {
        assertEquals(200, post("/v2/pipeline", execute("SELECT 1")).statusCode());
        assertEquals(404, post("/v3/pipeline", execute("SELECT 1")).statusCode());
        assertEquals(404, post("/", "{\"statements\":[\"SELECT 1\"]}").statusCode());
    }

    @Test
    void aCloseRequestFailsTheWholeRequest() throws Exception {
        HttpResponse<String> response = post("/v2/pipeline",
                "{\"baton\":null,\"requests\":[{\"type\":\"execute\",\"stmt\":{\"sql\":\"SELECT 1\"}},{\"type\":\"close\"}]}");
        assertEquals(500, response.statusCode(), response.body());
    }

    @Test
    void allClientsShareOneConnection() throws Exception {
        post("/v2/pipeline", execute("CREATE TABLE shared (a)"));
        try {
            // one request opens a transaction and writes; another request, as another client, sees the write
            assertEquals(200, post("/v2/pipeline", execute("BEGIN", "INSERT INTO shared VALUES (1)")).statusCode());
            String seen = post("/v2/pipeline", execute("SELECT count(*) FROM shared")).body();
            assertTrue(seen.contains("{\"type\":\"integer\",\"value\":\"1\"}"), seen);
        } finally {
            post("/v2/pipeline", execute("ROLLBACK"));
        }
        String after = post("/v2/pipeline", execute("SELECT count(*) FROM shared")).body();
        assertTrue(after.contains("{\"type\":\"integer\",\"value\":\"0\"}"), after);
    }

    /**
     * The engine answers PRAGMA foreign_key_check with no columns at all (SQLite answers with four, rows or
     * not): how the plugin tells that it must check foreign keys with its own queries, which need
     * pragma_foreign_key_list as a table-valued function, as here.
     */
    @Test
    void foreignKeyCheckIsEmptyButTheForeignKeyListIsAFunction() throws Exception {
        post("/v2/pipeline", execute("CREATE TABLE fk_parent (id INTEGER PRIMARY KEY)",
                "CREATE TABLE fk_child (id INTEGER PRIMARY KEY, parent INTEGER REFERENCES fk_parent(id))",
                "INSERT INTO fk_child VALUES (1, 42)"));
        String check = post("/v2/pipeline", execute("PRAGMA foreign_key_check")).body();
        assertTrue(check.contains("\"cols\":[]") && check.contains("\"rows\":[]"), check);
        String list = post("/v2/pipeline", execute("SELECT m.name, f.\\\"table\\\" FROM sqlite_schema AS m,"
                + " pragma_foreign_key_list(m.name) AS f WHERE m.name = 'fk_child'")).body();
        assertTrue(list.contains("{\"type\":\"text\",\"value\":\"fk_parent\"}"), list);
    }

    /** With enforcement on, DROP TABLE deletes the parent's rows first, cascading into the children. */
    @Test
    void foreignKeysAreEnforcedOnlyOnceSwitchedOnAndDropTableCascades() throws Exception {
        post("/v2/pipeline", execute("CREATE TABLE c_parent (id INTEGER PRIMARY KEY)",
                "CREATE TABLE c_child (id INTEGER PRIMARY KEY, parent INTEGER REFERENCES c_parent(id) ON DELETE CASCADE)",
                "INSERT INTO c_parent VALUES (1)", "INSERT INTO c_child VALUES (1, 1)"));
        try {
            post("/v2/pipeline", execute("PRAGMA foreign_keys=ON", "DROP TABLE c_parent"));
            String children = post("/v2/pipeline", execute("SELECT count(*) FROM c_child")).body();
            assertTrue(children.contains("{\"type\":\"integer\",\"value\":\"0\"}"), children);
        } finally {
            post("/v2/pipeline", execute("PRAGMA foreign_keys=OFF"));
        }
    }

    /** SQL as a JSON string of {@link #execute}: quotes and backslashes escaped. */
    private static String json(String sql) {
        return sql.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    /**
     * How the server keeps names, which drift and the queries over every table work around: sqlite_master lists
     * a table's name lowercased (its CREATE statement keeps it as written), and a table-valued PRAGMA fails on a
     * name holding a double quote while the PRAGMA statement answers.
     */
    @Test
    void namesAreListedLowercasedAndPragmaFunctionsFailOnADoubleQuote() throws Exception {
        post("/v2/pipeline", execute(json("CREATE TABLE \"Mixed\"\"Case\" (\"A\" integer)")));
        String master = post("/v2/pipeline", execute(json("SELECT name, sql FROM sqlite_master"
                + " WHERE sql LIKE '%Mixed%'"))).body();
        assertTrue(master.contains("{\"type\":\"text\",\"value\":\"mixed\\\"case\"}"), master);
        assertTrue(master.contains("CREATE TABLE \\\"Mixed\\\"\\\"Case\\\""), master);
        String function = post("/v2/pipeline", execute(json("SELECT name FROM pragma_table_info('mixed\"case')"))).body();
        assertTrue(function.contains("syntax error"), function);
        String statement = post("/v2/pipeline", execute(json("PRAGMA table_info(\"mixed\"\"case\")"))).body();
        assertTrue(statement.contains("{\"type\":\"text\",\"value\":\"A\"}"), statement);
    }

    /**
     * ALTER TABLE ADD COLUMN ... REFERENCES makes the server write the table's CREATE statement again, with the
     * referenced names unquoted: a name that needs its quotes leaves SQL that cannot be read back (a dump of it
     * does not restore). SQLite, and libSQL behind Turso's hosted databases, keep the statement as written.
     */
    @Test
    void addingAColumnThatReferencesAQuotedNameRewritesTheCreateStatementWithoutItsQuotes() throws Exception {
        post("/v2/pipeline", execute(json("CREATE TABLE \"ref parent\" (id integer PRIMARY KEY)"),
                "CREATE TABLE ref_child (id integer PRIMARY KEY)",
                json("ALTER TABLE ref_child ADD \"parent id\" integer REFERENCES \"ref parent\"(id)")));
        String sql = post("/v2/pipeline", execute("SELECT sql FROM sqlite_master WHERE name = 'ref_child'")).body();
        assertTrue(sql.contains("FOREIGN KEY (parent id) REFERENCES ref parent(id)"), sql);
    }
}
