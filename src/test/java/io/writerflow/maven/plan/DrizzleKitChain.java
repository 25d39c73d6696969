package io.writerflow.maven.plan;

import io.writerflow.maven.schema.Schema;
import io.writerflow.maven.schema.SnapshotCodec;
import io.writerflow.maven.testing.NodePeers;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs the real drizzle-kit 0.31.11 over a chain of schema.js versions (test resources such as
 * {@code plan/drizzle-chain/NN_name.js}), one {@code drizzle-kit generate} per version, and keeps what it
 * wrote: the schema before and after each step (read from its snapshots) and its migration file.
 */
final class DrizzleKitChain {

    /** One generate: drizzle-kit's migration from {@code before} to {@code after}. */
    record Step(String name, Schema before, Schema after, String drizzleSql) {
        @Override
        public String toString() {
            return name;
        }
    }

    private DrizzleKitChain() {
    }

    static List<Step> run(Path project, List<String> steps) throws IOException {
        return run(project, steps, "plan/drizzle-chain/");
    }

    static List<Step> run(Path project, List<String> steps, String resources) throws IOException {
        Files.writeString(project.resolve("drizzle.config.js"),
                "export default { dialect: \"sqlite\", schema: \"./schema.js\", out: \"./drizzle\" };\n");
        NodePeers.linkNodeModules(project);
        List<Step> result = new ArrayList<>();
        Schema before = Schema.EMPTY;
        for (int i = 0; i < steps.size(); i++) {
            String name = steps.get(i);
            Files.writeString(project.resolve("schema.js"), resource(resources + name + ".js"));
            String tag = name.substring(name.indexOf('_') + 1);
            NodePeers.Run run = NodePeers.drizzleKit(project, "generate", "--name", tag);
            String prefix = String.format("%04d", i);
            Path sql = project.resolve("drizzle/" + prefix + "_" + tag + ".sql");
            assertEquals(0, run.exitCode(), run.output());
            assertTrue(Files.exists(sql), "drizzle-kit wrote no " + sql.getFileName() + ":\n" + run.output());
            Schema after = SnapshotCodec.read(Files.readString(project.resolve("drizzle/meta/" + prefix
                    + "_snapshot.json"))).schema();
            result.add(new Step(name, before, after, Files.readString(sql)));
            before = after;
        }
        return result;
    }

    static String resource(String name) throws IOException {
        try (InputStream in = DrizzleKitChain.class.getClassLoader().getResourceAsStream(name)) {
            assertNotNull(in, "missing test resource " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
