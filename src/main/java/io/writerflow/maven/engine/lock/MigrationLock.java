package io.writerflow.maven.engine.lock;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Keeps concurrent applies of one database apart: one holder at a time; the others wait, then find the
 * migrations applied. Held from before the history is read until the last migration has committed.
 */
public interface MigrationLock extends AutoCloseable {

    /**
     * Statements that each migration's transaction runs first: they renew the lock and make the transaction
     * fail when this process no longer holds it, so a migration never commits under a lock that expired.
     */
    List<String> transactionGuard();

    /**
     * A statement that fails the transaction it runs in when {@code condition} holds, or {@code null} when
     * this lock cannot make one (then the caller checks with a read before committing instead). A remote
     * transaction is sent whole at commit, so a check that must stop it has to be one of its statements.
     */
    default String failWhen(String condition) {
        return null;
    }

    /**
     * The statement that releases the lock as the last part of an apply's own transaction request, if this lock
     * is released by a statement; after that request, {@link #releasedBy} tells the lock whether it ran.
     */
    default Optional<String> releaseInTransaction() {
        return Optional.empty();
    }

    /** Records whether {@link #releaseInTransaction()} ran, so that closing the lock does not release it again. */
    default void releasedBy(boolean ran) {
    }

    /** Releases the lock (never throws: a lock that cannot be released expires on its own). */
    @Override
    void close();

    /** No lock: a {@code :memory:} database belongs to one connection. */
    MigrationLock NONE = new MigrationLock() {
        @Override
        public List<String> transactionGuard() {
            return List.of();
        }

        @Override
        public void close() {
        }
    };

    /** Who takes a lock: "user@host (pid N, #id)", unique per apply run. */
    static String holder(String user) {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "unknown-host";
        }
        // neither a UUID nor the runtime MXBean: their first use costs a fresh JVM 15 ms (SecureRandom, JMX)
        return user + "@" + host + " (pid " + ProcessHandle.current().pid() + ", #"
                + String.format("%08x", ThreadLocalRandom.current().nextInt()) + ")";
    }

    static String describe(String holder, Instant since) {
        return holder + " since " + DateTimeFormatter.ISO_LOCAL_TIME.format(
                since.atOffset(ZoneOffset.UTC).toLocalTime().withNano(0)) + " UTC";
    }

    static String seconds(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }
}
