package io.writerflow.maven.schema.drizzle;

import io.writerflow.maven.schema.Schema;
import io.writerflow.maven.schema.Snapshot;
import io.writerflow.maven.schema.SnapshotCodec;
import io.writerflow.maven.testing.NodePeers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Test projects for comparing the loader with the real drizzle-kit 0.31.11: a schema under
 * {@code src/test/resources/schema/drizzle/NAME/}, copied to {@code WORK/project}, with the stand-in npm
 * packages from {@code node-packages/} in {@code WORK/node_modules} (Node finds them from the project
 * through the parent directory; drizzle-kit and drizzle-orm come from the build's node_modules link).
 */
final class DrizzleKitProjects {

    private DrizzleKitProjects() {
    }

    static Path fixture(String name, Path work) throws IOException {
        Path project = work.resolve("project");
        copyTree(resource(name), project);
        copyTree(resource("node-packages"), work.resolve("node_modules"));
        return project;
    }

    /** The fixture's schema file: schema.ts for a TypeScript project, else schema.js. */
    static Path schemaFile(Path project) {
        return Files.isRegularFile(project.resolve("schema.ts")) ? project.resolve("schema.ts")
                : project.resolve("schema.js");
    }

    /** Runs {@code drizzle-kit generate} on the project's schema file and reads the snapshot it wrote. */
    static Schema drizzleKitSchema(Path project) throws IOException {
        return drizzleKitSchema(project, "");
    }

    /** The same with {@code casing} set in drizzle.config ({@code snake_case}, {@code camelCase}). */
    static Schema drizzleKitSchemaWithCasing(Path project, String casing) throws IOException {
        return drizzleKitSchema(project, ", casing: \"" + casing + "\"");
    }

    private static Schema drizzleKitSchema(Path project, String moreConfig) throws IOException {
        Files.writeString(project.resolve("drizzle.config.js"), "export default { dialect: \"sqlite\", schema: \"./"
                + schemaFile(project).getFileName() + "\", out: \"./drizzle\"" + moreConfig + " };\n");
        NodePeers.linkNodeModules(project);
        NodePeers.Run run = NodePeers.drizzleKit(project, "generate");
        // the link is only for drizzle-kit; removing it keeps JUnit's temp-dir cleanup quiet
        Files.delete(project.resolve("node_modules"));
        Path snapshot = project.resolve("drizzle/meta/0000_snapshot.json");
        // drizzle-kit exits 0 even when the schema throws: the snapshot is the evidence of success
        if (run.exitCode() != 0 || !Files.isRegularFile(snapshot)) {
            fail("drizzle-kit generate failed (exit " + run.exitCode() + "):\n" + run.output());
        }
        return SnapshotCodec.read(Files.readString(snapshot, StandardCharsets.UTF_8)).schema();
    }

    /** Equal models, compared first as snapshot text so that a failure shows a readable diff. */
    static void assertSameSchema(Schema expected, Schema actual) {
        assertEquals(asSnapshot(expected), asSnapshot(actual));
        assertEquals(expected, actual);
    }

    static String asSnapshot(Schema schema) {
        return SnapshotCodec.write(new Snapshot("test", Snapshot.ORIGIN, schema, Snapshot.Renames.NONE));
    }

    private static Path resource(String name) {
        URL url = DrizzleKitProjects.class.getResource("/schema/drizzle/" + name);
        assertTrue(url != null, "missing test resource schema/drizzle/" + name);
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            files.forEach(source -> {
                Path target = to.resolve(from.relativize(source).toString());
                try {
                    if (Files.isDirectory(source)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(source, target);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
