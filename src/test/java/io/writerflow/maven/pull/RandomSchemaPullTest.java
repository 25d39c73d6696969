package io.writerflow.maven.pull;

import io.writerflow.maven.schema.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Databases built by random schema evolutions (created, then evolved with rebuilds, as apply would), pulled: the
 * code reads back as each database and generate on it has nothing to do. Seeds are fixed, so a failure repeats.
 */
class RandomSchemaPullTest {

    private static final long[] SEEDS = {11, 23, 47, 101, 2024};

    @TempDir
    Path projects;

    @Test
    void randomlyEvolvedDatabasesRoundTrip() throws Exception {
        for (long seed : SEEDS) {
            Path project = Files.createDirectories(projects.resolve("seed-" + seed));
            PullFixture fixture = new PullFixture(project);
            RandomSchemas random = new RandomSchemas(seed, 5);
            Schema schema = Schema.EMPTY;
            for (int step = 0; step < 3; step++) {
                Schema next = random.next();
                fixture.execute("PRAGMA foreign_keys=OFF");
                fixture.execute(RandomSchemas.statements(schema, next).stream().map(String::strip)
                        .filter(s -> !s.isEmpty()).toArray(String[]::new));
                schema = next;
            }
            fixture.pullAndCheck(seed % 2 == 0 ? "src/lib/db/schema.ts" : "src/lib/db/schema.js",
                    seed % 2 == 0 ? PullLanguage.TS : PullLanguage.JS);
        }
    }
}
