package io.writerflow.maven.engine;

import io.writerflow.maven.WriterflowException;
import io.writerflow.maven.testing.Rows;
import io.writerflow.maven.testing.TestSettings;
import io.writerflow.maven.testing.TursoServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A migration that ends or nests its own transaction is refused before anything runs, on the embedded file and on
 * the Turso server: a COMMIT in the middle would commit its first half, history row included, and leave the rest
 * outside any transaction. And the same SQL runs the same on both: a byte-order mark, a 12 MB statement.
 */
class TransactionControlApplyTest {

    private static TursoServer server;

    @TempDir
    Path project;

    @BeforeAll
    static void start() throws Exception {
        server = TursoServer.start();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    /** The server is shared: each test starts from an empty database. */
    @BeforeEach
    void empty() throws SQLException {
        for (String table : query("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")) {
            execute("DROP TABLE `" + table + "`");
        }
    }

    /** One migration applied, then 0001 that inserts, runs {@code control}, inserts, then fails. */
    private static MigrationFixture halfCommitting(MigrationFixture fixture, String control) throws Exception {
        return fixture.migration("0000_init", "CREATE TABLE `t` (`a` integer);")
                .migration("0001_half", """
                        INSERT INTO `t` VALUES (1);
                        --> statement-breakpoint
                        /* the author's own transaction */ %s;
                        --> statement-breakpoint
                        INSERT INTO `t` VALUES (2);
                        --> statement-breakpoint
                        INSERT INTO `missing` VALUES (3);""".formatted(control));
    }

    @ParameterizedTest
    @ValueSource(strings = {"COMMIT", "end transaction", "ROLLBACK", "SAVEPOINT mine", "RELEASE mine", "BEGIN",
            "commit"})
    void refusedOnTheFileBeforeAnythingRuns(String control) throws Exception {
        MigrationFixture fixture = new MigrationFixture(project);
        fixture.migration("0000_init", "CREATE TABLE `t` (`a` integer);").apply();
        halfCommitting(fixture, control);

        WriterflowException e = assertThrows(WriterflowException.class, fixture::apply);

        assertRefusal(e, control);
        assertEquals(List.of("0 0000_init 1"), fixture.history());
        try (Connection c = fixture.connect()) {
            assertEquals(List.of("0"), Rows.of(c, "SELECT count(*) FROM t"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"COMMIT", "END", "ROLLBACK", "SAVEPOINT mine", "RELEASE mine", "BEGIN"})
    void refusedOnTheServerBeforeAnythingRuns(String control) throws Exception {
        String table = "t";
        MigrationFixture fixture = new MigrationFixture(project);
        MigrationEngine engine = fixture.migration("0000_init", "CREATE TABLE `" + table + "` (`a` integer);")
                .engine(TestSettings.url(server.baseUrl(), project));
        engine.apply(engine.loadDirectory(), m -> { });
        fixture.migration("0001_half", "INSERT INTO `" + table + "` VALUES (1);\n--> statement-breakpoint\n"
                + control + ";\n--> statement-breakpoint\nINSERT INTO `" + table + "` VALUES (2);\n"
                + "--> statement-breakpoint\nINSERT INTO `missing` VALUES (3);");

        WriterflowException e = assertThrows(WriterflowException.class,
                () -> engine.apply(engine.loadDirectory(), m -> { }));

        assertTrue(e.problem().startsWith("drizzle/0001_half.sql:3: statement 2 of 0001_half is "
                + control.split(" ")[0].toUpperCase()), e.problem());
        assertEquals(List.of("1 0000_init 1"), query("SELECT installed_rank || ' ' || description || ' ' || success"
                + " FROM __writerflow_history ORDER BY installed_rank"));
        assertEquals(List.of("0"), query("SELECT count(*) FROM " + table));
    }

    private static void assertRefusal(WriterflowException e, String control) {
        String keyword = control.split(" ")[0].toUpperCase();
        assertTrue(e.problem().startsWith("drizzle/0001_half.sql:3: statement 2 of 0001_half is " + keyword
                + ", which would"), e.problem());
        assertTrue(e.problem().endsWith("Nothing was applied."), e.problem());
        assertTrue(e.nextStep().startsWith("Remove the " + keyword + " statement from drizzle/0001_half.sql"),
                e.nextStep());
    }

    @Test
    void triggersWithBeginAndEndAreNotTransactionControl() throws Exception {
        MigrationFixture fixture = new MigrationFixture(project).migration("0000_init", """
                CREATE TABLE `t` (`a` integer, `b` integer);
                --> statement-breakpoint
                CREATE TRIGGER `t_b` AFTER INSERT ON `t` BEGIN UPDATE `t` SET `b` = NEW.`a` WHERE rowid = NEW.rowid; END;
                --> statement-breakpoint
                INSERT INTO `t` (`a`) VALUES (7);""");

        fixture.apply();

        try (Connection c = fixture.connect()) {
            assertEquals(List.of("7"), Rows.of(c, "SELECT b FROM t"));
        }
    }

    @Test
    void aByteOrderMarkIsNotSqlOnTheFileNorOnTheServer() throws Exception {
        String sql = "\uFEFFCREATE TABLE `bom` (`a` integer);\n--> statement-breakpoint\nINSERT INTO `bom` VALUES (1);";
        MigrationFixture fixture = new MigrationFixture(project).migration("0000_bom", sql);
        fixture.apply();
        MigrationEngine remote = fixture.engine(TestSettings.url(server.baseUrl(), project));
        remote.apply(remote.loadDirectory(), m -> { });

        try (Connection c = fixture.connect()) {
            assertEquals(List.of("1"), Rows.of(c, "SELECT a FROM bom"));
        }
        assertEquals(List.of("1"), query("SELECT a FROM bom"));
        // the recorded checksum is the one of the text without the mark, as it always was
        assertEquals(fixture.status().migrations().get(0).state(), MigrationState.APPLIED);
    }

    @Test
    void aTwelveMegabyteStatementAppliesOnTheFileAsOnTheServer() throws Exception {
        StringBuilder insert = new StringBuilder("INSERT INTO `big` VALUES ");
        for (int i = 0; insert.length() < 12_000_000; i++) {
            insert.append(i == 0 ? "" : ",").append("('").append("x".repeat(100)).append("')");
        }
        MigrationFixture fixture = new MigrationFixture(project)
                .migration("0000_big", "CREATE TABLE `big` (`a` text);\n--> statement-breakpoint\n" + insert + ";");
        assertTrue(Files.size(fixture.drizzle.resolve("0000_big.sql")) > 12_000_000);

        fixture.apply();

        try (Connection c = fixture.connect()) {
            assertFalse(Rows.of(c, "SELECT count(*) FROM big").get(0).equals("0"));
        }
    }

    private static List<String> query(String sql) throws SQLException {
        try (Connection c = server.connect()) {
            return Rows.of(c, sql);
        }
    }

    private static void execute(String sql) throws SQLException {
        try (Connection c = server.connect();
             java.sql.Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
