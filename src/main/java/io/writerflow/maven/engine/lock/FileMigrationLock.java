package io.writerflow.maven.engine.lock;

import io.writerflow.maven.WriterflowException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * The migration lock of an embedded database file: an operating-system lock on a file of its own in the
 * system's temporary directory ({@code writerflow-locks/<database's name>-<hash of its real path>.lock}), so
 * that every process on the machine that applies to the database meets it, and the project holds no lock file.
 * The system releases the lock when the holder's process ends, however it ends, so it needs no expiry. The
 * file keeps the holder's name for the waiters' log line; it is never deleted (deleting a lock file others are
 * waiting on would let two holders in).
 */
public final class FileMigrationLock implements MigrationLock {

    private final FileChannel channel;
    private final FileLock lock;

    private FileMigrationLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    public static Path lockFile(Path database) {
        Path real = realPath(database);
        return Path.of(System.getProperty("java.io.tmpdir"), "writerflow-locks",
                real.getFileName() + "-" + sha256(real.toString()).substring(0, 16) + ".lock");
    }

    /** The database's path with its directory's links resolved: two paths to one file share one lock. */
    private static Path realPath(Path database) {
        Path absolute = database.toAbsolutePath().normalize();
        try {
            return absolute.getParent().toRealPath().resolve(absolute.getFileName());
        } catch (IOException e) {
            return absolute; // a directory that does not exist yet: the file's first apply creates it
        }
    }

    private static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A lock file every user of the machine may lock too. */
    private static void create(Path file) throws IOException {
        try {
            Files.createFile(file);
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-rw-rw-"));
        } catch (java.nio.file.FileAlreadyExistsException | UnsupportedOperationException ignored) {
            // another process created it a moment ago, or not a POSIX file system
        }
    }

    /** The lock files' directory, writable by every user of the machine (each may apply to a shared file). */
    private static void createDirectory(Path directory) throws IOException {
        if (Files.isDirectory(directory)) {
            return;
        }
        Files.createDirectories(directory);
        try {
            Files.setPosixFilePermissions(directory, java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));
        } catch (UnsupportedOperationException | IOException ignored) {
            // not a POSIX file system, or created by another user a moment ago
        }
    }

    public static FileMigrationLock acquire(Path database, String display, String holder, Duration timeout,
            Consumer<String> notices) {
        Path file = lockFile(database);
        long waitingSince = System.nanoTime();
        long deadline = waitingSince + timeout.toNanos();
        boolean told = false;
        try {
            createDirectory(file.getParent());
            if (!Files.exists(file)) {
                create(file);
            }
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            while (true) {
                FileLock lock;
                try {
                    lock = channel.tryLock();
                } catch (OverlappingFileLockException e) {
                    lock = null; // held by another apply in this same JVM
                }
                if (lock != null) {
                    channel.truncate(0);
                    channel.write(ByteBuffer.wrap((holder + "\n" + Instant.now().toEpochMilli() + "\n")
                            .getBytes(StandardCharsets.UTF_8)), 0);
                    channel.force(false);
                    return new FileMigrationLock(channel, lock);
                }
                String current = currentHolder(file);
                if (System.nanoTime() > deadline) {
                    channel.close();
                    throw new LockNotTaken("Could not take the migration lock of " + display + " within "
                            + MigrationLock.seconds(timeout) + ": another apply holds it (" + current
                            + "). Nothing was changed.", false);
                }
                // the holder writes its name a moment after it locks: wait up to a second to read it
                boolean named = !current.equals(UNNAMED) || System.nanoTime() - waitingSince > 1_000_000_000L;
                if (!told && named) {
                    notices.accept("Waiting for the migration lock of " + display + ", held by " + current
                            + " (up to " + MigrationLock.seconds(timeout) + ")");
                    told = true;
                }
                Thread.sleep(100);
            }
        } catch (IOException e) {
            throw new WriterflowException("Cannot take the migration lock " + file + ": " + e.getMessage()
                    + ". Nothing was changed.", "Check that " + file.getParent() + " (the lock files' directory, under java.io.tmpdir) is writable by this user.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WriterflowException("Interrupted while waiting for the migration lock of " + display + ".",
                    "Run the goal again.");
        }
    }

    private static String currentHolder(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (lines.size() >= 2) {
                return MigrationLock.describe(lines.get(0), Instant.ofEpochMilli(Long.parseLong(lines.get(1).strip())));
            }
        } catch (IOException | NumberFormatException ignored) {
            // written by the holder a moment from now
        }
        return UNNAMED;
    }

    private static final String UNNAMED = "another process";

    @Override
    public List<String> transactionGuard() {
        return List.of();
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException ignored) {
            // the system releases the lock when the process ends
        }
    }
}
