package io.writerflow.maven.engine;

import io.writerflow.maven.WriterflowException;
import io.writerflow.maven.migrations.MigrationDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code writerflow.target}: apply goes up to a migration and no further; status says what lies beyond it. */
class ApplyTargetTest {

    @TempDir
    Path project;

    private ApplyTarget target;

    @AfterEach
    void stop() throws Exception {
        if (target != null) {
            target.close();
        }
    }

    private MigrationFixture threeMigrations() throws Exception {
        return new MigrationFixture(project)
                .migration("0000_users", "CREATE TABLE `users` (`id` integer PRIMARY KEY NOT NULL);")
                .migration("0001_posts", "CREATE TABLE `posts` (`id` integer PRIMARY KEY NOT NULL);")
                .migration("0002_tags", "CREATE TABLE `tags` (`id` integer PRIMARY KEY NOT NULL);");
    }

    private static ApplyResult applyUpTo(MigrationEngine engine, String name) {
        MigrationDirectory directory = engine.loadDirectory();
        return engine.apply(directory, ApplyOptions.NONE.upTo(Optional.of(directory.find("writerflow.target", name))),
                m -> { });
    }

    @ParameterizedTest
    @EnumSource(value = ApplyTarget.Kind.class, names = {"FILE", "TURSO_FOREIGN_KEYS_ON"})
    void appliesUpToTheTargetAndLeavesTheRestPendingForTheNextApply(ApplyTarget.Kind kind) throws Exception {
        target = ApplyTarget.start(kind, threeMigrations());

        ApplyResult first = applyUpTo(target.engine(), "0001_posts");

        assertEquals(List.of("0000_users", "0001_posts"), first.applied().stream()
                .map(ApplyResult.AppliedMigration::tag).toList());
        assertEquals(Optional.of("0001_posts"), first.current());
        StatusReport status = target.status();
        assertEquals(List.of(MigrationState.APPLIED, MigrationState.APPLIED, MigrationState.PENDING),
                status.migrations().stream().map(MigrationStatus::state).toList());

        assertEquals(List.of(), applyUpTo(target.engine(), "1").applied(), "at the target already: nothing to do");
        assertEquals(List.of(), applyUpTo(target.engine(), "0").applied(), "past the target: apply undoes nothing");
        assertEquals(List.of("0002_tags"), target.apply().applied().stream()
                .map(ApplyResult.AppliedMigration::tag).toList());
    }

    @Test
    void statusUpToATargetMarksThePendingAfterItAndTheGateDoesNotCountThem() throws Exception {
        MigrationFixture fixture = threeMigrations();
        applyUpTo(fixture.engine(), "0000");
        MigrationDirectory directory = fixture.engine().loadDirectory();

        StatusReport upTo = fixture.status().upTo(directory.find("writerflow.target", "0001_posts"));

        assertEquals(List.of(MigrationState.APPLIED, MigrationState.PENDING, MigrationState.BEYOND_TARGET),
                upTo.migrations().stream().map(MigrationStatus::state).toList());
        assertEquals(1, upTo.count(MigrationState.PENDING));
    }

    @Test
    void aTargetIsNamedByItsTagItsNumberOrItsVersionAndAnUnknownOneSaysWhatWouldDo() throws Exception {
        MigrationDirectory directory = threeMigrations().engine().loadDirectory();

        assertEquals("0002_tags", directory.find("writerflow.target", "0002_tags").tag());
        assertEquals("0002_tags", directory.find("writerflow.target", "0002").tag());
        assertEquals("0002_tags", directory.find("writerflow.target", " 2 ").tag());
        WriterflowException unknown = assertThrows(WriterflowException.class,
                () -> directory.find("writerflow.target", "0007"));
        assertTrue(unknown.getMessage().startsWith("writerflow.target=0007 names no migration in drizzle/"),
                unknown.getMessage());
        assertTrue(unknown.nextStep().contains("0002_tags"), unknown.nextStep());
        assertThrows(WriterflowException.class, () -> directory.find("writerflow.target", "99999999999999999999999"));
    }
}
