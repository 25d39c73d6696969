package io.writerflow.maven.migrations;

import com.fasterxml.jackson.databind.JsonNode;
import io.writerflow.maven.WriterflowException;
import io.writerflow.maven.migrations.DirectoryCheck.Problem;
import io.writerflow.maven.schema.JsonFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@link DirectoryCheck} for drizzle-kit 1.0's layout: every folder is a migration with both files, a valid
 * timestamp of its own and a readable snapshot, and the snapshots form one chain (see {@link SnapshotChain}).
 */
final class FolderCheck {

    private FolderCheck() {
    }

    static List<Problem> check(Path root, String display) {
        List<Problem> problems = new ArrayList<>();
        FolderListing.Scan scan = FolderListing.scan(root, display);
        scan.problems().forEach(e -> problems.add(Problem.of(e)));
        List<SnapshotChain.Node> nodes = new ArrayList<>();
        for (MigrationEntry entry : scan.entries()) {
            if (!Files.isRegularFile(root.resolve(entry.sql()))) {
                problems.add(Problem.of(FolderListing.missingSql(entry, display)));
            }
            header(root, display, entry, problems).ifPresent(h -> nodes.add(new SnapshotChain.Node(entry, h)));
        }
        SnapshotChain.problems(nodes, display).forEach(e -> problems.add(Problem.of(e)));
        for (String file : JournalListing.unlistedSql(root, display, Set.of())) {
            problems.add(new Problem(file + " is outside the migration folders, so no tool will apply it.",
                    "Delete it if it is a leftover; if it is a migration, generate it again with mvn writerflow:generate"
                            + " (hand-written SQL: -Dwriterflow.custom=true) so that it gets a folder and a snapshot."));
        }
        for (String file : strayDowns(root)) {
            problems.add(new Problem(display + "/" + file + " is a down migration outside the migration folders, where"
                    + " the journal layout keeps them ('npx drizzle-kit up' leaves them there), so rollback will not"
                    + " find it.", "Move it into its migration's folder as " + DownFile.FOLDER_FILE + ", or delete it"
                    + " and write the missing ones again with mvn writerflow:generate -Dwriterflow.downs=true."));
        }
        return problems;
    }

    /** {@code NNNN_tag.down.sql} files directly in the directory. */
    private static List<String> strayDowns(Path root) {
        try (java.util.stream.Stream<Path> files = Files.list(root)) {
            return files.map(p -> p.getFileName().toString()).filter(DownFile::isDown).sorted().toList();
        } catch (IOException e) {
            return List.of(); // the listing's own failure is reported where the folders are listed
        }
    }

    /** The snapshot's place in the chain, parsed whole so that malformed JSON anywhere in it is reported. */
    private static Optional<SnapshotHeader> header(Path root, String display, MigrationEntry entry,
            List<Problem> problems) {
        String name = display + "/" + entry.snapshot();
        Path file = root.resolve(entry.snapshot());
        if (!Files.isRegularFile(file)) {
            problems.add(new Problem(name + ", the snapshot of " + entry.tag() + ", is missing (drizzle-kit writes one"
                    + " with every migration; generate compares schema.js with the last one).",
                    "Restore it from version control; if it was never committed, delete " + display + "/" + entry.tag()
                            + " and run mvn writerflow:generate again."));
            return Optional.empty();
        }
        try {
            JsonNode snapshot = JsonFiles.parse(Files.readString(file, StandardCharsets.UTF_8), name);
            Optional<SnapshotHeader> header = SnapshotHeader.of(snapshot);
            if (header.isEmpty()) {
                problems.add(Problem.of(SnapshotHeader.notASnapshot(name)));
            }
            return header;
        } catch (IOException e) {
            problems.add(new Problem("Cannot read " + name + ": " + e.getMessage() + ".", "Check that the file is readable."));
        } catch (WriterflowException e) {
            problems.add(Problem.of(e));
        }
        return Optional.empty();
    }
}
