package io.writerflow.maven.generate;

import io.writerflow.maven.WriterflowException;
import io.writerflow.maven.migrations.DownFile;
import io.writerflow.maven.migrations.MigrationEntry;
import io.writerflow.maven.migrations.MigrationLayout;
import io.writerflow.maven.plan.DownPlanner;
import io.writerflow.maven.plan.Plan;
import io.writerflow.maven.schema.Loss;
import io.writerflow.maven.schema.Schema;
import io.writerflow.maven.schema.Snapshot;
import io.writerflow.maven.schema.SnapshotFormat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The missing down migrations of a directory's existing migrations ({@code -Dwriterflow.downs=true}), each planned
 * from its snapshot back to the one before, as generate plans a new migration's. A migration whose snapshot is
 * the one before it changed no schema: it is hand-written SQL (drizzle-kit's {@code --custom}, or the plugin's),
 * and gets the template to fill in. Down migrations that exist are left as they are.
 */
public final class DownBackfill {

    /**
     * A down migration written.
     *
     * @param template whether it is the template of a hand-written migration, to fill in
     * @param losses   the tables and columns whose data it destroys
     */
    public record Written(MigrationEntry entry, Path file, boolean template, List<Loss> losses) {
        public Written {
            losses = List.copyOf(losses);
        }
    }

    private DownBackfill() {
    }

    /**
     * @param root    the drizzle directory
     * @param display how messages name it
     * @throws WriterflowException when a snapshot the plan needs is missing or unreadable, naming it; the down
     *                             migrations written before it stay
     */
    public static List<Written> write(Path root, String display) {
        List<MigrationEntry> entries = MigrationLayout.entries(root, display);
        List<Written> written = new ArrayList<>();
        Optional<Snapshot> previous = Optional.empty();
        for (int i = 0; i < entries.size(); i++) {
            MigrationEntry entry = entries.get(i);
            if (Files.exists(root.resolve(entry.down()))) {
                previous = Optional.empty(); // read only when the next one needs it
                continue;
            }
            MigrationEntry before = i == 0 ? null : entries.get(i - 1);
            Schema from = before == null ? Schema.EMPTY
                    : previous.orElseGet(() -> snapshot(root, display, before)).schema();
            Snapshot current = snapshot(root, display, entry);
            Optional<String> previousTag = i == 0 ? Optional.empty() : Optional.of(entries.get(i - 1).tag());
            if (DownPlanner.changes(from, current).isEmpty()) {
                Path file = DownFile.write(root, entry, DownText.custom(previousTag).apply(entry.tag()));
                written.add(new Written(entry, file, true, List.of()));
            } else {
                Plan plan = DownPlanner.plan(from, current);
                Path file = DownFile.write(root, entry, DownText.planned(plan, previousTag, display + "/"
                        + entry.snapshot()).apply(entry.tag()));
                written.add(new Written(entry, file, false, plan.statements().stream()
                        .flatMap(s -> s.losses().stream()).distinct().toList()));
            }
            previous = Optional.of(current);
        }
        return written;
    }

    private static Snapshot snapshot(Path root, String display, MigrationEntry entry) {
        String name = display + "/" + entry.snapshot();
        try {
            return SnapshotFormat.read(Files.readString(root.resolve(entry.snapshot()), StandardCharsets.UTF_8), name);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new WriterflowException(name + ", the snapshot of " + entry.tag() + ", is missing, so its down"
                    + " migration cannot be planned.", "Restore it from version control, then generate again.");
        } catch (IOException e) {
            throw new WriterflowException("Cannot read " + name + ": " + e.getMessage() + ".",
                    "Check that the file is readable.", e);
        }
    }
}
