package io.writerflow.maven.lint;

import io.writerflow.maven.check.CheckLog;
import io.writerflow.maven.check.CheckResult;
import io.writerflow.maven.check.CheckSettings;
import io.writerflow.maven.check.ProjectCheck;
import io.writerflow.maven.engine.EngineSettings;
import io.writerflow.maven.engine.MigrationEngine;
import io.writerflow.maven.migrations.DirectoryCheck.Problem;
import io.writerflow.maven.migrations.MigrationsLocation;
import io.writerflow.maven.schema.drizzle.DrizzleSchemaLoader;
import io.writerflow.maven.settings.DatabaseUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** writerflow:check runs the lint as part of the gate, at the same threshold. */
class CheckLintTest {

    @TempDir
    Path project;

    private final List<String> info = new ArrayList<>();
    private final List<String> warn = new ArrayList<>();

    private CheckResult check(LintFailOn failOn) throws Exception {
        LintFixture fixture = new LintFixture(project)
                .migration("0000_init", "CREATE TABLE `posts` (`id` integer PRIMARY KEY NOT NULL, `body` text);")
                .migration("0001_drop", "DROP TABLE `posts`;");
        MigrationEngine engine = new MigrationEngine(new EngineSettings(fixture.root(), "drizzle",
                new DatabaseUrl.File(project.resolve("local.db"), "file:local.db"), "the test", "__writerflow_history",
                "tester", Duration.ofSeconds(5)), line -> { });
        CheckSettings settings = new CheckSettings(new MigrationsLocation(fixture.root(), "drizzle", "writerflow.out",
                true), Optional::empty, "schema.js", new DrizzleSchemaLoader(), () -> engine, false,
                Optional.of(new LintSettings(Optional.empty(), () -> LintTarget.SQLITE, failOn)));
        return new ProjectCheck(settings, new CheckLog(info::add, warn::add)).run();
    }

    @Test
    void aDestructiveLatestMigrationFailsTheGate() throws Exception {
        CheckResult result = check(LintFailOn.ERROR);
        assertFalse(result.passed());
        List<String> problems = result.problems().stream().map(Problem::problem).toList();
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("drizzle/0001_drop.sql:1 WF101 drops table posts"), problems.get(0));
        assertTrue(result.problems().get(0).nextStep().contains("-- writerflow:lint-ignore WF101"));
        assertTrue(warn.contains("  0001_drop.sql:1  WF101 error  drops table posts: its rows are lost, and the"
                + " running application still reads it until every instance is deployed"), warn.toString());
    }

    @Test
    void reportOnlyAtNone() throws Exception {
        CheckResult result = check(LintFailOn.NONE);
        assertTrue(result.passed(), result.problems().toString());
        assertTrue(info.contains("Lint drizzle/0001_drop.sql: 1 finding"), info.toString());
        assertTrue(info.stream().anyMatch(l -> l.startsWith("Lint of 1 migration (the latest;")
                && l.endsWith("1 error, 0 warnings, 0 suppressed; passes at writerflow.lintFailOn=none.")),
                info.toString());
    }
}
