package io.writerflow.maven.schema.drizzle;

import org.graalvm.polyglot.io.FileSystem;

import java.io.IOException;
import java.net.URI;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AccessMode;
import java.nio.file.DirectoryStream;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The file system the engine sees while it evaluates schema.js: the project's files, read-only (the schema's
 * code can write nothing), with drizzle-kit's lookups for extension-less and directory imports
 * ({@link ModuleFiles}); bare specifiers such as {@code drizzle-orm} answered by {@link VirtualModules}; and
 * the schema file itself served from the text the loader was given.
 */
final class ModuleFileSystem implements FileSystem {

    private final FileSystem disk = FileSystem.newReadOnlyFileSystem(FileSystem.newDefaultFileSystem());
    private final VirtualModules modules;
    private final Set<Path> entryPaths;
    private final byte[] entrySource;
    private final Set<Path> read = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * @param entry       the schema file, absolute and normalized
     * @param entrySource its text, served in place of what is on disk
     */
    ModuleFileSystem(VirtualModules modules, Path entry, byte[] entrySource) {
        this.modules = modules;
        this.entryPaths = new HashSet<>(List.of(entry, realPathOrSelf(entry)));
        this.entrySource = entrySource.clone();
    }

    private static Path realPathOrSelf(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return path;
        }
    }

    @Override
    public Path parsePath(URI uri) {
        return disk.parsePath(uri);
    }

    @Override
    public Path parsePath(String path) {
        // with js.esm-bare-specifier-relative-lookup off (the default), GraalJS looks a bare specifier up
        // as a path of its own: this is where "drizzle-orm/sqlite-core" becomes the recorder's facade
        return VirtualModules.isPackageSpecifier(path) ? modules.pathOf(path) : disk.parsePath(path);
    }

    @Override
    public void checkAccess(Path path, Set<? extends AccessMode> modes, LinkOption... linkOptions) throws IOException {
        Optional<byte[]> served = served(path);
        if (served.isPresent() || modules.contains(path)) {
            if (modes.contains(AccessMode.WRITE)) {
                throw new AccessDeniedException(path.toString(), null, "read-only while reading the schema");
            }
            if (served.isEmpty()) {
                throw new NoSuchFileException(path.toString());
            }
            return;
        }
        disk.checkAccess(ModuleFiles.resolve(path), modes, linkOptions);
    }

    @Override
    public void createDirectory(Path dir, FileAttribute<?>... attrs) throws IOException {
        throw new AccessDeniedException(dir.toString(), null, "read-only while reading the schema");
    }

    @Override
    public void delete(Path path) throws IOException {
        throw new AccessDeniedException(path.toString(), null, "read-only while reading the schema");
    }

    @Override
    public SeekableByteChannel newByteChannel(Path path, Set<? extends OpenOption> options, FileAttribute<?>... attrs)
            throws IOException {
        if (options.contains(StandardOpenOption.WRITE) || options.contains(StandardOpenOption.APPEND)) {
            throw new AccessDeniedException(path.toString(), null, "read-only while reading the schema");
        }
        Optional<byte[]> served = served(path);
        if (served.isPresent()) {
            return new BytesChannel(served.get());
        }
        if (modules.contains(path)) {
            throw new NoSuchFileException(path.toString());
        }
        Path file = ModuleFiles.resolve(path);
        read.add(file.toAbsolutePath().normalize());
        return disk.newByteChannel(file, options, attrs);
    }

    /** The files read from disk besides the schema file itself: its local imports. */
    Set<Path> filesRead() {
        return Set.copyOf(read);
    }

    @Override
    public DirectoryStream<Path> newDirectoryStream(Path dir, DirectoryStream.Filter<? super Path> filter)
            throws IOException {
        return disk.newDirectoryStream(dir, filter);
    }

    @Override
    public Path toAbsolutePath(Path path) {
        return path.isAbsolute() ? path : disk.toAbsolutePath(path);
    }

    @Override
    public Path toRealPath(Path path, LinkOption... linkOptions) throws IOException {
        if (modules.contains(path)) {
            return path.normalize();
        }
        if (entryPaths.contains(path.normalize())) {
            return realPathOrSelf(path.normalize());
        }
        // the real path of the file an import means is what the engine keys its module map by, so
        // "./columns" and "./columns.js" are one module
        return disk.toRealPath(ModuleFiles.resolve(path), linkOptions);
    }

    @Override
    public Map<String, Object> readAttributes(Path path, String attributes, LinkOption... options) throws IOException {
        Optional<byte[]> served = served(path);
        if (served.isPresent()) {
            return fileAttributes(served.get().length);
        }
        if (modules.contains(path)) {
            throw new NoSuchFileException(path.toString());
        }
        return disk.readAttributes(ModuleFiles.resolve(path), attributes, options);
    }

    private Optional<byte[]> served(Path path) {
        if (entryPaths.contains(path.normalize())) {
            return Optional.of(entrySource);
        }
        return modules.contains(path) ? modules.content(path) : Optional.empty();
    }

    private static Map<String, Object> fileAttributes(long size) {
        FileTime epoch = FileTime.fromMillis(0);
        Map<String, Object> attributes = new HashMap<>();
        attributes.put("lastModifiedTime", epoch);
        attributes.put("lastAccessTime", epoch);
        attributes.put("creationTime", epoch);
        attributes.put("size", size);
        attributes.put("isRegularFile", true);
        attributes.put("isDirectory", false);
        attributes.put("isSymbolicLink", false);
        attributes.put("isOther", false);
        attributes.put("fileKey", null);
        return attributes;
    }
}
