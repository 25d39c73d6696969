package io.writerflow.maven.engine.database;

import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.LibraryLoaderUtil;
import org.sqlite.util.OSInfo;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Loads sqlite-jdbc's native library, once per class loader, from a copy written here. sqlite-jdbc's own loader
 * starts {@code uname -o} to tell Android from Linux, copies the library out of its jar and compares the copy
 * with the jar's through single-byte reads: about 0.1 s of CPU in every fresh JVM that opens an embedded
 * database, most of it the process (see {@link #folder}). The copy is handed to sqlite-jdbc through its own
 * {@code org.sqlite.lib.path} and {@code org.sqlite.lib.name}, set only while it loads and then cleared, so
 * nothing else in Maven's JVM sees them. When anything here does not work out, or those properties are set
 * already, sqlite-jdbc loads its library its own way.
 */
public final class SqliteNativeLibrary {

    private static final String PATH = "org.sqlite.lib.path";
    private static final String NAME = "org.sqlite.lib.name";

    private SqliteNativeLibrary() {
    }

    /**
     * Before the first connection: loads the library if this class loader has not.
     *
     * @return whether it was loaded from the copy; else sqlite-jdbc loads it its own way on the first connection
     */
    public static boolean load() {
        return Once.LOADED;
    }

    /** Class initialization runs the load exactly once, and every other thread waits for it. */
    private static final class Once {
        static final boolean LOADED = loadFromCopy();
    }

    private static boolean loadFromCopy() {
        if (System.getProperty(PATH) != null || System.getProperty(NAME) != null) {
            return false; // the user chose a library
        }
        Path directory = null;
        Path library = null;
        try {
            Optional<String> folder = folder();
            String name = LibraryLoaderUtil.getNativeLibName();
            URL resource = folder.map(f -> SQLiteJDBCLoader.class.getResource("/org/sqlite/native/" + f + "/" + name))
                    .orElse(null);
            if (resource == null) {
                return false;
            }
            directory = privateDirectory();
            library = directory.resolve(name);
            try (InputStream in = resource.openStream()) {
                Files.copy(in, library);
            }
            synchronized (System.getProperties()) {
                try {
                    System.setProperty(PATH, directory.toString());
                    System.setProperty(NAME, name);
                    return SQLiteJDBCLoader.initialize();
                } finally {
                    System.clearProperty(PATH);
                    System.clearProperty(NAME);
                }
            }
        } catch (Exception | LinkageError e) {
            return false;
        } finally {
            remove(directory, library);
        }
    }

    /**
     * A new directory of this user's alone (0700 on POSIX), as {@link Files#createTempDirectory} makes one:
     * nothing shared to plant a library in, since creating fails on a name that exists. Named by a
     * ThreadLocalRandom rather than by createTempDirectory's SecureRandom, whose first use costs a fresh JVM
     * about 15 ms.
     */
    private static Path privateDirectory() throws IOException {
        Path temp = Path.of(System.getProperty("java.io.tmpdir"));
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        for (int attempt = 1; ; attempt++) {
            Path candidate = temp.resolve("writerflow-sqlite-"
                    + Long.toHexString(ThreadLocalRandom.current().nextLong()));
            try {
                return posix ? Files.createDirectory(candidate, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rwx------"))) : Files.createDirectory(candidate);
            } catch (FileAlreadyExistsException e) {
                if (attempt == 10) {
                    throw e;
                }
            }
        }
    }

    /**
     * The jar's folder of the library for this system, as sqlite-jdbc's {@code OSInfo} names it, but without asking
     * {@code uname -o} whether this Linux is Android's Termux: that is a process started on every JVM's first
     * connection, 0.05 to 0.1 s. On Termux the library of plain Linux does not load, and sqlite-jdbc's own loader,
     * which does ask, takes over. Systems other than Windows, macOS and Linux are left to it too.
     */
    private static Optional<String> folder() {
        String os = System.getProperty("os.name", "");
        String system;
        if (os.contains("Windows")) {
            system = "Windows";
        } else if (os.contains("Mac") || os.contains("Darwin")) {
            system = "Mac";
        } else if (os.contains("Linux") && !OSInfo.isAndroidRuntime()) {
            system = OSInfo.isMusl() ? "Linux-Musl" : "Linux";
        } else {
            return Optional.empty();
        }
        return Optional.of(system + "/" + OSInfo.getArchName());
    }

    /** A loaded library can be unlinked on POSIX systems; Windows keeps it until the JVM exits. */
    private static void remove(Path directory, Path library) {
        if (directory == null) {
            return;
        }
        if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")) {
            directory.toFile().deleteOnExit();
            if (library != null) {
                library.toFile().deleteOnExit();
            }
            return;
        }
        try {
            if (library != null) {
                Files.deleteIfExists(library);
            }
            Files.deleteIfExists(directory);
        } catch (IOException e) {
            // a temporary directory left behind is no reason to fail the goal
        }
    }
}
