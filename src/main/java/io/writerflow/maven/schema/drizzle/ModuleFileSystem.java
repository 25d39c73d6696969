package io.writerflow.maven.schema.drizzle;

import io.writerflow.maven.schema.drizzle.modules.ModuleGraph;
import io.writerflow.maven.schema.drizzle.modules.ModuleResolver;
import io.writerflow.maven.schema.drizzle.modules.Resolution;
import io.writerflow.maven.schema.drizzle.modules.SourceFiles;
import org.graalvm.polyglot.io.FileSystem;

import java.io.IOException;
import java.net.URI;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AccessMode;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The file system GraalJS sees while it evaluates the schema: the project's files, read-only (the schema's
 * code can write nothing), looked up as drizzle-kit's loader does ({@link SourceFiles}), TypeScript served
 * transpiled; bare specifiers answered from the scanned {@link ModuleGraph} (tsconfig aliases and workspace
 * packages lead to files, packages and built-ins to {@link VirtualModules}); and the given texts in place of
 * their files.
 */
final class ModuleFileSystem implements FileSystem {

    private static final Pattern NODE_SCHEME = Pattern.compile(
            "((?:\\bfrom|\\bimport)\\s*\\(?\\s*[\"'])node:([\\w/]+[\"'])");

    private final FileSystem disk = FileSystem.newReadOnlyFileSystem(FileSystem.newDefaultFileSystem());
    private final VirtualModules modules;
    private final Program program;
    private final TypeScriptFiles typeScript;
    private final Set<Path> read = ConcurrentHashMap.newKeySet();

    ModuleFileSystem(VirtualModules modules, Program program, TypeScriptFiles typeScript) {
        this.modules = modules;
        this.program = program;
        this.typeScript = typeScript;
    }

    @Override
    public Path parsePath(URI uri) {
        return disk.parsePath(uri);
    }

    @Override
    public Path parsePath(String path) {
        // with js.esm-bare-specifier-relative-lookup off (the default), GraalJS looks a bare specifier up
        // as a path of its own, without saying which module imports it
        if (ModuleResolver.isBuiltin(path)) {
            return modules.builtinPath(path);
        }
        if (!VirtualModules.isPackageSpecifier(path)) {
            return disk.parsePath(path);
        }
        Resolution resolution = program.graph().bareResolution(path);
        if (resolution instanceof Resolution.ProjectFile file) {
            return file.file();
        }
        if (resolution instanceof Resolution.Builtin builtin) {
            return modules.builtinPath(builtin.name());
        }
        if (resolution instanceof Resolution.Missing) {
            return modules.root().resolve("missing").resolve(path); // no such module: the engine says so
        }
        return modules.pathOf(path);
    }

    @Override
    public void checkAccess(Path path, Set<? extends AccessMode> modes, LinkOption... linkOptions) throws IOException {
        if (modes.contains(AccessMode.WRITE)) {
            throw new AccessDeniedException(path.toString(), null, "read-only while reading the schema");
        }
        if (served(path).isPresent()) {
            return;
        }
        if (modules.contains(path)) {
            throw new NoSuchFileException(path.toString());
        }
        disk.checkAccess(SourceFiles.resolve(path), modes, linkOptions);
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
        Path file = SourceFiles.resolve(path);
        read.add(file.toAbsolutePath().normalize());
        return disk.newByteChannel(file, options, attrs);
    }

    /** The project's files read from disk, the entries among them when not given as text. */
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
        Path file = SourceFiles.resolve(path.normalize());
        if (program.sources().containsKey(file)) {
            return file;
        }
        // the real path of the file an import means is what the engine keys its module map by, so
        // "./columns" and "./columns.js" are one module
        return disk.toRealPath(file, linkOptions);
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
        return disk.readAttributes(SourceFiles.resolve(path), attributes, options);
    }

    private Optional<byte[]> served(Path path) throws IOException {
        if (modules.contains(path)) {
            return modules.content(path);
        }
        Path file = SourceFiles.resolve(path.normalize());
        if (TypeScriptFiles.handles(file) && (program.sources().containsKey(file) || Files.isRegularFile(file))) {
            if (!program.sources().containsKey(file)) {
                read.add(file);
            }
            return Optional.of(withoutNodeScheme(typeScript.load(file).code()).getBytes(StandardCharsets.UTF_8));
        }
        String source = program.sourceOf(file);
        if (source == null && Files.isRegularFile(file) && program.graph().files().contains(file)) {
            source = Files.readString(file, StandardCharsets.UTF_8);
            read.add(file);
        }
        return source == null ? Optional.empty() : Optional.of(withoutNodeScheme(source).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The code with {@code "node:crypto"} imports written {@code "crypto"}: GraalJS takes {@code node:} for a URL
     * scheme and refuses it before asking the file system, which serves built-ins by their bare names.
     */
    private static String withoutNodeScheme(String code) {
        return code.contains("node:") ? NODE_SCHEME.matcher(code).replaceAll("$1$2") : code;
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
