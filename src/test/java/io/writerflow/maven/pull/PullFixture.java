package io.writerflow.maven.pull;

import io.writerflow.maven.engine.drift.Drift;
import io.writerflow.maven.engine.drift.DriftReport;
import io.writerflow.maven.generate.GenerateRequest;
import io.writerflow.maven.generate.MigrationGenerator;
import io.writerflow.maven.migrations.MigrationPrefix;
import io.writerflow.maven.schema.Schema;
import io.writerflow.maven.schema.drizzle.DrizzleSchemaLoader;
import io.writerflow.maven.schema.drizzle.SchemaInput;
import io.writerflow.maven.schema.introspect.SqliteIntrospector;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A project to pull into: a database file built from SQL, its schema read, pulled, and the round trip checked. */
final class PullFixture {

    static final DrizzleSchemaLoader LOADER = new DrizzleSchemaLoader();

    final Path project;
    final Path database;

    PullFixture(Path project) {
        this.project = project;
        this.database = project.resolve("local.db");
    }

    void execute(String... statements) throws Exception {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    Schema read() throws Exception {
        try (Connection c = connect()) {
            return new SqliteIntrospector(List.of("__writerflow_history")).read(c);
        }
    }

    PullRequest request(Schema schema, String file, PullLanguage language, boolean force) {
        Path schemaFile = project.resolve(file);
        return new PullRequest(schema, "file:local.db", SchemaInput.of(schemaFile, file), "writerflow.schema", language,
                project.resolve("drizzle"), "drizzle", "writerflow.out", Optional.empty(), MigrationPrefix.INDEX, true,
                force, 1_700_000_000_000L);
    }

    /** Pulls, then checks the round trip: the code reads back as the database, generate has nothing to do. */
    PullResult pullAndCheck(String file, PullLanguage language) throws Exception {
        Schema schema = read();
        PullResult result = new SchemaPull(LOADER).pull(request(schema, file, language, false));
        assertTrue(result.migration().isPresent(), "a baseline migration");
        Schema pulled = LOADER.load(SchemaInput.of(project.resolve(file), file));
        List<Drift> drift = DriftReport.compare(pulled, schema, "pulled").differences();
        assertEquals(List.of(), drift, "the pulled code reads back as the database:\n" + code(file));
        assertTrue(new MigrationGenerator(LOADER).generate(new GenerateRequest(SchemaInput.of(project.resolve(file),
                file), project.resolve("drizzle"), "drizzle", Optional.empty(), false, "", false, 1_800_000_000_000L,
                Optional.empty())).written().isEmpty(), "generate after pull has nothing to do:\n" + code(file));
        return result;
    }

    String code(String file) throws Exception {
        return Files.readString(project.resolve(file));
    }

    /** The database, through sqlite-jdbc's driver itself: DriverManager knows it only once something loaded it. */
    private java.sql.Connection connect() throws java.sql.SQLException {
        return new org.sqlite.JDBC().connect("jdbc:sqlite:" + database, new java.util.Properties());
    }
}
