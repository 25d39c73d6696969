package io.writerflow.maven.engine;

import io.writerflow.maven.testing.Rows;
import io.writerflow.maven.testing.TestSettings;
import io.writerflow.maven.testing.TursoServer;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * A database apply runs against in a test, with the app's view of it: an embedded file (the plan run over JDBC),
 * or the real Turso server with foreign keys on (the plan in one request, the foreign keys listed from the copy of
 * the schema, since the server's engine has no foreign_key_check) or off. The app's connection enforces foreign
 * keys where the target says so.
 */
final class ApplyTarget implements EngineUnderTest, AutoCloseable {

    enum Kind {
        FILE, TURSO_FOREIGN_KEYS_ON, TURSO_FOREIGN_KEYS_OFF
    }

    private final Kind kind;
    private final MigrationFixture fixture;
    private final TursoServer server;

    private ApplyTarget(Kind kind, MigrationFixture fixture, TursoServer server) {
        this.kind = kind;
        this.fixture = fixture;
        this.server = server;
    }

    static ApplyTarget start(Kind kind, MigrationFixture fixture) throws Exception {
        return new ApplyTarget(kind, fixture, kind == Kind.FILE ? null : TursoServer.start());
    }

    Kind kind() {
        return kind;
    }

    boolean enforcesForeignKeys() {
        return kind != Kind.TURSO_FOREIGN_KEYS_OFF;
    }

    @Override
    public MigrationEngine engine() {
        return server == null ? fixture.engine()
                : fixture.engine(TestSettings.url(server.baseUrl(), fixture.project));
    }

    /** A connection as the app has it: foreign keys enforced when the target enforces them. */
    Connection connect() throws SQLException {
        Connection c = server == null ? DriverManager.getConnection("jdbc:sqlite:" + fixture.database)
                : server.connect();
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA foreign_keys=" + (enforcesForeignKeys() ? "ON" : "OFF"));
        }
        return c;
    }

    void execute(String... statements) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    List<String> query(String sql) throws SQLException {
        try (Connection c = connect()) {
            return Rows.of(c, sql);
        }
    }

    @Override
    public void close() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase(java.util.Locale.ROOT);
    }
}
