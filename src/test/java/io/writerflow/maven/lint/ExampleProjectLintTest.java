package io.writerflow.maven.lint;

import io.writerflow.maven.lint.analysis.MigrationLinter;
import io.writerflow.maven.migrations.MigrationDirectory;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The example project's migrations pass the lint writerflow:check runs, each one from its previous snapshot. */
class ExampleProjectLintTest {

    private static final MigrationDirectory EXAMPLE = MigrationDirectory.load(Path.of("example/drizzle"), "drizzle");

    @Test
    void theLatestMigrationPasses() {
        LintResult result = Lint.run(EXAMPLE, new LintSettings(Optional.empty(), () -> LintTarget.SQLITE,
                LintFailOn.WARNING), Optional::empty);
        assertEquals(List.of("0001_add_tags"), result.migrations().stream().map(LintedMigration::tag).toList());
        assertEquals(List.of(), result.findings());
        assertTrue(result.passed());
    }

    @Test
    void everyMigrationPasses() {
        List<LintedMigration> linted = new MigrationLinter(EXAMPLE, LintTarget.LIBSQL).lint(EXAMPLE.migrations());
        assertEquals(2, linted.size());
        linted.forEach(m -> assertEquals(List.of(), m.findings(), m.tag()));
    }
}
