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

class DirectoryCheckTest {

    @TempDir
    Path dir;

    /** A journal with these (idx, tag) entries, in this order. */
    private void journal(Object... idxAndTag) throws Exception {
        DrizzleDirectory journal = DrizzleDirectory.journal(dir);
        for (int i = 0; i < idxAndTag.length; i += 2) {
            journal.entry((Integer) idxAndTag[i], (String) idxAndTag[i + 1]);
        }
    }

    private void sql(String tag) throws Exception {
        Files.writeString(dir.resolve(tag + ".sql"), "CREATE TABLE t_" + tag + "(x);");
    }

    private void snapshot(String prefix, String id, String prevId) throws Exception {
        Files.createDirectories(dir.resolve("meta"));
        Files.writeString(dir.resolve("meta/" + prefix + "_snapshot.json"), "{\"version\":\"6\",\"dialect\":\"sqlite\","
                + "\"id\":\"" + id + "\",\"prevId\":\"" + prevId + "\",\"tables\":{},\"views\":{},\"enums\":{}}");
    }

    /** Three migrations as drizzle-kit leaves them: journal, files, a chain of snapshots. */
    private void consistent() throws Exception {
        journal(0, "0000_init", 1, "0001_tags", 2, "0002_slugs");
        sql("0000_init");
        sql("0001_tags");
        sql("0002_slugs");
        snapshot("0000", "a", Snapshot.ORIGIN);
        snapshot("0001", "b", "a");
        snapshot("0002", "c", "b");
    }

    private List<Problem> check() {
        return DirectoryCheck.check(dir, "drizzle");
    }

    private static String text(List<Problem> problems) {
        return problems.stream().map(Problem::toString).collect(Collectors.joining("\n"));
    }

    @Test
    void consistentDirectoryHasNoProblems() throws Exception {
        consistent();
        assertEquals(List.of(), check());
    }

    @Test
    void missingDirectoryOrEmptyOneHasNothingToDisagreeAbout() throws Exception {
        assertEquals(List.of(), DirectoryCheck.check(dir.resolve("absent"), "absent"));
        assertEquals(List.of(), check());
    }

    @Test
    void filesWithoutJournal() throws Exception {
        sql("0000_init");
        List<Problem> problems = check();
        assertEquals(1, problems.size(), text(problems));
        assertTrue(problems.get(0).problem().startsWith("drizzle/meta/_journal.json is missing"), text(problems));
    }

    @Test
    void entryWithoutItsSql() throws Exception {
        consistent();
        Files.delete(dir.resolve("0001_tags.sql"));
        List<Problem> problems = check();
        assertEquals(1, problems.size(), text(problems));
        assertTrue(problems.get(0).problem().contains("lists 0001_tags (idx 1) but drizzle/0001_tags.sql does not exist"),
                text(problems));
    }

    @Test
    void sqlNotInTheJournal() throws Exception {
        consistent();
        sql("0003_stray");
        List<Problem> problems = check();
        assertEquals(1, problems.size(), text(problems));
        assertTrue(problems.get(0).problem().startsWith("drizzle/0003_stray.sql is not listed in drizzle/meta/_journal.json"),
                text(problems));
        assertTrue(problems.get(0).nextStep().contains("mvn writerflow:generate"), text(problems));
    }

    @Test
    void entryWithoutItsSnapshot() throws Exception {
        consistent();
        Files.delete(dir.resolve("meta/0002_snapshot.json"));
        List<Problem> problems = check();
        assertEquals(1, problems.size(), text(problems));
        assertTrue(problems.get(0).problem().startsWith("drizzle/meta/0002_snapshot.json, the snapshot of 0002_slugs,"
                + " is missing"), text(problems));
    }

    @Test
    void snapshotWithoutEntry() throws Exception {
        consistent();
        snapshot("0003", "d", "c");
        List<Problem> problems = check();
        assertEquals(1, problems.size(), text(problems));
        assertTrue(problems.get(0).problem().contains("drizzle/meta/0003_snapshot.json belongs to no entry"),
                text(problems));
    }

    @Test
    void entriesOutOfOrder() throws Exception {
        consistent();
        journal(0, "0000_init", 2, "0002_slugs", 1, "0001_tags");
        List<Problem> problems = check();
        assertTrue(text(problems).contains("entries[1] (0002_slugs) has idx 2 where 1 is expected"), text(problems));
        assertTrue(text(problems).contains("the journal skips an index (after idx 0)"), text(problems));
        journal(1, "0001_tags", 0, "0000_init", 2, "0002_slugs");
        assertTrue(text(check()).contains("it does not start at 0"), text(check()));
        journal(0, "0000_init", 1, "0001_tags", 2, "0002_slugs", 1, "0001_again");
        sql("0001_again");
        assertTrue(text(check()).contains("out of idx order"), text(check()));
    }

    @Test
    void gapInTheJournal() throws Exception {
        consistent();
        journal(0, "0000_init", 1, "0001_tags", 3, "0002_slugs");
        List<Problem> problems = check();
        assertTrue(text(problems).contains("entries[2] (0002_slugs) has idx 3 where 2 is expected: the journal skips"
                + " an index (after idx 1)"), text(problems));
    }

    @Test
    void tagThatDoesNotStartWithItsIdx() throws Exception {
        journal(0, "0000_init", 1, "0005_tags");
        sql("0000_init");
        sql("0005_tags");
        snapshot("0000", "a", Snapshot.ORIGIN);
        snapshot("0005", "b", "a");
        List<Problem> problems = check();
        assertEquals(1, problems.size(), text(problems));
        assertTrue(problems.get(0).problem().contains("the tag 0005_tags of entries[1] does not start with its idx"
                + " (0001_...)"), text(problems));
    }

    @Test
    void tagThatDoesNotMatchTheFileName() throws Exception {
        consistent();
        Files.move(dir.resolve("0002_slugs.sql"), dir.resolve("0002_document_slugs.sql"));
        List<Problem> problems = check();
        assertEquals(1, problems.size(), text(problems));
        assertTrue(problems.get(0).problem().contains("lists 0002_slugs (idx 2) but the file with that index is"
                + " drizzle/0002_document_slugs.sql"), text(problems));
        assertTrue(problems.get(0).nextStep().contains("Rename drizzle/0002_document_slugs.sql back to 0002_slugs.sql"),
                text(problems));
    }

    @Test
    void twoFilesWithTheSameIndex() throws Exception {
        consistent();
        sql("0002_other_branch");
        List<Problem> problems = check();
        assertEquals(1, problems.size(), text(problems));
        Problem p = problems.get(0);
        assertTrue(p.problem().startsWith("Two migrations share the index 0002: drizzle/0002_other_branch.sql and"
                + " drizzle/0002_slugs.sql"), text(problems));
        assertTrue(p.nextStep().contains("keep the one merged first; delete the other's .sql, snapshot and journal"
                + " entry, then run mvn writerflow:generate again"), text(problems));
    }

    @Test
    void twoJournalEntriesWithTheSameIdxAreOneProblemNotAParseError() throws Exception {
        consistent();
        journal(0, "0000_init", 1, "0001_tags", 2, "0002_slugs", 2, "0002_other_branch");
        sql("0002_other_branch");
        List<Problem> problems = check();
        assertEquals(1, problems.size(), text(problems));
        assertTrue(problems.get(0).problem().contains("drizzle/0002_other_branch.sql and drizzle/0002_slugs.sql (2"
                + " entries with idx 2 in drizzle/meta/_journal.json)"), text(problems));
    }

    @Test
    void twoBranchesRenumberedStillForkTheSnapshotChain() throws Exception {
        // branch A added 0002_slugs, branch B 0002_scores; B's was renumbered to 0003 by hand after the merge
        consistent();
        journal(0, "0000_init", 1, "0001_tags", 2, "0002_slugs", 3, "0003_scores");
        sql("0003_scores");
        snapshot("0003", "d", "b");
        List<Problem> problems = check();
        assertEquals(1, problems.size(), text(problems));
        Problem p = problems.get(0);
        assertTrue(p.problem().startsWith("drizzle/meta/0002_snapshot.json (0002_slugs) and"
                + " drizzle/meta/0003_snapshot.json (0003_scores) both follow snapshot b"), text(problems));
        assertTrue(p.nextStep().startsWith("Of 0002_slugs.sql and 0003_scores.sql, keep the one merged first"),
                text(problems));
    }

    @Test
    void brokenChain() throws Exception {
        consistent();
        snapshot("0002", "c", "zzz");
        List<Problem> problems = check();
        assertEquals(1, problems.size(), text(problems));
        assertTrue(problems.get(0).problem().contains("has prevId zzz but the snapshot before it,"
                + " drizzle/meta/0001_snapshot.json, has id b"), text(problems));
    }

    @Test
    void aJournalOfAnotherDialectIsAProblem() throws Exception {
        consistent();
        Files.writeString(dir.resolve("meta/_journal.json"), Files.readString(dir.resolve("meta/_journal.json"))
                .replace("\"dialect\": \"sqlite\"", "\"dialect\": \"postgresql\""));
        List<Problem> problems = DirectoryCheck.check(dir, "drizzle");
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).problem().startsWith("drizzle/meta/_journal.json: \"dialect\" is \"postgresql\""),
                problems.toString());
    }

    @Test
    void malformedJournalIsOneProblemWithTheReadersMessage() throws Exception {
        consistent();
        Files.writeString(dir.resolve("meta/_journal.json"), "{\"entries\":[{\"idx\":\"x\"}]}");
        List<Problem> problems = check();
        assertEquals(1, problems.size(), text(problems));
        assertTrue(problems.get(0).problem().contains("entries[0] needs \"idx\""), text(problems));
    }

    @Test
    void everyProblemAtOnce() throws Exception {
        consistent();
        Files.delete(dir.resolve("0001_tags.sql"));
        Files.delete(dir.resolve("meta/0002_snapshot.json"));
        sql("0007_stray");
        assertEquals(3, check().size(), text(check()));
    }
}
