package io.writerflow.maven.lint;

import io.writerflow.maven.lint.report.LintHeader;
import io.writerflow.maven.migrations.Migration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The comment block generate writes on top of a new migration: what the lint says, at the file's own lines. */
class LintHeaderTest {

    private static final String INIT = "CREATE TABLE `users` (\n\t`id` integer PRIMARY KEY NOT NULL,\n"
            + "\t`email` text,\n\t`age` integer\n);\n";
    private static final String CHANGE = "ALTER TABLE `users` DROP COLUMN `age`;\n--> statement-breakpoint\n"
            + "CREATE UNIQUE INDEX `users_email_unique` ON `users` (`email`);";

    @TempDir
    Path project;

    private static String lines(List<Finding> findings) {
        return findings.stream().map(f -> f.line() + " " + f.code().code() + " " + f.message())
                .collect(Collectors.joining("\n"));
    }

    /** The statements as the plugin's reader splits them, the block's comments left out. */
    private static List<String> statements(Migration migration) {
        List<String> sql = new java.util.ArrayList<>();
        for (int i = 0; i < migration.statements().size(); i++) {
            sql.add(migration.statements().get(i).sql().replaceAll("(?m)^--.*\\n+", "").strip());
        }
        return sql;
    }

    @Test
    void theBlockNamesTheFindingsAtTheLinesTheFileHasWithIt() throws Exception {
        LintFixture fixture = new LintFixture(project).migration("0000_init", INIT).migration("0001_change", CHANGE);
        LintedMigration linted = Lint.generated(fixture.directory(), "0001_change", Optional.empty());
        Path file = fixture.root().resolve("0001_change.sql");
        String before = Files.readString(file, StandardCharsets.UTF_8);
        List<String> statementsBefore = statements(fixture.directory().find("tag", "0001_change"));

        assertTrue(LintHeader.write(file, linted));
        String headed = Files.readString(file, StandardCharsets.UTF_8);
        assertEquals("-- writerflow:lint WF102 error line 4: drops column users.age: its values are lost, and the"
                + " running application still reads it until every instance is deployed\n"
                + "-- writerflow:lint WF301 warning line 6: adds UNIQUE index users_email_unique on users (email):"
                + " will fail if users has rows with duplicate values in them\n\n" + before, headed);

        // the lint of the file with its block says the same at the same lines; the statements are unchanged
        LintResult again = fixture.lintLatest();
        assertEquals("4 WF102 drops column users.age: its values are lost, and the running application still reads"
                + " it until every instance is deployed\n6 WF301 adds UNIQUE index users_email_unique on users"
                + " (email): will fail if users has rows with duplicate values in them", lines(again.findings()));
        Migration read = fixture.directory().find("tag", "0001_change");
        assertEquals(statementsBefore, statements(read));
        assertEquals("ALTER TABLE `users` DROP COLUMN `age`;", headed.lines().toList().get(3));
        assertEquals(before, LintHeader.strip(headed), "what rebase compares with generate's SQL");
        assertEquals(before, LintHeader.strip(before));
    }

    @Test
    void nothingToSayLeavesTheFileAsWritten() throws Exception {
        LintFixture fixture = new LintFixture(project).migration("0000_init", INIT)
                .migration("0001_tags", "CREATE TABLE `tags` (`id` integer PRIMARY KEY);");
        Path file = fixture.root().resolve("0001_tags.sql");
        String before = Files.readString(file);
        assertFalse(LintHeader.write(file, Lint.generated(fixture.directory(), "0001_tags", Optional.empty())));
        assertEquals(before, Files.readString(file));
    }
}
