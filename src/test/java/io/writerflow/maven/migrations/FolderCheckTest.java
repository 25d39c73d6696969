package io.writerflow.maven.migrations;

import io.writerflow.maven.migrations.DirectoryCheck.Problem;
import io.writerflow.maven.schema.Snapshot;
import io.writerflow.maven.testing.DrizzleDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** writerflow:check on a directory in drizzle-kit 1.0's layout: every problem at once, each with what to do. */
class FolderCheckTest {

    @TempDir
    Path dir;

    /** A migration folder whose snapshot has {@code id} and follows {@code parents}. */
    private void folder(String name, String id, String... parents) throws Exception {
        String prevIds = java.util.Arrays.stream(parents).map(p -> "\"" + p + "\"").collect(Collectors.joining(","));
        DrizzleDirectory.folders(dir).migration(name, "CREATE TABLE t_" + id + "(x);").snapshot(name, "{\n  \"version\":"
                + " \"7\",\n  \"dialect\": \"sqlite\",\n  \"id\": \"" + id + "\",\n  \"prevIds\": [" + prevIds + "],\n"
                + "  \"ddl\": [],\n  \"renames\": []\n}");
    }

    private void consistent() throws Exception {
        folder("20261202140057_init", "a", Snapshot.ORIGIN);
        folder("20261202140100_tags", "b", "a");
        folder("20261202140200_slugs", "c", "b");
    }

    private List<Problem> check() {
        return DirectoryCheck.check(dir, "drizzle");
    }

    private static String text(List<Problem> problems) {
        return problems.stream().map(Problem::toString).collect(Collectors.joining("\n"));
    }

    @Test
    void aChainOfFoldersAsDrizzleKitLeavesItHasNoProblem() throws Exception {
        consistent();
        assertEquals(List.of(), check());
    }

    @Test
    void missingFilesAndMalformedSnapshotsAreAllNamed() throws Exception {
        consistent();
        Files.delete(dir.resolve("20261202140057_init/migration.sql"));
        Files.delete(dir.resolve("20261202140100_tags/snapshot.json"));
        Files.writeString(dir.resolve("20261202140200_slugs/snapshot.json"), "{\n  \"version\": \"7\",\n  \"id\": \"c\"\n"
                + "  \"prevIds\": [\"b\"]\n}");

        List<Problem> problems = check();

        assertEquals(3, problems.size(), text(problems));
        assertEquals("drizzle/20261202140057_init has no migration.sql, so it is not a migration drizzle or the plugin"
                + " can apply.", problems.get(0).problem());
        assertTrue(problems.get(1).problem().startsWith("drizzle/20261202140100_tags/snapshot.json, the snapshot of"
                + " 20261202140100_tags, is missing"), text(problems));
        assertTrue(problems.get(1).nextStep().contains("delete drizzle/20261202140100_tags and run mvn"
                + " writerflow:generate again"), text(problems));
        assertTrue(problems.get(2).problem().startsWith("drizzle/20261202140200_slugs/snapshot.json:4:"), text(problems));
        assertTrue(problems.get(2).nextStep().contains("git checkout -- drizzle/20261202140200_slugs/snapshot.json"),
                text(problems));
    }

    /** Two branches each generated a migration on b: git merges the folders without a conflict. */
    @Test
    void twoEndsOfTheChainAreTwoBranchesToReconcile() throws Exception {
        consistent();
        folder("20261202140300_from_main", "d", "c");
        folder("20261202140301_from_branch", "e", "c");

        List<Problem> problems = check();

        assertEquals(1, problems.size(), text(problems));
        assertEquals("drizzle/20261202140300_from_main and drizzle/20261202140301_from_branch each end the chain of"
                + " snapshots (no later snapshot follows them): two branches each generated a migration without the"
                + " other's.", problems.get(0).problem());
        assertTrue(problems.get(0).nextStep().startsWith("Of 20261202140300_from_main and 20261202140301_from_branch,"
                + " keep the one merged first"), text(problems));

        // a migration that drizzle-kit 1.0 generated on both ends merges them
        folder("20261202140400_merged", "f", "d", "e");
        assertEquals(List.of(), check());
    }

    @Test
    void aParentNoFolderHasAndAParentThatSortsLater() throws Exception {
        folder("20261202140057_init", "a", Snapshot.ORIGIN);
        folder("20261202140100_tags", "b", "gone");
        folder("20261202140150_early", "x", "c");
        folder("20261202140200_slugs", "c", "b");

        String all = text(check());

        assertTrue(all.contains("drizzle/20261202140100_tags/snapshot.json follows snapshot gone, which no migration"
                + " folder has: the chain of snapshots is broken."), all);
        assertTrue(all.contains("drizzle/20261202140150_early sorts before drizzle/20261202140200_slugs, whose snapshot"
                + " it follows, so it would be applied first (drizzle-kit 1.0 names two migrations generated within"
                + " one second so)."), all);
    }

    @Test
    void aMisnamedFolderAndStraySqlAreNamedTogether() throws Exception {
        consistent();
        folder("add_tags", "y", "c");
        Files.writeString(dir.resolve("seed.sql"), "INSERT INTO t VALUES (1);");

        String all = text(check());

        assertTrue(all.contains("drizzle/add_tags has a migration.sql but its name does not start with a timestamp"), all);
        assertTrue(all.contains("drizzle/seed.sql is outside the migration folders, so no tool will apply it."), all);
    }

    @Test
    void bothLayoutsInOneDirectoryIsTheOneProblem() throws Exception {
        consistent();
        Files.createDirectories(dir.resolve("meta"));
        Files.writeString(dir.resolve("meta/_journal.json"), "{\"entries\":[]}");

        List<Problem> problems = check();

        assertEquals(1, problems.size(), text(problems));
        assertTrue(problems.get(0).problem().startsWith("drizzle mixes two layouts"), text(problems));
    }
}
