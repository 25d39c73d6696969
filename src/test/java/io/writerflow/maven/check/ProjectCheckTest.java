package io.writerflow.maven.check;

import io.writerflow.maven.WriterflowException;
import io.writerflow.maven.engine.EngineSettings;
import io.writerflow.maven.engine.MigrationEngine;
import io.writerflow.maven.generate.GenerateRequest;
import io.writerflow.maven.generate.MigrationGenerator;
import io.writerflow.maven.migrations.DirectoryCheck.Problem;
import io.writerflow.maven.migrations.MigrationsLocation;
import io.writerflow.maven.schema.drizzle.DrizzleSchemaLoader;
import io.writerflow.maven.schema.drizzle.SchemaInput;
import io.writerflow.maven.settings.DatabaseUrl;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProjectCheckTest {

    private static final DrizzleSchemaLoader LOADER = new DrizzleSchemaLoader();

    @TempDir
    Path project;

    private Path drizzle;
    private final List<String> info = new ArrayList<>();
    private final List<String> warn = new ArrayList<>();

    /** One migration generated from the schema: a whole directory, and a schema it captures. */
    @BeforeEach
    void generated() throws Exception {
        drizzle = project.resolve("drizzle");
        schema("name: text(\"name\")");
        new MigrationGenerator(LOADER).generate(new GenerateRequest(project.resolve("schema.js"), "schema.js",
                drizzle, "drizzle", Optional.empty(), false, "", false, 1700000000000L));
    }

    private void schema(String columns) throws Exception {
        Files.writeString(project.resolve("schema.js"), "import { sqliteTable, text, integer } from"
                + " \"drizzle-orm/sqlite-core\";\nexport const users = sqliteTable(\"users\", { id:"
                + " integer(\"id\").primaryKey(), " + columns + " });\n");
    }

    private MigrationEngine engine() {
        return new MigrationEngine(new EngineSettings(drizzle, "drizzle", new DatabaseUrl.File(
                project.resolve("local.db"), "file:local.db"), "the test", "__writerflow_history", "tester",
                Duration.ofSeconds(5)), line -> { });
    }

    private CheckResult check(Supplier<Optional<SchemaInput>> schema, Supplier<MigrationEngine> database) {
        MigrationsLocation location = new MigrationsLocation(drizzle, "drizzle", "writerflow.out", true);
        return new ProjectCheck(new CheckSettings(location, schema, "schema.js", LOADER, database),
                new CheckLog(info::add, warn::add)).run();
    }

    private CheckResult check() {
        return check(() -> Optional.of(SchemaInput.of(project.resolve("schema.js"), "schema.js")), this::engine);
    }

    private static List<String> problems(CheckResult result) {
        return result.problems().stream().map(Problem::problem).toList();
    }

    @Test
    void aWholeDirectoryThatCapturesTheSchemaPasses() {
        CheckResult result = check();
        assertTrue(result.passed(), result.problems().toString());
        assertEquals("Migrations in drizzle are consistent and capture schema.js.", result.summary());
        assertEquals(List.of("Database file:local.db does not exist yet; nothing applied to compare."), info);
        assertTrue(Files.notExists(project.resolve("local.db")), "check created the database");
    }

    @Test
    void aSchemaChangeNoMigrationCapturesIsAProblemWithTheNextStep() throws Exception {
        schema("name: text(\"name\"), score: integer(\"score\")");
        CheckResult result = check();
        assertEquals(List.of(new Problem("schema.js has 1 change that no migration in drizzle captures: add column"
                + " users.score.", "Run mvn writerflow:generate and commit the new migration with the schema"
                + " change.")), result.problems());
    }

    @Test
    void anInconsistentDirectoryIsReportedAloneWithoutTheSchemaOrTheDatabase() throws Exception {
        try (var snapshots = Files.list(drizzle.resolve("meta"))) {
            for (Path snapshot : snapshots.filter(f -> f.toString().endsWith("_snapshot.json")).toList()) {
                Files.delete(snapshot);
            }
        }
        CheckResult result = check(() -> {
            throw new AssertionError("the schema was read");
        }, () -> {
            throw new AssertionError("the database was asked");
        });
        assertEquals(1, result.problems().size(), result.problems().toString());
        assertTrue(problems(result).get(0).contains("0000_snapshot.json"), problems(result).toString());
        assertEquals(List.of("schema.js is compared with the latest snapshot once drizzle is consistent."), info);

        WriterflowException failure = result.failure();
        assertTrue(failure.getMessage().startsWith("writerflow:check found 1 problem in drizzle:\n1. drizzle/meta/"),
                failure.getMessage());
        assertTrue(failure.getMessage().contains("\n     Next step: "), failure.getMessage());
    }

    @Test
    void withoutASchemaTheComparisonIsSkippedAndSaidSo() {
        CheckResult result = check(Optional::empty, this::engine);
        assertTrue(result.passed(), result.problems().toString());
        assertEquals("Migrations in drizzle are consistent.", result.summary());
        assertTrue(info.get(0).startsWith("No schema schema.js; skipping the comparison with the latest snapshot"),
                info.toString());
    }

    @Test
    void aSchemaSettingThatMatchesNothingIsAProblem() {
        CheckResult result = check(() -> {
            throw new WriterflowException("No schema files found for writerflow.schema = src/*.ts.", "Fix it.");
        }, this::engine);
        assertEquals(List.of(new Problem("No schema files found for writerflow.schema = src/*.ts.", "Fix it.")),
                result.problems());
    }

    @Test
    void aMigrationThatEndsItsTransactionIsAProblem() throws Exception {
        Path sql;
        try (var files = Files.list(drizzle)) {
            sql = files.filter(f -> f.toString().endsWith(".sql") && !f.toString().endsWith(".down.sql")).findFirst()
                    .orElseThrow();
        }
        Files.writeString(sql, Files.readString(sql) + "\n--> statement-breakpoint\nCOMMIT;");
        CheckResult result = check();
        assertEquals(1, result.problems().size(), result.problems().toString());
        assertTrue(problems(result).get(0).contains("is COMMIT, which would end the transaction"),
                problems(result).toString());
    }

    @Test
    void aMigrationChangedAfterItWasAppliedIsAProblemAndAnUnreachableDatabaseIsSkipped() throws Exception {
        MigrationEngine engine = engine();
        engine.apply(engine.loadDirectory(), migration -> { });
        Path sql;
        try (var files = Files.list(drizzle)) {
            sql = files.filter(f -> f.toString().endsWith(".sql") && !f.toString().endsWith(".down.sql")).findFirst()
                    .orElseThrow();
        }
        Files.writeString(sql, Files.readString(sql) + "\n-- edited");
        String file = "drizzle/" + sql.getFileName();

        CheckResult result = check();
        assertEquals(List.of(file + " was changed after it was applied to file:local.db; the database keeps the"
                + " text it ran, and apply refuses to run."), problems(result));
        assertTrue(result.problems().get(0).nextStep().startsWith("Restore the applied text (git log -p -- " + file),
                result.problems().get(0).nextStep());
        assertEquals("Compared 1 migrations with database file:local.db.", info.get(info.size() - 1));

        CheckResult offline = check(() -> Optional.of(SchemaInput.of(project.resolve("schema.js"), "schema.js")),
                () -> {
                    throw new WriterflowException("Cannot reach database http://127.0.0.1:1.", "Start it.");
                });
        assertTrue(offline.passed(), offline.problems().toString());
        assertEquals(List.of("Skipping the check for migrations changed after they were applied: Cannot reach"
                + " database http://127.0.0.1:1."), warn);
    }

    @Test
    void aConfiguredDirectoryThatIsNotThereFailsTheCheckNamingTheSetting() {
        MigrationsLocation typo = new MigrationsLocation(project.resolve("drizle"), "drizle", "writerflow.out", false);
        WriterflowException e = assertThrows(WriterflowException.class, () -> new ProjectCheck(new CheckSettings(
                typo, Optional::empty, "schema.js", LOADER, this::engine), new CheckLog(info::add, warn::add)).run());
        assertTrue(e.problem().startsWith("writerflow.out names drizle ("), e.problem());
    }

    private CheckResult check(boolean requireDown) {
        MigrationsLocation location = new MigrationsLocation(drizzle, "drizzle", "writerflow.out", true);
        return new ProjectCheck(new CheckSettings(location, () -> Optional.of(SchemaInput.of(project.resolve(
                "schema.js"), "schema.js")), "schema.js", LOADER, this::engine, requireDown),
                new CheckLog(info::add, warn::add)).run();
    }

    @Test
    void aGeneratedMigrationHasItsDownMigrationAndTheCheckHasNothingToSayAboutIt() {
        CheckResult result = check(true);

        assertTrue(result.passed(), result.problems().toString());
        assertEquals(List.of(), result.warnings());
        assertEquals(List.of(), warn);
    }

    @Test
    void aMigrationWithoutADownMigrationIsAWarningOrWithRequireDownAProblem() throws Exception {
        Files.delete(drizzle.resolve("0000_create_users.down.sql"));

        CheckResult warned = check(false);
        assertTrue(warned.passed(), warned.problems().toString());
        String problem = "1 of 1 migrations in drizzle have no down migration, so rollback cannot undo them:"
                + " 0000_create_users.";
        assertEquals(List.of(problem), warned.warnings().stream().map(Problem::problem).toList());
        assertEquals(1, warn.size(), warn.toString());
        assertTrue(warn.get(0).startsWith(problem), warn.get(0));
        assertTrue(warn.get(0).contains("mvn writerflow:generate -Dwriterflow.downs=true"), warn.get(0));
        assertTrue(warn.get(0).startsWith(problem + " (an error with -Dwriterflow.requireDown=true)\n  Next step: "),
                warn.get(0));

        CheckResult failed = check(true);
        assertEquals(List.of(problem), problems(failed));
    }

    @Test
    void aHandWrittenMigrationsTemplateThatNobodyFilledInIsEmpty() throws Exception {
        new MigrationGenerator(LOADER).generate(new GenerateRequest(project.resolve("schema.js"), "schema.js",
                drizzle, "drizzle", Optional.of("backfill"), true, "", false, 1700000001000L));

        CheckResult warned = check(false);
        assertEquals(List.of("drizzle/0001_backfill.down.sql holds only comments: the down migration of a"
                + " hand-written migration is still to be written."),
                warned.warnings().stream().map(Problem::problem).toList());
        assertEquals(1, problems(check(true)).size());

        Path down = drizzle.resolve("0001_backfill.down.sql");
        Files.writeString(down, Files.readString(down) + "DELETE FROM users WHERE name = 'seed';\n");
        assertTrue(check(true).passed());
    }

    @Test
    void downMigrationsAreNeitherMigrationsNorStraySqlButOneOfNoMigrationIsNamed() throws Exception {
        Files.writeString(drizzle.resolve("0007_unlisted.down.sql"), "DROP TABLE x;");

        assertEquals(1, io.writerflow.maven.migrations.MigrationDirectory.load(drizzle, "drizzle").migrations().size());
        assertEquals(List.of(), io.writerflow.maven.migrations.MigrationDirectory.load(drizzle, "drizzle").unlisted());
        CheckResult result = check(false);
        assertTrue(result.passed(), result.problems().toString());
        assertEquals(List.of("drizzle/0007_unlisted.down.sql is the down migration of no migration in drizzle."),
                result.warnings().stream().map(Problem::problem).toList());
    }
}
