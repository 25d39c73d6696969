package io.writerflow.maven.rebase;

import io.writerflow.maven.generate.GenerateRequest;
import io.writerflow.maven.generate.GenerateResult;
import io.writerflow.maven.generate.MigrationGenerator;
import io.writerflow.maven.migrations.MigrationLayout;
import io.writerflow.maven.migrations.MigrationPrefix;
import io.writerflow.maven.schema.drizzle.DrizzleSchemaLoader;
import io.writerflow.maven.schema.drizzle.SchemaInput;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** A real git repository holding a drizzle project, for rebase tests: schema.js, drizzle/, branches. */
final class GitProject {

    static final String HEADER = "import { sqliteTable, text, integer } from \"drizzle-orm/sqlite-core\";\n";

    final Path root;
    private final Optional<MigrationLayout> layout;
    private final DrizzleSchemaLoader loader = new DrizzleSchemaLoader();
    private long clock = 1_700_000_000_000L;

    GitProject(Path root, Optional<MigrationLayout> layout) throws Exception {
        this.root = root;
        this.layout = layout;
        git("init", "-q", "-b", "main");
        git("config", "user.name", "Test");
        git("config", "user.email", "test@example.com");
        git("config", "commit.gpgsign", "false");
        // drizzle-kit's peers are linked in after the rebase, never committed
        Files.writeString(root.resolve(".gitignore"), "node_modules\ndrizzle.config.js\n");
    }

    Path drizzle() {
        return root.resolve("drizzle");
    }

    /** Writes schema.js from table declarations and generates the migration for it. */
    GenerateResult generate(String name, String... tables) throws IOException {
        schema(tables);
        return generator(false, name);
    }

    GenerateResult custom(String name, String sql) throws IOException {
        GenerateResult result = generator(true, name);
        Files.writeString(result.written().orElseThrow().sql(), sql);
        return result;
    }

    void schema(String... tables) throws IOException {
        Files.writeString(root.resolve("schema.js"), HEADER + String.join("\n", tables));
    }

    private GenerateResult generator(boolean custom, String name) {
        clock += 60_000;
        return new MigrationGenerator(loader).generate(new GenerateRequest(
                SchemaInput.of(root.resolve("schema.js"), "schema.js"), drizzle(), "drizzle", Optional.of(name), custom,
                "", false, clock, layout, MigrationPrefix.INDEX, true, true));
    }

    void commitAll(String message) throws Exception {
        git("add", "-A");
        git("commit", "-q", "-m", message);
    }

    /** Runs git; fails the test when it fails, unless {@code mayFail}. */
    String git(String... args) throws Exception {
        return run(false, args);
    }

    String gitMayFail(String... args) throws Exception {
        return run(true, args);
    }

    private String run(boolean mayFail, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(60, TimeUnit.SECONDS);
        if (p.exitValue() != 0 && !mayFail) {
            throw new AssertionError("git " + String.join(" ", args) + " failed: " + out);
        }
        return out;
    }

    /**
     * Merges main into the current branch as a user does when two journals conflict: main's side of drizzle/,
     * schema.js written merged, committed.
     */
    void mergeMainTakingMainsDrizzle(String... mergedTables) throws Exception {
        gitMayFail("merge", "--no-edit", "main");
        gitMayFail("checkout", "--theirs", "--", "drizzle");
        schema(mergedTables);
        git("add", "-A");
        git("commit", "-q", "--no-edit");
    }
}
