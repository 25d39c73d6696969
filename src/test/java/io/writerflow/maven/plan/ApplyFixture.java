package io.writerflow.maven.plan;

import io.writerflow.maven.diff.Renames;
import io.writerflow.maven.diff.SchemaDiff;
import io.writerflow.maven.engine.ApplyResult;
import io.writerflow.maven.engine.MigrationEngine;
import io.writerflow.maven.schema.Schema;
import io.writerflow.maven.testing.DrizzleDirectory;
import io.writerflow.maven.testing.TestSettings;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A drizzle directory and a database file: migrations planned here are written in drizzle-kit's layout and
 * applied through the real apply engine, to a database the test fills with rows, foreign keys enforced.
 */
final class ApplyFixture {

    private final DrizzleDirectory drizzle;
    private final Path database;
    private int migrations;
    private Schema current = Schema.EMPTY;

    ApplyFixture(Path project) {
        this.drizzle = DrizzleDirectory.journal(project.resolve("drizzle"));
        this.database = project.resolve("test.db");
    }

    /** Plans the migration from the current schema to {@code next}, without renames. */
    static Plan plan(Schema from, Schema to) {
        return SqlitePlanner.plan(from, to, SchemaDiff.diff(from, to, Renames.NONE, false));
    }

    /** Plans, writes and applies the migration to {@code next}; returns its SQL. */
    String migrateTo(Schema next) throws Exception {
        return migrateTo(next, Renames.NONE);
    }

    /** The same, with renames declared. */
    String migrateTo(Schema next, Renames renames) throws Exception {
        String sql = MigrationSql.render(SqlitePlanner.plan(current, next, SchemaDiff.diff(current, next, renames,
                false)));
        apply(sql);
        current = next;
        return sql;
    }

    /** Writes {@code sql} as the next migration and applies it. */
    ApplyResult apply(String sql) throws Exception {
        drizzle.migration(String.format("%04d_step", migrations++), sql);
        MigrationEngine engine = new MigrationEngine(TestSettings.of(drizzle.root(), TestSettings.file(database)));
        return engine.apply(engine.loadDirectory(), m -> { });
    }

    /** Runs statements on a connection with foreign keys enforced, as an application would. */
    void execute(String... statements) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("PRAGMA foreign_keys=ON");
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    long count(String sql) throws SQLException {
        try (Connection c = connect(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    List<String> rows(String sql) throws SQLException {
        try (Connection c = connect(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            List<String> rows = new ArrayList<>();
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> values = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    values.add(String.valueOf(rs.getObject(i)));
                }
                rows.add(String.join("|", values));
            }
            return rows;
        }
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + database);
    }
}
