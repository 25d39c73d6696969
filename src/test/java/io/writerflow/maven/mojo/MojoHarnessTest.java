package io.writerflow.maven.mojo;

import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import io.writerflow.maven.diff.RenameResolver;
import org.apache.maven.execution.DefaultMavenExecutionRequest;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.codehaus.plexus.configuration.xml.XmlPlexusConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import io.writerflow.maven.testing.DrizzleDirectory;
import io.writerflow.maven.testing.FaultProxy;
import io.writerflow.maven.testing.TursoServer;
import org.mockito.Mockito;
import org.sonatype.plexus.components.cipher.DefaultPlexusCipher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The mojos as Maven builds them from the plugin descriptor, driven against a temporary project. */
@MojoTest
class MojoHarnessTest {

    /** The line every database goal starts with when nothing names a database. */
    static final String DEFAULT_DATABASE = "Database file:local.db (the default; set writerflow.url or"
            + " TURSO_DATABASE_URL for another)";


    private static final String POM = "classpath:/unit/pom.xml";

    @TempDir
    Path project;

    @BeforeEach
    void drizzleDirectory() throws Exception {
        DrizzleDirectory.journal(project.resolve("drizzle"))
                .migration("0000_init", "CREATE TABLE `users` (`id` integer PRIMARY KEY);")
                .migration("0001_add_tags", "CREATE TABLE `tags` (`id` integer PRIMARY KEY);");
    }

    private <T extends AbstractWriterflowMojo> T inProject(T mojo, RecordingLog log) {
        mojo.baseDir = project.toFile();
        mojo.out = project.resolve("drizzle").toFile();
        mojo.setLog(log);
        return mojo;
    }

    @Test
    @InjectMojo(goal = "apply", pom = POM)
    void applyLogsOneLinePerMigrationAndASummary(ApplyMojo apply) throws Exception {
        RecordingLog log = new RecordingLog();
        inProject(apply, log).execute();

        assertTrue(Files.exists(project.resolve("local.db")), "file:local.db is the default");
        assertTrue(log.info.get(1).matches("Applied 0000_init \\(1 statement\\) in \\d+ ms"), log.info.toString());
        assertTrue(log.info.get(2).startsWith("Applied 0001_add_tags"), log.info.toString());
        assertTrue(log.info.get(3).matches("2 migrations applied in \\d+ ms; database at 0001_add_tags"),
                log.info.toString());

        RecordingLog again = new RecordingLog();
        inProject(apply, again).execute();
        assertEquals(List.of(DEFAULT_DATABASE, "Nothing to apply: database file:local.db is up to date at 0001_add_tags."),
                again.info);
    }

    @Test
    @InjectMojo(goal = "apply", pom = POM)
    void applyUpToATargetSaysWhatItLeftPendingAndStatusShowsIt(ApplyMojo apply) throws Exception {
        RecordingLog log = new RecordingLog();
        inProject(apply, log).target = "0000";
        apply.execute();
        assertTrue(log.info.get(2).matches("1 migration applied in \\d+ ms; database at 0000_init; 1 migration after"
                + " the target left pending"), log.info.toString());

        RecordingLog again = new RecordingLog();
        inProject(apply, again).execute();
        assertEquals("Nothing to apply up to 0000_init: database file:local.db is at 0000_init; 1 migration after the"
                + " target left pending.", again.info.get(1));

        apply.target = "0007";
        MojoFailureException unknown = assertThrows(MojoFailureException.class, apply::execute);
        assertTrue(unknown.getMessage().startsWith("writerflow.target=0007 names no migration in drizzle/"),
                unknown.getMessage());
    }

    @Test
    @InjectMojo(goal = "status", pom = POM)
    void statusUpToATargetShowsWhatLiesBeyondItAndFailOnPendingCountsOnlyUpToIt(StatusMojo status) throws Exception {
        RecordingLog log = new RecordingLog();
        inProject(status, log).target = "0000_init";
        status.execute();
        assertTrue(log.info.stream().anyMatch(l -> l.matches("\\s+0001_add_tags\\s+beyond_target\\s+after the"
                + " target: left for a later apply")), log.info.toString());
        assertEquals("0 applied, 1 pending, 1 beyond_target.", log.info.get(log.info.size() - 1));

        status.failOnPending = true;
        MojoFailureException e = assertThrows(MojoFailureException.class, status::execute);
        assertTrue(e.getMessage().contains("1 migration is pending (0000_init)"), e.getMessage());
    }

    @Test
    @InjectMojo(goal = "rollback", pom = POM)
    void rollbackNeedsATargetOrStepsRefusesDataLossWithTheRowsAndRunsWhenAccepted(RollbackMojo rollback)
            throws Exception {
        RecordingLog log = new RecordingLog();
        inProject(rollback, log);
        MojoFailureException neither = assertThrows(MojoFailureException.class, rollback::execute);
        assertTrue(neither.getMessage().contains("-Dwriterflow.target=<tag or number>"), neither.getMessage());

        rollback.engine().apply(rollback.engine().loadDirectory(), m -> { });
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + project.resolve("local.db"));
             java.sql.Statement s = c.createStatement()) {
            s.execute("INSERT INTO tags (id) VALUES (1), (2)");
        }
        Files.writeString(project.resolve("drizzle/0001_add_tags.down.sql"),
                "-- writerflow:loses table \"tags\"\nDROP TABLE `tags`;\n");
        rollback.target = "0000_init";
        MojoFailureException loss = assertThrows(MojoFailureException.class, rollback::execute);
        assertTrue(loss.getMessage().startsWith("Rolling back would destroy data in file:local.db: table tags (2 rows,"
                + " 0001_add_tags). Nothing was rolled back.\n  Next step: Keep a backup first"), loss.getMessage());

        rollback.dryRun = true;
        RecordingLog dry = new RecordingLog();
        rollback.setLog(dry);
        rollback.execute();
        assertTrue(dry.warn.stream().anyMatch(w -> w.startsWith("Rolling back would destroy data")), dry.warn.toString());
        assertTrue(dry.info.stream().anyMatch(l -> l.startsWith("Would roll back 0001_add_tags: 1 statement")),
                dry.info.toString());
        assertTrue(dry.info.get(dry.info.size() - 1).startsWith("Dry run: 1 migration would roll back cleanly"),
                dry.info.toString());

        rollback.dryRun = false;
        rollback.acceptDataLoss = true;
        RecordingLog done = new RecordingLog();
        rollback.setLog(done);
        rollback.execute();
        assertTrue(done.info.get(1).matches("Rolled back 0001_add_tags \\(1 statement\\) in \\d+ ms"), done.info.toString());
        assertTrue(done.info.get(2).matches("1 migration rolled back in \\d+ ms; database at 0000_init \\(apply runs it"
                + " again\\)"), done.info.toString());
        assertEquals(io.writerflow.maven.engine.MigrationState.PENDING, rollback.engine().status(rollback.engine().loadDirectory()).migrations()
                .get(1).state());
    }

    @Test
    @InjectMojo(goal = "apply", pom = POM)
    void skipDoesNothing(ApplyMojo apply) throws Exception {
        RecordingLog log = new RecordingLog();
        inProject(apply, log).skip = true;
        apply.execute();
        assertFalse(Files.exists(project.resolve("local.db")));
        assertEquals(List.of("Skipping (writerflow.skip=true)."), log.info);
    }

    @Test
    @InjectMojo(goal = "apply", pom = POM)
    void configuredUrlWins(ApplyMojo apply) throws Exception {
        Files.writeString(project.resolve(".env.local"), "TURSO_DATABASE_URL=file:from-dotenv.db\n");
        inProject(apply, new RecordingLog()).execute();
        assertTrue(Files.exists(project.resolve("from-dotenv.db")));

        inProject(apply, new RecordingLog()).url = raw("url", "file:configured.db");
        apply.execute();
        assertTrue(Files.exists(project.resolve("configured.db")));
    }

    @Test
    @InjectMojo(goal = "apply", pom = POM)
    void userErrorsBecomeMojoFailuresWithTheNextStep(ApplyMojo apply) throws Exception {
        inProject(apply, new RecordingLog()).url = raw("url", "mysql://localhost/db");
        MojoFailureException e = assertThrows(MojoFailureException.class, apply::execute);
        assertTrue(e.getMessage().contains("unknown scheme 'mysql:'") && e.getMessage().contains("Next step"),
                e.getMessage());

        apply.url = null;
        apply.out = project.resolve("missing").toFile();
        e = assertThrows(MojoFailureException.class, apply::execute);
        assertTrue(e.getMessage().contains("missing does not exist"), e.getMessage());
    }

    @Test
    @InjectMojo(goal = "apply", pom = POM)
    void unlistedSqlFileIsAWarning(ApplyMojo apply) throws Exception {
        Files.writeString(project.resolve("drizzle/0002_stray.sql"), "DROP TABLE users;");
        RecordingLog log = new RecordingLog();
        inProject(apply, log).execute();
        assertEquals(1, log.warn.size());
        assertTrue(log.warn.get(0).startsWith("drizzle/0002_stray.sql is not listed in drizzle/meta/_journal.json"),
                log.warn.get(0));
    }

    @Test
    @InjectMojo(goal = "status", pom = POM)
    void anEditedAppliedMigrationFailsStatusInCiModeOrWithFailOnChanged(StatusMojo status) throws Exception {
        inProject(status, new RecordingLog());
        status.engine().apply(status.engine().loadDirectory(), migration -> { });
        Files.writeString(project.resolve("drizzle/0000_init.sql"), "CREATE TABLE `users` (`id` integer);");
        status.environment = Map.of();

        RecordingLog outsideCi = new RecordingLog();
        status.setLog(outsideCi);
        status.execute();
        assertTrue(outsideCi.warn.contains("0000_init is changed; apply will refuse to run until it is resolved."),
                outsideCi.all());

        status.environment = Map.of("CI", "true");
        MojoFailureException e = assertThrows(MojoFailureException.class, status::execute);
        assertTrue(e.getMessage().startsWith("1 applied migration was edited since file:local.db applied it"
                + " (drizzle/0000_init.sql) (failOnChanged is on in CI mode)."), e.getMessage());
        assertTrue(e.getMessage().contains("Next step: Restore the applied text (git log -p -- drizzle/0000_init.sql shows it)"), e.getMessage());

        status.environment = Map.of("CI", "false");
        status.execute();
        status.ci = true;
        assertThrows(MojoFailureException.class, status::execute);
        status.ci = null;
        status.failOnChanged = true;
        assertThrows(MojoFailureException.class, status::execute);
        status.environment = Map.of("CI", "1");
        status.failOnChanged = false;
        status.execute();

        // several gates failing: the first fails the build, the others are logged before it
        DrizzleDirectory.open(project.resolve("drizzle")).migration("0002_scores", "CREATE TABLE `scores` (`id` integer);");
        RecordingLog both = new RecordingLog();
        status.setLog(both);
        status.failOnChanged = true;
        status.failOnPending = true;
        e = assertThrows(MojoFailureException.class, status::execute);
        assertTrue(e.getMessage().startsWith("1 applied migration was edited since file:local.db applied it"),
                e.getMessage());
        assertEquals(List.of("1 migration is pending (0002_scores) on file:local.db.\n  Next step: run mvn"
                + " writerflow:apply, or drop -Dwriterflow.failOnPending to only report them."), both.error);
    }

    @Test
    @InjectMojo(goal = "status", pom = POM)
    void statusAsTextThenFailOnPending(StatusMojo status) throws Exception {
        RecordingLog log = new RecordingLog();
        inProject(status, log).execute();
        assertTrue(log.info.stream().anyMatch(l -> l.contains("0000_init") && l.contains("pending")), log.info.toString());
        assertEquals("0 applied, 2 pending.", log.info.get(log.info.size() - 1));

        status.failOnPending = true;
        MojoFailureException e = assertThrows(MojoFailureException.class, status::execute);
        assertTrue(e.getMessage().contains("2 migrations are pending (0000_init, 0001_add_tags)"), e.getMessage());
        assertFalse(Files.exists(project.resolve("local.db")), "status must not create the database");
    }

    @Test
    @InjectMojo(goal = "status", pom = POM)
    void failOnDriftNamesTheDifferencesAndTheNextStep(StatusMojo status) throws Exception {
        Path meta = project.resolve("drizzle/meta");
        String table = "\"%1$s\": {\"name\": \"%1$s\", \"columns\": {\"id\": {\"name\": \"id\", \"type\": \"integer\","
                + " \"primaryKey\": true, \"notNull\": false, \"autoincrement\": false}}, \"indexes\": {},"
                + " \"foreignKeys\": {}, \"compositePrimaryKeys\": {}, \"uniqueConstraints\": {}, \"checkConstraints\": {}}";
        Files.writeString(meta.resolve("0001_snapshot.json"), "{\"version\": \"6\", \"dialect\": \"sqlite\","
                + " \"id\": \"b\", \"prevId\": \"a\", \"tables\": {" + String.format(table, "tags") + ", "
                + String.format(table, "users") + "}, \"views\": {}, \"enums\": {}, \"_meta\": {\"schemas\": {},"
                + " \"tables\": {}, \"columns\": {}}, \"internal\": {\"indexes\": {}}}");
        RecordingLog log = new RecordingLog();
        var engine = inProject(status, log).engine();
        engine.apply(engine.loadDirectory(), m -> { });
        status.failOnDrift = true;
        status.execute();
        assertTrue(log.info.contains("Drift: none (compared with drizzle/meta/0001_snapshot.json)."), log.info.toString());

        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + project.resolve("local.db"));
             var s = c.createStatement()) {
            s.execute("ALTER TABLE users ADD COLUMN nickname text");
            s.execute("CREATE TABLE audit_log (id integer)");
        }
        MojoFailureException e = assertThrows(MojoFailureException.class, status::execute);
        assertEquals("file:local.db has drifted from its migrations: 2 differences (compared with"
                + " drizzle/meta/0001_snapshot.json):\n    table audit_log not in migrations\n"
                + "    column users.nickname not in migrations\n  Next step: revert the out-of-band change; or, to keep"
                + " it, put it into the schema and run mvn writerflow:generate (which compares the schema with the"
                + " latest snapshot), then apply the migration to the other databases; drop -Dwriterflow.failOnDrift"
                + " to only report it.", e.getMessage());
    }

    @Test
    @InjectMojo(goal = "status", pom = POM)
    void statusAsJsonIntoAFile(StatusMojo status) throws Exception {
        File output = project.resolve("target/status.json").toFile();
        inProject(status, new RecordingLog()).format = "json";
        status.output = output;
        status.execute();
        JsonNode json = new ObjectMapper().readTree(output);
        assertEquals(2, json.get("counts").get("pending").asInt());
        assertEquals("drizzle", json.get("directory").asText());

        status.format = "yaml";
        MojoFailureException e = assertThrows(MojoFailureException.class, status::execute);
        assertTrue(e.getMessage().contains("writerflow.format"), e.getMessage());
    }

    @Test
    @InjectMojo(goal = "apply", pom = POM)
    void tokenNeverReachesTheLogEvenAtDebug(ApplyMojo apply) throws Exception {
        RecordingLog log = new RecordingLog();
        XmlPlexusConfiguration token = new XmlPlexusConfiguration("authToken");
        token.setValue("tok-very-secret-123");
        inProject(apply, log).authToken = token;
        apply.execute();
        assertFalse(log.all().contains("tok-very-secret-123"), log.all());
        assertTrue(log.all().contains("; token from "), log.all());
    }

    @Test
    @InjectMojo(goal = "apply", pom = POM)
    void tokenFromASettingsXmlServerPlainOrEncrypted(ApplyMojo apply) throws Exception {
        assertNotNull(apply.settingsDecrypter, "Maven's SettingsDecrypter is injected");
        DefaultPlexusCipher cipher = new DefaultPlexusCipher();
        Path security = project.resolve("settings-security.xml");
        Files.writeString(security, "<settingsSecurity><master>"
                + cipher.encryptAndDecorate("harness-master", "settings.security") + "</master></settingsSecurity>");
        String encrypted = cipher.encryptAndDecorate("tok-encrypted-in-settings", "harness-master");
        Settings settings = new Settings();
        settings.addServer(server("turso-plain", "tok-plain-in-settings"));
        settings.addServer(server("turso-encrypted", encrypted));
        settings.addServer(server("turso-empty", null));
        // the harness's session is a Mockito mock
        Mockito.when(apply.session.getSettings()).thenReturn(settings);

        RecordingLog plain = new RecordingLog();
        inProject(apply, plain).serverId = "turso-plain";
        apply.execute();
        assertTrue(plain.info.get(0).endsWith("; token from settings.xml server 'turso-plain', unused by this database"),
                plain.all());
        assertFalse(plain.all().contains("tok-plain-in-settings"), plain.all());

        String previous = System.getProperty("settings.security");
        System.setProperty("settings.security", security.toString());
        try {
            RecordingLog decrypted = new RecordingLog();
            inProject(apply, decrypted).serverId = "turso-encrypted";
            apply.execute();
            assertTrue(decrypted.all().contains("token from settings.xml server 'turso-encrypted'"),
                    decrypted.all());
            assertFalse(decrypted.all().contains("tok-encrypted-in-settings"), decrypted.all());
        } finally {
            if (previous == null) {
                System.clearProperty("settings.security");
            } else {
                System.setProperty("settings.security", previous);
            }
        }

        apply.serverId = "turso-missing";
        MojoFailureException e = assertThrows(MojoFailureException.class, apply::execute);
        assertTrue(e.getMessage().startsWith("No <server> with id 'turso-missing' in your Maven settings"),
                e.getMessage());
        apply.serverId = "turso-empty";
        e = assertThrows(MojoFailureException.class, apply::execute);
        assertTrue(e.getMessage().contains("'turso-empty'") && e.getMessage().contains("no <password>"),
                e.getMessage());

        // a configured token wins, and the server is then not even looked up
        apply.serverId = "turso-missing";
        apply.authToken = new XmlPlexusConfiguration("authToken");
        apply.authToken.setValue("tok-configured-wins");
        RecordingLog configured = new RecordingLog();
        apply.setLog(configured);
        apply.execute();
        assertTrue(configured.all().contains("; token from <authToken> / -Dwriterflow.authToken"),
                configured.all());
    }

    /** A parameter as Maven hands a raw one over: its configured text. */
    static XmlPlexusConfiguration raw(String name, String value) {
        XmlPlexusConfiguration configuration = new XmlPlexusConfiguration(name);
        configuration.setValue(value);
        return configuration;
    }

    private static Server server(String id, String password) {
        Server server = new Server();
        server.setId(id);
        server.setPassword(password);
        return server;
    }

    @Test
    @InjectMojo(goal = "generate", pom = POM)
    void generateWritesTheNextMigrationAndWarnsAboutDataLoss(GenerateMojo generate) throws Exception {
        Path schema = project.resolve("schema.js");
        generate.schema = schema.toString();
        inProject(generate, new RecordingLog());
        // the test project's drizzle/ has a journal but no snapshots
        MojoFailureException e = assertThrows(MojoFailureException.class, generate::execute);
        assertTrue(e.getMessage().contains("drizzle/meta/0001_snapshot.json, the snapshot of 0001_add_tags, is missing"),
                e.getMessage());

        Path fresh = project.resolve("fresh");
        generate.out = fresh.toFile();
        e = assertThrows(MojoFailureException.class, generate::execute);
        assertTrue(e.getMessage().contains("schema.js") && e.getMessage().contains("writerflow.schema"), e.getMessage());
        Files.writeString(schema, """
                import { sqliteTable, text, integer } from "drizzle-orm/sqlite-core";
                export const users = sqliteTable("users", { id: integer("id").primaryKey(), nickname: text("nickname") });
                """);
        RecordingLog first = new RecordingLog();
        generate.setLog(first);
        generate.execute();
        assertTrue(first.info.get(0).matches("Wrote fresh/0000_create_users\\.sql \\(1 statement\\) and "
                + "fresh/meta/0000_snapshot\\.json in \\d+ ms"), first.info.toString());
        assertEquals(List.of("Down migration: fresh/0000_create_users.down.sql (loses data: table users)",
                "Schema schema.js: 1 table", "  users: 2 columns"), first.info.subList(1, 4),
                "where the down migration went, and drizzle-kit's summary of the schema read, one line per table");

        RecordingLog none = new RecordingLog();
        generate.setLog(none);
        generate.execute();
        assertTrue(none.info.get(0).matches("No schema changes, nothing to write \\(\\d+ ms\\)\\."), none.info.toString());

        Files.writeString(schema, """
                import { sqliteTable, integer } from "drizzle-orm/sqlite-core";
                export const users = sqliteTable("users", { id: integer("id").primaryKey() });
                """);
        RecordingLog dropping = new RecordingLog();
        generate.setLog(dropping);
        generate.execute();
        assertEquals(1, dropping.warn.size(), dropping.warn.toString());
        assertTrue(dropping.warn.get(0).startsWith("Data loss: ") && dropping.warn.get(0).contains("users.nickname"),
                dropping.warn.toString());
        assertEquals("Down migration: fresh/0001_drop_users_nickname.down.sql (loses no data)", dropping.info.get(1));
        // the lint's findings on top of the new migration, at the file's lines with them in place
        assertEquals("Lint: 1 finding, written at the top of fresh/0001_drop_users_nickname.sql (mvn writerflow:lint"
                + " for the review)", dropping.info.get(2));
        assertEquals("-- writerflow:lint WF102 error line 4: drops column users.nickname: its values are lost, and the"
                + " running application still reads it until every instance is deployed\n\n"
                + "-- Drops column users.nickname and its data\nALTER TABLE `users` DROP COLUMN `nickname`;",
                Files.readString(fresh.resolve(
                "0001_drop_users_nickname.sql")));
        assertFalse(Files.readString(fresh.resolve("0000_create_users.sql")).contains("writerflow:lint"),
                "a migration without findings is drizzle-kit's as it is");

        // -Dwriterflow.downs=true: the down migrations the directory lacks, even with nothing to generate
        Files.delete(fresh.resolve("0000_create_users.down.sql"));
        generate.downs = "true";
        RecordingLog backfill = new RecordingLog();
        generate.setLog(backfill);
        generate.execute();
        assertEquals("Wrote fresh/0000_create_users.down.sql (loses data: table users)", backfill.info.get(0),
                backfill.all());
        assertTrue(backfill.info.get(1).startsWith("No schema changes"), backfill.all());
        generate.downs = "maybe";
        e = assertThrows(MojoFailureException.class, generate::execute);
        assertTrue(e.getMessage().startsWith("writerflow.downs=maybe is neither true nor false."), e.getMessage());
        generate.downs = null;

        generate.name = "../escape";
        e = assertThrows(MojoFailureException.class, generate::execute);
        assertTrue(e.getMessage().contains("writerflow.name"), e.getMessage());
    }

    @Test
    @InjectMojo(goal = "generate", pom = POM)
    void generateWarnsAboutWhatARebuildTakesDownThatTheSchemaDoesNotDeclare(GenerateMojo generate) throws Exception {
        Path schema = project.resolve("schema.js");
        generate.schema = schema.toString();
        inProject(generate, new RecordingLog()).out = project.resolve("fresh").toFile();
        Files.writeString(schema, """
                import { sqliteTable, text, integer, index } from "drizzle-orm/sqlite-core";
                export const users = sqliteTable("users", { id: integer("id").primaryKey(), name: text("name"),
                  email: text("email") }, (t) => [index("users_name_idx").on(t.name)]);
                """);
        generate.execute();
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + project.resolve("local.db"));
             java.sql.Statement s = c.createStatement()) {
            s.execute("CREATE TABLE users (id integer PRIMARY KEY, name text, email text)");
            s.execute("CREATE INDEX users_name_idx ON users (name)");
            s.execute("CREATE INDEX users_lower_email ON users (lower(email))");
            s.execute("CREATE TRIGGER users_touch AFTER UPDATE ON users BEGIN SELECT 1; END");
            s.execute("CREATE VIEW v_names AS SELECT name FROM users");
        }
        Files.writeString(schema, """
                import { sqliteTable, text, integer, index } from "drizzle-orm/sqlite-core";
                export const users = sqliteTable("users", { id: integer("id").primaryKey(),
                  name: text("name").notNull().default("x") }, (t) => [index("users_name_idx").on(t.name)]);
                """);
        RecordingLog log = new RecordingLog();
        generate.setLog(log);

        generate.execute();

        assertTrue(log.info.contains(DEFAULT_DATABASE), log.info.toString());
        List<String> rebuilds = log.warn.stream().filter(w -> w.startsWith("Rebuilding users")).toList();
        assertEquals(List.of("Rebuilding users: database file:local.db has index users_lower_email, trigger"
                + " users_touch, view v_names (reads users), which the schema does not declare; apply creates them"
                + " again after the rebuild, unchanged. index users_lower_email uses email, which the rebuild drops:"
                + " apply will fail creating it again; add DROP INDEX \"users_lower_email\"; to the migration before"
                + " the rebuild (and a CREATE INDEX that fits the new table after it)."), rebuilds, log.warn.toString());
    }

    @Test
    @InjectMojo(goal = "generate", pom = POM)
    void generateWritesTheLayoutAskedForAndNamesAnUnknownOne(GenerateMojo generate) throws Exception {
        Path schema = project.resolve("schema.js");
        Files.writeString(schema, """
                import { sqliteTable, text, integer } from "drizzle-orm/sqlite-core";
                export const users = sqliteTable("users", { id: integer("id").primaryKey(), nickname: text("nickname") });
                """);
        generate.schema = schema.toString();
        RecordingLog log = new RecordingLog();
        inProject(generate, log);
        generate.out = project.resolve("fresh").toFile();
        assertEquals("auto", generate.layout);

        generate.layout = "v1";
        MojoFailureException e = assertThrows(MojoFailureException.class, generate::execute);
        assertTrue(e.getMessage().startsWith("writerflow.layout=v1 is not a migration directory layout.\n  Next step:"
                + " Use auto (the default"), e.getMessage());

        generate.layout = "folders";
        generate.execute();
        assertTrue(log.info.get(0).matches("Wrote fresh/\\d{14}_create_users/migration\\.sql \\(1 statement\\) and"
                + " fresh/\\d{14}_create_users/snapshot\\.json in \\d+ ms"), log.info.toString());
    }

    @Test
    @InjectMojo(goal = "generate", pom = POM)
    void withoutATerminalAnUndeclaredRenameFailsWithTheCandidatesEvenInInteractiveMode(GenerateMojo generate)
            throws Exception {
        Path schema = project.resolve("schema.js");
        generate.schema = schema.toString();
        inProject(generate, new RecordingLog()).out = project.resolve("fresh").toFile();
        Files.writeString(schema, """
                import { sqliteTable, text, integer } from "drizzle-orm/sqlite-core";
                export const users = sqliteTable("users", { id: integer("id").primaryKey(), nickname: text("nickname") });
                """);
        generate.execute();
        Files.writeString(schema, """
                import { sqliteTable, text, integer } from "drizzle-orm/sqlite-core";
                export const users = sqliteTable("users", { id: integer("id").primaryKey(), handle: text("handle") });
                """);
        // the harness's session is a Mockito mock; tests run without a terminal (System.console() is null)
        Mockito.when(generate.session.getRequest())
                .thenReturn(new DefaultMavenExecutionRequest().setInteractiveMode(true));
        assertSame(RenameResolver.REFUSE, generate.renameResolver());

        MojoFailureException e = assertThrows(MojoFailureException.class, generate::execute);
        assertTrue(e.getMessage().contains("column users.nickname disappeared while column users.handle appeared"),
                e.getMessage());
        assertTrue(e.getMessage().contains("-Dwriterflow.renames=users.nickname:handle"), e.getMessage());

        Mockito.when(generate.session.getRequest())
                .thenReturn(new DefaultMavenExecutionRequest().setInteractiveMode(false));
        assertSame(RenameResolver.REFUSE, generate.renameResolver(), "batch mode (-B) never asks");
    }

    // drizzle.config: what it feeds when the plugin leaves a setting unset, and what wins when both say something.
    // Maven gives out, schema and url no default value: the mojo computes the defaults (migrationsDir, schemaInput).

    private void drizzleConfig(String name, String content) throws Exception {
        Files.writeString(project.resolve(name), content);
    }

    @Test
    @InjectMojo(goal = "generate", pom = POM)
    void drizzleConfigFeedsSchemaAndOutWhenThePluginSetsNeither(GenerateMojo generate) throws Exception {
        Files.createDirectories(project.resolve("src/db"));
        Files.writeString(project.resolve("src/db/schema.ts"), """
                import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
                export type Role = "admin" | "member";
                export const users = sqliteTable("users", {
                  id: integer("id").primaryKey(),
                  role: text("role").$type<Role>().notNull(),
                });
                """);
        drizzleConfig("drizzle.config.ts", """
                import { defineConfig } from "drizzle-kit";
                export default defineConfig({ dialect: "sqlite", schema: "./src/db/schema.ts", out: "./migrations" });
                """);
        RecordingLog log = new RecordingLog();
        inProject(generate, log).out = null;
        assertNull(generate.schema, "schema has no default value");
        assertEquals(project.resolve("migrations"), generate.migrationsDir());

        generate.execute();
        assertTrue(log.info.get(0).matches("Wrote migrations/0000_create_users\\.sql \\(1 statement\\) and"
                + " migrations/meta/0000_snapshot\\.json in \\d+ ms"), log.all());
        assertTrue(Files.readString(project.resolve("migrations/0000_create_users.sql"))
                .contains("`role` text NOT NULL"));
        assertTrue(log.debug.contains("Read drizzle.config.ts"), log.all());
        assertEquals(List.of("0000_init.sql", "0001_add_tags.sql", "meta"),
                Files.list(project.resolve("drizzle")).map(p -> p.getFileName().toString()).sorted().toList(),
                "the default drizzle/ is left alone");
    }

    @Test
    @InjectMojo(goal = "generate", pom = POM)
    void thePluginsSchemaAndOutWinOverDrizzleConfig(GenerateMojo generate) throws Exception {
        // the config's schema does not even exist: it is never read
        drizzleConfig("drizzle.config.js", """
                export default { dialect: "sqlite", schema: "./src/db/absent.ts", out: "./config-out" };
                """);
        Files.writeString(project.resolve("own.js"), """
                import { sqliteTable, integer } from "drizzle-orm/sqlite-core";
                export const notes = sqliteTable("notes", { id: integer("id").primaryKey() });
                """);
        RecordingLog log = new RecordingLog();
        inProject(generate, log).out = project.resolve("own-out").toFile();
        generate.schema = "own.js";
        generate.execute();

        assertTrue(log.info.get(0).startsWith("Wrote own-out/0000_create_notes.sql (1 statement)"), log.all());
        assertFalse(Files.exists(project.resolve("config-out")), "drizzle.config's out was used");
        assertEquals(project.resolve("own-out"), generate.migrationsDir());
    }

    @Test
    @InjectMojo(goal = "status", pom = POM)
    void withoutDrizzleConfigOrSettingsTheDirectoryIsDrizzle(StatusMojo status) throws Exception {
        RecordingLog log = new RecordingLog();
        inProject(status, log).out = null;
        status.execute();
        assertEquals("Database file:local.db (not created yet), migrations in drizzle, at no migration", log.info.get(1));
        assertEquals("0 applied, 2 pending.", log.info.get(log.info.size() - 1));
    }

    @Test
    @InjectMojo(goal = "apply", pom = POM)
    void applyUsesDbCredentialsUrlFromDrizzleConfigAndNamesItAsTheSource(ApplyMojo apply) throws Exception {
        // as drizzle projects write it: the URL from the environment, here from .env.local, which the plugin puts
        // under process.env; the config's URL comes before TURSO_DATABASE_URL
        Files.writeString(project.resolve(".env.local"),
                "APP_DATABASE_URL=file:from-config.db\nTURSO_DATABASE_URL=file:from-dotenv.db\n");
        drizzleConfig("drizzle.config.ts", """
                import "dotenv/config";
                import { defineConfig } from "drizzle-kit";
                export default defineConfig({
                  dialect: "turso",
                  schema: "./src/db/schema.ts",
                  dbCredentials: { url: process.env.APP_DATABASE_URL!, authToken: process.env.APP_DATABASE_TOKEN },
                });
                """);
        RecordingLog log = new RecordingLog();
        inProject(apply, log).out = null;
        apply.execute();

        assertTrue(Files.exists(project.resolve("from-config.db")), log.all());
        assertFalse(Files.exists(project.resolve("from-dotenv.db")));
        assertFalse(Files.exists(project.resolve("local.db")));
        assertEquals("Database file:from-config.db from dbCredentials.url in drizzle.config.ts", log.info.get(0),
                log.all());
        assertTrue(log.info.get(3).matches("2 migrations applied in \\d+ ms; database at 0001_add_tags"), log.all());
    }

    @Test
    @InjectMojo(goal = "apply", pom = POM)
    void aDbCredentialsUrlThatFailsIsNamedInTheFailure(ApplyMojo apply) throws Exception {
        drizzleConfig("drizzle.config.mjs", """
                export default { dialect: "turso", schema: "./schema.ts", dbCredentials: { url: "http://127.0.0.1:1" } };
                """);
        inProject(apply, new RecordingLog());
        MojoFailureException e = assertThrows(MojoFailureException.class, apply::execute);
        assertTrue(e.getMessage().startsWith("Cannot reach database http://127.0.0.1:1 (from dbCredentials.url in"
                + " drizzle.config.mjs): "), e.getMessage());
        assertTrue(e.getMessage().contains("Next step: "), e.getMessage());
    }

    @Test
    @InjectMojo(goal = "apply", pom = POM)
    void thePluginsUrlWinsOverDrizzleConfig(ApplyMojo apply) throws Exception {
        drizzleConfig("drizzle.config.json", """
                { "dialect": "sqlite", "schema": "./schema.ts", "out": "./absent", "dbCredentials": { "url": "./from-config.db" } }
                """);
        RecordingLog log = new RecordingLog();
        inProject(apply, log).url = raw("url", "file:configured.db");
        apply.execute();

        assertTrue(Files.exists(project.resolve("configured.db")));
        assertFalse(Files.exists(project.resolve("from-config.db")));
        assertEquals("Database file:configured.db from <url> / -Dwriterflow.url", log.info.get(0), log.all());
        assertTrue(log.info.get(3).matches("2 migrations applied in \\d+ ms; database at 0001_add_tags"),
                "the plugin's out (drizzle), not the config's (absent): " + log.all());
    }

    @Test
    @InjectMojo(goal = "status", pom = POM)
    void anUnsupportedDialectFailsTheGoalNamingTheConfig(StatusMojo status) throws Exception {
        drizzleConfig("drizzle.config.ts", """
                import { defineConfig } from "drizzle-kit";
                export default defineConfig({
                  dialect: "postgresql",
                  schema: "./src/db/schema.ts",
                  dbCredentials: { url: process.env.DATABASE_URL! },
                });
                """);
        inProject(status, new RecordingLog());
        MojoFailureException e = assertThrows(MojoFailureException.class, status::execute);
        assertEquals("drizzle.config.ts sets dialect \"postgresql\": writerflow works with SQLite, libSQL and Turso"
                + " databases only.\n  Next step: Use writerflow with a drizzle project whose config says dialect:"
                + " \"sqlite\" or \"turso\" (drivers d1-http, expo and durable-sqlite are fine), or point"
                + " writerflow.drizzleConfig at such a config.", e.getMessage());
        assertFalse(Files.exists(project.resolve("local.db")));
    }

    @Test
    @InjectMojo(goal = "generate", pom = POM)
    void aDrizzleConfigThatThrowsFailsTheGoalNamingFileAndLine(GenerateMojo generate) throws Exception {
        drizzleConfig("drizzle.config.ts", """
                import { defineConfig } from "drizzle-kit";

                const url: string | undefined = process.env.WRITERFLOW_TEST_UNSET_DATABASE_URL;
                if (!url) {
                  throw new Error("WRITERFLOW_TEST_UNSET_DATABASE_URL is not set");
                }

                export default defineConfig({ dialect: "sqlite", schema: "./schema.ts", dbCredentials: { url } });
                """);
        inProject(generate, new RecordingLog());
        MojoFailureException e = assertThrows(MojoFailureException.class, generate::execute);
        assertTrue(e.getMessage().startsWith("drizzle.config.ts:5:"), e.getMessage());
        assertTrue(e.getMessage().contains("WRITERFLOW_TEST_UNSET_DATABASE_URL is not set"), e.getMessage());
        assertTrue(e.getMessage().contains("\n  Next step: Fix the error in drizzle.config.ts, or give it what it"
                + " expects"), e.getMessage());

        // the same, read by GraalJS inside the JVM
        Files.delete(project.resolve("drizzle.config.ts"));
        drizzleConfig("drizzle.config.mjs", """
                const url = process.env.WRITERFLOW_TEST_UNSET_DATABASE_URL;

                if (!url) throw new Error("WRITERFLOW_TEST_UNSET_DATABASE_URL is not set");
                export default { dialect: "sqlite", schema: "./schema.ts", dbCredentials: { url } };
                """);
        generate.jsRuntime = "graaljs";
        e = assertThrows(MojoFailureException.class, generate::execute);
        assertTrue(e.getMessage().startsWith("drizzle.config.mjs:3:"), e.getMessage());
        assertTrue(e.getMessage().contains("WRITERFLOW_TEST_UNSET_DATABASE_URL is not set"), e.getMessage());
        assertTrue(e.getMessage().contains("Next step: Fix the error in drizzle.config.mjs,"), e.getMessage());
    }

    @Test
    @InjectMojo(goal = "apply", pom = POM)
    void applyOnARemoteTursoServerSendsTheTokenAsBearerAndNeverLogsIt(ApplyMojo apply) throws Exception {
        try (TursoServer server = TursoServer.start(); FaultProxy proxy = FaultProxy.to(server.baseUrl())) {
            Files.writeString(project.resolve(".env.local"), "TURSO_DATABASE_URL=" + proxy.baseUrl()
                    + "\nTURSO_AUTH_TOKEN=tok-remote-secret-456\n");
            RecordingLog log = new RecordingLog();
            inProject(apply, log).execute();

            assertTrue(log.info.get(3).matches("2 migrations applied in \\d+ ms; database at 0001_add_tags"),
                    log.info.toString());
            assertFalse(log.all().contains("tok-remote-secret-456"), log.all());
            assertTrue(proxy.seen().stream().allMatch(s -> "Bearer tok-remote-secret-456".equals(s.authorization())));

            proxy.always(FaultProxy.unauthorized());
            MojoFailureException e = assertThrows(MojoFailureException.class,
                    () -> inProject(apply, new RecordingLog()).execute());
            assertTrue(e.getMessage().contains("the auth token from TURSO_AUTH_TOKEN in .env.local was refused"),
                    e.getMessage());
            assertFalse(e.getMessage().contains("tok-remote-secret-456"), e.getMessage());
        }
    }

    @Test
    @InjectMojo(goal = "apply", pom = POM)
    void applyOnALibsqlUrlWithTlsOffTakesTheTokenFromTheUrlAndNeverLogsIt(ApplyMojo apply) throws Exception {
        try (TursoServer server = TursoServer.start(); FaultProxy proxy = FaultProxy.to(server.baseUrl())) {
            // as a drizzle project writes it for @libsql/client: a local server, plain HTTP, the token in the URL
            Files.writeString(project.resolve(".env.local"), "TURSO_DATABASE_URL=libsql://127.0.0.1:" + proxy.port()
                    + "?tls=0&authToken=tok-in-url-789\nTURSO_AUTH_TOKEN=tok-env-local-loses\n");
            RecordingLog log = new RecordingLog();
            inProject(apply, log).execute();

            assertEquals("Database libsql://127.0.0.1:" + proxy.port() + "?tls=0 from TURSO_DATABASE_URL in"
                    + " .env.local; token from the URL", log.info.get(0));
            assertTrue(log.info.get(3).matches("2 migrations applied in \\d+ ms; database at 0001_add_tags"),
                    log.info.toString());
            assertFalse(log.all().contains("tok-in-url-789"), log.all());
            assertTrue(proxy.seen().stream().allMatch(s -> "Bearer tok-in-url-789".equals(s.authorization())),
                    "the URL's token is sent");

            // the same URL in the POM: it works, and the POM is named as where -X prints the token
            RecordingLog pom = new RecordingLog();
            inProject(apply, pom).url = raw("url", "libsql://127.0.0.1:" + server.port() + "?tls=0&authToken=tok-pom-1");
            apply.execute();
            assertEquals("Database libsql://127.0.0.1:" + server.port() + "?tls=0 from <url> / -Dwriterflow.url; token"
                    + " from the URL", pom.info.get(0));
            assertTrue(pom.warn.stream().anyMatch(w -> w.startsWith("<url> in the POM carries ?authToken=")), pom.all());
            assertFalse(pom.all().contains("tok-pom-1"), pom.all());
        }
    }

    @Test
    @InjectMojo(goal = "status", pom = POM)
    void aLibsqlUrlWithoutTlsZeroToThePlainTursoServerFailsAtOnceNamingTheFix(StatusMojo status) throws Exception {
        try (TursoServer server = TursoServer.start()) {
            // the server waits for the end of a request line that a TLS handshake never sends (30 s here)
            Files.writeString(project.resolve(".env.local"), "TURSO_DATABASE_URL=libsql://127.0.0.1:" + server.port()
                    + "\n");
            // the message comes from the TLS check before the first request, not from a handshake that timed out
            MojoFailureException e = assertThrows(MojoFailureException.class,
                    () -> inProject(status, new RecordingLog()).execute());
            assertEquals("Database libsql://127.0.0.1:" + server.port() + " (from TURSO_DATABASE_URL in .env.local): the"
                    + " server did not answer TLS; for a local server use http:// or ?tls=0. Nothing was changed.\n"
                    + "  Next step: Point TURSO_DATABASE_URL in .env.local at the server's plain-HTTP address:"
                    + " http://127.0.0.1:" + server.port() + " or libsql://127.0.0.1:" + server.port() + "?tls=0 (if the"
                    + " server should speak TLS, check the port).", e.getMessage());
        }
    }

    @Test
    @InjectMojo(goal = "status", pom = POM)
    void anUnknownUrlOptionNamesTheOptionAndTheSetting(StatusMojo status) throws Exception {
        Files.writeString(project.resolve(".env"), "TURSO_DATABASE_URL=file:local.db?mode=ro\n");
        MojoFailureException e = assertThrows(MojoFailureException.class,
                () -> inProject(status, new RecordingLog()).execute());
        assertTrue(e.getMessage().startsWith("The database URL from TURSO_DATABASE_URL in .env has the query option"
                + " 'mode', which a file: URL cannot have"), e.getMessage());
    }

    @Test
    @InjectMojo(goal = "status", pom = POM)
    void statusOnARemoteTursoServer(StatusMojo status) throws Exception {
        try (TursoServer server = TursoServer.start()) {
            RecordingLog log = new RecordingLog();
            inProject(status, log).url = raw("url", server.baseUrl());
            status.execute();
            assertTrue(log.all().contains("0001_add_tags"), log.all());
            assertTrue(log.all().contains("pending"), log.all());
        }
    }

    @Test
    @InjectMojo(goal = "apply", pom = POM)
    void aRemoteDryRunSaysOnceThatItRanOnALocalSqliteCopyAndWhatThatCannotProve(ApplyMojo apply) throws Exception {
        RecordingLog log = new RecordingLog();
        inProject(apply, log).dryRun = true;
        try (TursoServer server = TursoServer.start()) {
            apply.url = raw("url", server.baseUrl());
            apply.execute();
            List<String> copy = log.warn.stream().filter(w -> w.contains("local SQLite copy")).toList();
            assertEquals(1, copy.size(), log.all());
            assertTrue(copy.get(0).startsWith("This dry run ran on a local SQLite copy of the schema and data of "
                    + server.baseUrl() + ", not on the server. It cannot prove what only the server decides:"),
                    copy.get(0));
            assertEquals("Dry run: 2 migrations would apply cleanly to " + server.baseUrl() + "; nothing was changed",
                    log.info.get(log.info.size() - 1));
        }
    }

    @Test
    @InjectMojo(goal = "baseline", pom = POM)
    void baselineLogsWhatItRecorded(BaselineMojo baseline) throws Exception {
        RecordingLog log = new RecordingLog();
        inProject(baseline, log).baselineAt = "0000_init";
        baseline.execute();
        assertEquals(List.of(DEFAULT_DATABASE, "Baselined file:local.db at 0000_init: recorded 0000_init as applied,"
                + " without running them."), log.info);
        MojoFailureException e = assertThrows(MojoFailureException.class, baseline::execute);
        assertTrue(e.getMessage().contains("already has a migration history"), e.getMessage());
    }

    @Test
    @InjectMojo(goal = "repair", pom = POM)
    void repairWithNothingToRepair(RepairMojo repair) throws Exception {
        RecordingLog log = new RecordingLog();
        inProject(repair, log).execute();
        assertEquals(List.of(DEFAULT_DATABASE, "Nothing to repair in file:local.db."), log.info);
    }

    /** Keeps what the mojo logs; debug is enabled so that -X output is checked too. */
    /** The snapshots drizzle-kit writes with each migration, chained by id and prevId. */
    private void snapshots() throws Exception {
        Files.writeString(project.resolve("drizzle/meta/0000_snapshot.json"),
                "{\"id\":\"a\",\"prevId\":\"00000000-0000-0000-0000-000000000000\"}");
        Files.writeString(project.resolve("drizzle/meta/0001_snapshot.json"), "{\"id\":\"b\",\"prevId\":\"a\"}");
    }

    @Test
    @InjectMojo(goal = "check", pom = POM)
    void checkListsEveryDirectoryProblemWithoutADatabase(CheckMojo check) throws Exception {
        RecordingLog log = new RecordingLog();
        inProject(check, log).schema = project.resolve("src/lib/db/schema.js").toString();
        MojoFailureException e = assertThrows(MojoFailureException.class, check::execute);
        assertTrue(e.getMessage().startsWith("writerflow:check found 2 problems in drizzle:\n1. drizzle/meta/0000_snapshot.json"),
                e.getMessage());
        assertTrue(e.getMessage().contains("\n2. drizzle/meta/0001_snapshot.json, the snapshot of 0001_add_tags, is"
                + " missing"), e.getMessage());
        assertFalse(Files.exists(project.resolve("local.db")), "check created the default database");

        snapshots();
        RecordingLog passing = new RecordingLog();
        inProject(check, passing).execute();
        assertTrue(passing.info.stream().anyMatch(l -> l.startsWith("No schema src/lib/db/schema.js; skipping")),
                passing.all());
        assertTrue(passing.info.contains("Database file:local.db (the default; set writerflow.url or TURSO_DATABASE_URL"
                + " for another)"), passing.all());
        assertTrue(passing.info.contains("Database file:local.db does not exist yet; nothing applied to compare."),
                passing.all());
        assertTrue(passing.info.contains("Migrations in drizzle are consistent."), passing.all());
        assertEquals(List.of("2 of 2 migrations in drizzle have no down migration, so rollback cannot undo them:"
                + " 0000_init, 0001_add_tags. (an error with -Dwriterflow.requireDown=true)\n  Next step: Run mvn"
                + " writerflow:generate -Dwriterflow.downs=true to write them from the snapshots, then review and"
                + " commit them."), passing.warn);

        assertFalse(check.requireDown);
        check.requireDown = true;
        e = assertThrows(MojoFailureException.class, check::execute);
        assertTrue(e.getMessage().startsWith("writerflow:check found 1 problem in drizzle:\n1. 2 of 2 migrations in"
                + " drizzle have no down migration"), e.getMessage());
    }

    @Test
    @InjectMojo(goal = "check", pom = POM)
    void checkFailsOnAMigrationChangedAfterItWasAppliedToTheConfiguredDatabase(CheckMojo check) throws Exception {
        snapshots();
        inProject(check, new RecordingLog()).schema = project.resolve("absent.js").toString();
        check.url = raw("url", "file:configured.db");
        check.engine().apply(check.engine().loadDirectory(), migration -> { });
        Files.writeString(project.resolve("drizzle/0000_init.sql"), "CREATE TABLE `users` (`id` integer);");

        MojoFailureException e = assertThrows(MojoFailureException.class, check::execute);
        assertTrue(e.getMessage().contains("1. drizzle/0000_init.sql was changed after it was applied to"
                + " file:configured.db"), e.getMessage());
        assertTrue(e.getMessage().contains("Next step: Restore the applied text"), e.getMessage());

        RecordingLog unreachable = new RecordingLog();
        inProject(check, unreachable).url = raw("url", "http://127.0.0.1:1");
        check.execute();
        assertTrue(unreachable.warn.stream().anyMatch(l -> l.startsWith("Skipping the check for migrations changed"
                + " after they were applied: Cannot reach database http://127.0.0.1:1")), unreachable.all());
    }

    @Test
    @InjectMojo(goal = "check", pom = POM)
    void checkFailsOnAMigrationThatEndsItsTransaction(CheckMojo check) throws Exception {
        snapshots();
        inProject(check, new RecordingLog()).schema = project.resolve("absent.js").toString();
        Path sql = project.resolve("drizzle/0001_add_tags.sql");
        Files.writeString(sql, Files.readString(sql) + "\n--> statement-breakpoint\nCOMMIT;");

        MojoFailureException e = assertThrows(MojoFailureException.class, check::execute);

        assertTrue(e.getMessage().contains("1. drizzle/0001_add_tags.sql:"), e.getMessage());
        assertTrue(e.getMessage().contains(" of 0001_add_tags is COMMIT, which would end the transaction"),
                e.getMessage());
        assertFalse(e.getMessage().contains("Nothing was applied"), e.getMessage());
    }

    @Test
    @InjectMojo(goal = "check", pom = POM)
    void checkFailsWhenTheMigrationsSettingNamesAFileOrADirectoryThatIsNotThere(CheckMojo check) throws Exception {
        snapshots();
        Files.writeString(project.resolve("pom.xml"), "<project/>");
        inProject(check, new RecordingLog()).schema = project.resolve("absent.js").toString();
        check.out = project.resolve("pom.xml").toFile();
        MojoFailureException e = assertThrows(MojoFailureException.class, check::execute);
        assertEquals("writerflow.out names pom.xml, which is a file, not the directory of migrations.\n  Next step:"
                + " Point writerflow.out at the directory that holds the migrations (drizzle-kit's out, with"
                + " meta/_journal.json or the migration folders), or remove it for the default drizzle/.",
                e.getMessage());

        check.out = project.resolve("drizle").toFile();
        e = assertThrows(MojoFailureException.class, check::execute);
        assertTrue(e.getMessage().startsWith("writerflow.out names drizle (" + project.resolve("drizle")
                + "), which does not exist, so there are no migrations to check."), e.getMessage());

        // the default directory may be missing: nothing generated yet
        try (var files = Files.walk(project.resolve("drizzle"))) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
        RecordingLog fresh = new RecordingLog();
        inProject(check, fresh).out = null;
        check.execute();
        assertTrue(fresh.info.contains("No migrations directory drizzle yet."), fresh.all());
    }

    @Test
    @InjectMojo(goal = "check", pom = POM)
    void checkFailsWhenDrizzleConfigsOutNamesADirectoryThatIsNotThere(CheckMojo check) throws Exception {
        drizzleConfig("drizzle.config.json", "{\"dialect\": \"sqlite\", \"out\": \"./migrations\"}");
        inProject(check, new RecordingLog()).out = null;
        MojoFailureException e = assertThrows(MojoFailureException.class, check::execute);
        assertTrue(e.getMessage().startsWith("out in drizzle.config.json names migrations ("
                + project.resolve("migrations") + "), which does not exist"), e.getMessage());
        assertTrue(e.getMessage().contains("Next step: Fix out in drizzle.config.json to name the directory"),
                e.getMessage());
    }

    @Test
    @InjectMojo(goal = "apply", pom = POM)
    void everyGoalRefusesAMigrationsSettingThatNamesAFileAndAHostileHistoryTable(ApplyMojo apply) throws Exception {
        Files.writeString(project.resolve("pom.xml"), "<project/>");
        inProject(apply, new RecordingLog()).out = project.resolve("pom.xml").toFile();
        MojoFailureException e = assertThrows(MojoFailureException.class, apply::execute);
        assertTrue(e.getMessage().startsWith("writerflow.out names pom.xml, which is a file"), e.getMessage());

        inProject(apply, new RecordingLog()).historyTable = "h\"; DROP TABLE users; --";
        e = assertThrows(MojoFailureException.class, apply::execute);
        assertEquals("writerflow.historyTable is \"h\"; DROP TABLE users; --\", which is not a table name writerflow"
                + " uses: it takes letters, digits and '_', not starting with a digit or sqlite_, at most 128"
                + " characters.\n  Next step: Set writerflow.historyTable to a plain name such as __writerflow_history"
                + " (the default), or remove it.", e.getMessage());
        assertFalse(Files.exists(project.resolve("local.db")), "refused before anything opened the database");
    }

    @Test
    @InjectMojo(goal = "lint", pom = POM)
    void lintReviewsThePendingMigrationsAndFailsAtItsThreshold(LintMojo lint) throws Exception {
        RecordingLog latest = new RecordingLog();
        inProject(lint, latest).execute(); // no database yet: the latest migration, which only creates a table
        assertTrue(latest.info.contains("Lint drizzle/0001_add_tags.sql: no findings"), latest.all());
        assertFalse(Files.exists(project.resolve("local.db")), "lint created the default database");

        lint.url = raw("url", "file:local.db");
        lint.engine().apply(lint.engine().loadDirectory(), migration -> { });
        DrizzleDirectory.open(project.resolve("drizzle")).migration("0002_drop_users", "DROP TABLE `users`;");
        RecordingLog pending = new RecordingLog();
        inProject(lint, pending);
        MojoFailureException e = assertThrows(MojoFailureException.class, lint::execute);
        assertTrue(e.getMessage().startsWith("The lint found 1 finding at or above error in the 1 migration it"
                + " reviewed (pending on the database):\n  drizzle/0002_drop_users.sql:1 WF101 drops table users"),
                e.getMessage());
        assertEquals("  0002_drop_users.sql:1  WF101 error  drops table users: its rows are lost, and the running"
                + " application still reads it until every instance is deployed", pending.error.get(0));

        lint.lintFailOn = "none";
        RecordingLog none = new RecordingLog();
        inProject(lint, none).execute();
        assertTrue(none.warn.stream().anyMatch(l -> l.startsWith("  0002_drop_users.sql:1  WF101 error")), none.all());

        lint.lintFailOn = "sometimes";
        e = assertThrows(MojoFailureException.class, lint::execute);
        assertTrue(e.getMessage().startsWith("writerflow.lintFailOn=sometimes is not a threshold."), e.getMessage());
    }

    @Test
    @InjectMojo(goal = "lint", pom = POM)
    void lintChecksTheDataAndWritesSarifAnnotationsAndJson(LintMojo lint) throws Exception {
        inProject(lint, new RecordingLog());
        lint.url = raw("url", "file:local.db");
        lint.buildDirectory = project.resolve("target").toFile();
        DrizzleDirectory.open(project.resolve("drizzle")).migration("0002_email", "ALTER TABLE `users` ADD `email` text;");
        lint.engine().apply(lint.engine().loadDirectory(), migration -> { });
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + project.resolve("local.db"));
             Statement s = c.createStatement()) {
            s.execute("INSERT INTO users VALUES (1, 'a@x'), (2, 'a@x'), (3, 'b@y')");
        }
        DrizzleDirectory.open(project.resolve("drizzle")).migration("0003_unique_email",
                "CREATE UNIQUE INDEX `users_email_unique` ON `users` (`email`);");
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        lint.lintStdout = new PrintStream(stdout, true, StandardCharsets.UTF_8);
        lint.lintEnvironment = Map.of("GITHUB_ACTIONS", "true", "GITHUB_WORKSPACE", project.getParent().toString());
        RecordingLog log = new RecordingLog();
        inProject(lint, log);
        MojoFailureException e = assertThrows(MojoFailureException.class, lint::execute);
        assertTrue(e.getMessage().contains("drizzle/0003_unique_email.sql:1 WF301 adds UNIQUE index users_email_unique"
                + " on users (email): will fail: 1 duplicate value of users (email) on file:local.db (e.g. 'a@x')"),
                e.getMessage());
        assertEquals("::error file=" + project.getFileName() + "/drizzle/0003_unique_email.sql,line=1,title=WF301"
                + " unique-on-existing-table::adds UNIQUE index users_email_unique on users (email): will fail: 1"
                + " duplicate value of users (email) on file%3Alocal.db (e.g. 'a@x')".replace("file%3A", "file:")
                + "\n", stdout.toString(StandardCharsets.UTF_8));
        String sarif = Files.readString(project.resolve("target/writerflow/lint.sarif"));
        assertTrue(sarif.contains("\"ruleId\" : \"WF301\"") && sarif.contains("\"uri\" : \"drizzle/0003_unique_email.sql\""),
                sarif);

        lint.lintFailOn = "none";
        lint.format = "json";
        lint.output = project.resolve("target/lint.json").toFile();
        lint.lintEnvironment = Map.of();
        lint.execute();
        String json = Files.readString(project.resolve("target/lint.json"));
        assertTrue(json.contains("\"code\" : \"WF301\"") && json.contains("\"severity\" : \"error\""), json);
    }

    static final class RecordingLog extends SystemStreamLog implements Log {
        final List<String> info = new ArrayList<>();
        final List<String> warn = new ArrayList<>();
        final List<String> debug = new ArrayList<>();
        final List<String> error = new ArrayList<>();

        String all() {
            return String.join("\n", info) + "\n" + String.join("\n", warn) + "\n" + String.join("\n", debug);
        }

        @Override
        public boolean isDebugEnabled() {
            return true;
        }

        @Override
        public void debug(CharSequence content) {
            debug.add(content.toString());
        }

        @Override
        public void info(CharSequence content) {
            info.add(content.toString());
        }

        @Override
        public void warn(CharSequence content) {
            warn.add(content.toString());
        }

        @Override
        public void error(CharSequence content) {
            error.add(content.toString());
        }
    }
}
