package io.writerflow.maven.lint.select;

import io.writerflow.maven.WriterflowException;
import io.writerflow.maven.migrations.Migration;
import io.writerflow.maven.migrations.MigrationDirectory;
import io.writerflow.maven.testing.DrizzleDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which migrations a lint looks at: since a git ref (a real repository), pending, or the latest. */
class MigrationSelectionTest {

    @TempDir
    Path project;

    private DrizzleDirectory drizzle;

    private void git(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git", "-c", "user.name=t", "-c", "user.email=t@example.com",
                "-c", "commit.gpgsign=false"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), output);
    }

    private void committedBase() throws Exception {
        drizzle = DrizzleDirectory.inProject(project, "0000_init", "CREATE TABLE a (id integer);",
                "0001_b", "CREATE TABLE b (id integer);");
        git("init", "-q");
        git("add", ".");
        git("commit", "-q", "-m", "base");
        git("tag", "base");
    }

    private static List<String> tags(MigrationSelection selection) {
        return selection.migrations().stream().map(Migration::tag).toList();
    }

    private MigrationDirectory directory() {
        return MigrationDirectory.load(project.resolve("drizzle"), "drizzle");
    }

    @Test
    void sinceABaseRefTakesNewChangedAndUntrackedMigrations() throws Exception {
        committedBase();
        assertEquals(List.of(), tags(MigrationSelection.of(directory(), Optional.of("base"), Optional::empty)));

        drizzle.migration("0002_c", "CREATE TABLE c (id integer);"); // untracked
        Files.writeString(drizzle.sql("0001_b"), "CREATE TABLE b (id integer, x text);"); // changed, unstaged
        MigrationSelection selection = MigrationSelection.of(directory(), Optional.of("base"), () -> {
            throw new AssertionError("the database is not asked when a base is set");
        });
        assertEquals(List.of("0001_b", "0002_c"), tags(selection));
        assertEquals("new or changed since base", selection.scope());

        git("add", ".");
        git("commit", "-q", "-m", "two");
        assertEquals(List.of("0001_b", "0002_c"), tags(MigrationSelection.of(directory(), Optional.of("base"),
                Optional::empty)));
        assertEquals(List.of(), tags(MigrationSelection.of(directory(), Optional.of("HEAD"), Optional::empty)));
    }

    @Test
    void anUnknownRefIsAClearError() throws Exception {
        committedBase();
        WriterflowException e = assertThrows(WriterflowException.class,
                () -> MigrationSelection.of(directory(), Optional.of("origin/nope"), Optional::empty));
        assertEquals("writerflow.base=origin/nope names no commit of this repository.", e.problem());
        assertTrue(e.nextStep().contains("git fetch origin main"), e.nextStep());
    }

    @Test
    void outsideAGitRepositoryIsAClearError() throws Exception {
        DrizzleDirectory.inProject(project, "0000_init", "CREATE TABLE a (id integer);");
        WriterflowException e = assertThrows(WriterflowException.class,
                () -> MigrationSelection.of(directory(), Optional.of("main"), Optional::empty));
        assertTrue(e.problem().contains("is not inside a git working tree"), e.problem());
    }

    @Test
    void withoutABaseThePendingOnesElseTheLatest() throws Exception {
        DrizzleDirectory.inProject(project, "0000_init", "CREATE TABLE a (id integer);",
                "0001_b", "CREATE TABLE b (id integer);", "0002_c", "CREATE TABLE c (id integer);");
        assertEquals(List.of("0001_b", "0002_c"), tags(MigrationSelection.of(directory(), Optional.empty(),
                () -> Optional.of(Set.of("0001_b", "0002_c")))));
        assertEquals(List.of(), tags(MigrationSelection.of(directory(), Optional.empty(),
                () -> Optional.of(Set.of()))));
        MigrationSelection latest = MigrationSelection.of(directory(), Optional.empty(), Optional::empty);
        assertEquals(List.of("0002_c"), tags(latest));
        assertTrue(latest.scope().startsWith("the latest"), latest.scope());
    }
}
