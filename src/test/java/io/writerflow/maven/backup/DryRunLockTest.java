package io.writerflow.maven.backup;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import io.writerflow.maven.engine.lock.LockNotTaken;
import io.writerflow.maven.WriterflowException;
import io.writerflow.maven.engine.ApplyResult.AppliedMigration;
import io.writerflow.maven.engine.ApplyResult;
import io.writerflow.maven.engine.EngineSettings;
import io.writerflow.maven.engine.MigrationEngine;
import io.writerflow.maven.settings.DatabaseUrl;
import io.writerflow.maven.testing.DrizzleDirectory;
import io.writerflow.maven.testing.TestSettings;
import io.writerflow.maven.testing.TursoServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A dry run holds the target's migration lock, as apply does, from before the copy until its result: on an
 * embedded file and on the Turso server. Each step waits on a latch that the other side's notice or listener
 * opens, so nothing depends on timing; a latch that never opens fails the test after a generous bound.
 */
class DryRunLockTest {

    private static final String WAITING = "Waiting for the migration lock of ";
    private static final String FILL = "UPDATE `notes` SET `body` = 'x' WHERE `body` IS NULL;";
    private static final String TAGS = "CREATE TABLE `tags` (`id` integer PRIMARY KEY);";
    private static final String FAILING = "CREATE TABLE `strict` (`body` text NOT NULL);\n"
            + "--> statement-breakpoint\nINSERT INTO `strict` VALUES (NULL);";

    @Nested
    class OnAFile extends Contract {
        @Override
        DatabaseUrl url() {
            return TestSettings.file(project.resolve("local.db"));
        }
    }

    @Nested
    class OnTheTursoServer extends Contract {
        private TursoServer server;

        @Override
        DatabaseUrl url() throws Exception {
            server = TursoServer.start();
            return DatabaseUrl.parse(server.baseUrl(), project, "the test");
        }

        @AfterEach
        void stopServer() throws Exception {
            if (server != null) {
                server.close();
            }
        }
    }

    /** The tests, run against each kind of database: two migrations applied, 0001_fill and 0002_tags pending. */
    abstract static class Contract {

        @TempDir
        Path project;

        EngineSettings settings;
        final ExecutorService threads = Executors.newCachedThreadPool();

        abstract DatabaseUrl url() throws Exception;

        @BeforeEach
        void applyTheFirstMigration() throws Exception {
            DrizzleDirectory.inProject(project, Migrations.INIT.toArray(String[]::new));
            settings = settings(Duration.ofSeconds(60));
            engine().apply(engine().loadDirectory(), m -> { });
            DrizzleDirectory.inProject(project, Migrations.INIT.get(0), Migrations.INIT.get(1), "0001_fill", FILL,
                    "0002_tags", TAGS);
        }

        @AfterEach
        void stopThreads() {
            threads.shutdownNow();
        }

        EngineSettings settings(Duration lockTimeout) throws Exception {
            DatabaseUrl url = settings == null ? url() : settings.url();
            return new EngineSettings(project.resolve("drizzle"), "drizzle", url, "the test", TestSettings.HISTORY, "tester", lockTimeout);
        }

        MigrationEngine engine() {
            return new MigrationEngine(settings);
        }

        /** Holds the migration lock in another thread until {@code release} opens; returns once it is held. */
        Future<?> holdLock(CountDownLatch release) throws InterruptedException {
            CountDownLatch held = new CountDownLatch(1);
            Future<?> holder = threads.submit(() -> engine().whileLocked(() -> {
                held.countDown();
                return await(release);
            }));
            assertTrue(held.await(30, TimeUnit.SECONDS), "the holder took the lock");
            return holder;
        }

        /** Opens {@code latch} on the first notice that someone waits for the migration lock. */
        static Consumer<String> onWaiting(CountDownLatch latch, List<String> notices) {
            return notice -> {
                notices.add(notice);
                if (notice.startsWith(WAITING)) {
                    latch.countDown();
                }
            };
        }

        static boolean await(CountDownLatch latch) {
            try {
                return latch.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        static List<String> tags(List<AppliedMigration> migrations) {
            return migrations.stream().map(AppliedMigration::tag).toList();
        }

        @Test
        void aDryRunWaitsWhileTheLockIsHeldAndProceedsOnceItIsReleased() throws Exception {
            CountDownLatch release = new CountDownLatch(1);
            Future<?> holder = holdLock(release);
            CountDownLatch waiting = new CountDownLatch(1);
            List<String> notices = new CopyOnWriteArrayList<>();
            List<AppliedMigration> told = new CopyOnWriteArrayList<>();
            Future<DryRun.Result> dryRun = threads.submit(() -> new DryRun(settings, onWaiting(waiting, notices))
                    .run(engine().loadDirectory(), told::add));

            assertTrue(waiting.await(30, TimeUnit.SECONDS), "the dry run said it waits: " + notices);
            assertTrue(notices.get(0).startsWith(WAITING + settings.url().display() + ", held by tester@"),
                    notices.toString());
            assertFalse(dryRun.isDone(), "no result while the lock is held");
            assertEquals(List.of(), told, "no copy is migrated while the lock is held");

            release.countDown();
            holder.get(30, TimeUnit.SECONDS);
            DryRun.Result result = dryRun.get(60, TimeUnit.SECONDS);
            assertNull(result.failure());
            assertEquals(List.of("0001_fill", "0002_tags"), tags(result.applied()));
        }

        @Test
        void anApplyStartedWhileADryRunHoldsTheLockWaitsForIt() throws Exception {
            CountDownLatch copyMigrating = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            Future<DryRun.Result> dryRun = threads.submit(() -> new DryRun(settings)
                    .run(engine().loadDirectory(), m -> {
                        copyMigrating.countDown();
                        await(release);
                    }));
            assertTrue(copyMigrating.await(60, TimeUnit.SECONDS), "the dry run migrates its copy");

            CountDownLatch waiting = new CountDownLatch(1);
            List<String> notices = new CopyOnWriteArrayList<>();
            Future<ApplyResult> apply = threads.submit(() -> new MigrationEngine(settings, onWaiting(waiting, notices))
                    .apply(engine().loadDirectory(), m -> { }));
            assertTrue(waiting.await(30, TimeUnit.SECONDS), "the apply said it waits: " + notices);
            assertFalse(apply.isDone(), "the apply waits while the dry run holds the lock");

            release.countDown();
            DryRun.Result result = dryRun.get(60, TimeUnit.SECONDS);
            assertEquals(List.of("0001_fill", "0002_tags"), tags(result.applied()),
                    "the dry run's plan: the apply had not run");
            assertEquals(List.of("0001_fill", "0002_tags"), tags(apply.get(60, TimeUnit.SECONDS).applied()));
        }

        @Test
        void aFailingDryRunLeavesNoLockBehind() throws Exception {
            DrizzleDirectory.inProject(project, Migrations.INIT.get(0), Migrations.INIT.get(1), "0001_fill", FILL,
                    "0002_strict", FAILING);
            DryRun.Result result = new DryRun(settings).run(engine().loadDirectory(), m -> { });
            assertNotNull(result.failure());
            assertEquals(List.of("0001_fill"), tags(result.applied()));

            // a lock left behind would make this fail at once instead of running
            MigrationEngine noWaiting = new MigrationEngine(settings(Duration.ZERO));
            assertEquals("free", noWaiting.whileLocked(() -> "free"));
        }

        @Test
        void aDryRunThatCannotTakeTheLockFailsAsApplyWould() throws Exception {
            CountDownLatch release = new CountDownLatch(1);
            Future<?> holder = holdLock(release);
            EngineSettings impatient = settings(Duration.ofMillis(200));
            try {
                WriterflowException e = assertThrows(WriterflowException.class,
                        () -> new DryRun(impatient).run(engine().loadDirectory(), m -> { }));
                assertTrue(e.getMessage().startsWith("Could not take the migration lock of "
                        + settings.url().display() + " within 200 ms: another apply holds it (tester@"), e.getMessage());
                assertTrue(e.getMessage().endsWith("Nothing was changed."), e.getMessage());
                assertInstanceOf(LockNotTaken.class, e);
            } finally {
                release.countDown();
            }
            holder.get(30, TimeUnit.SECONDS);
        }
    }
}
