package io.writerflow.maven.engine.steps;

import io.writerflow.maven.migrations.MigrationStatements;
import io.writerflow.maven.migrations.Statement;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The table rebuilds of one migration and the statements around them, found in one pass over its statements.
 * A rebuild is SQLite's way to change a table that ALTER TABLE cannot: {@code DROP TABLE t} followed later by
 * {@code ALTER TABLE x RENAME TO t} (drizzle-kit and the plugin write {@code x} as {@code __new_t}, created
 * and filled just before). Whoever wrote the file, that pair is what loses t's triggers, indexes and
 * sequence, and what SQLite refuses while a view or another table's trigger reads t.
 */
public final class RebuildScan {

    /**
     * One rebuild.
     *
     * @param drop   the 0-based index of {@code DROP TABLE table}
     * @param rename the 0-based index of {@code ALTER TABLE replacement RENAME TO table}
     */
    record Rebuild(String table, String replacement, int drop, int rename) {
    }

    /** A statement that creates or drops a named object, by 0-based index. */
    private record Mention(int index, boolean creates) {
    }

    private final List<Rebuild> rebuilds;
    private final Map<String, List<Mention>> mentions;
    private final List<Map.Entry<Integer, String>> drops;

    private RebuildScan(List<Rebuild> rebuilds, Map<String, List<Mention>> mentions,
            List<Map.Entry<Integer, String>> drops) {
        this.rebuilds = rebuilds;
        this.mentions = mentions;
        this.drops = drops;
    }

    static RebuildScan of(MigrationStatements statements) {
        List<Map.Entry<Integer, String>> droppedTables = new ArrayList<>();
        List<Rebuild> rebuilds = new ArrayList<>();
        Map<String, List<Mention>> mentions = new HashMap<>();
        List<Map.Entry<Integer, String>> drops = new ArrayList<>();
        statements.forEach((Statement s) -> {
            int index = s.number() - 1;
            StatementShape shape = StatementShape.of(s.sql());
            if (shape instanceof StatementShape.DropTable d) {
                droppedTables.add(Map.entry(index, d.table()));
                drops.add(Map.entry(index, d.table()));
                mention(mentions, d.table(), index, false);
            } else if (shape instanceof StatementShape.Drop d) {
                drops.add(Map.entry(index, d.name()));
                mention(mentions, d.name(), index, false);
            } else if (shape instanceof StatementShape.Create c) {
                mention(mentions, c.name(), index, true);
            } else if (shape instanceof StatementShape.RenameTable r) {
                // the latest drop of that name not yet paired with a rename
                for (int i = droppedTables.size() - 1; i >= 0; i--) {
                    Map.Entry<Integer, String> dropped = droppedTables.get(i);
                    if (dropped.getValue().equalsIgnoreCase(r.to())) {
                        rebuilds.add(new Rebuild(dropped.getValue(), r.from(), dropped.getKey(), index));
                        droppedTables.remove(i);
                        break;
                    }
                }
                mention(mentions, r.from(), index, false);
                mention(mentions, r.to(), index, true);
            }
        });
        return new RebuildScan(List.copyOf(rebuilds), mentions, List.copyOf(drops));
    }

    private static void mention(Map<String, List<Mention>> mentions, String name, int index, boolean creates) {
        mentions.computeIfAbsent(key(name), k -> new ArrayList<>()).add(new Mention(index, creates));
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    boolean isEmpty() {
        return rebuilds.isEmpty();
    }

    /** The rebuild whose {@code DROP TABLE} is statement {@code index}. */
    Optional<Rebuild> droppingAt(int index) {
        return rebuilds.stream().filter(r -> r.drop() == index).findFirst();
    }

    /**
     * Whether the next statement after {@code index} that creates or drops an object called {@code name}
     * creates it: then the migration defines that object itself, and apply leaves it to the migration.
     */
    boolean createsNext(String name, int index) {
        return mentions.getOrDefault(key(name), List.of()).stream().filter(m -> m.index() > index).findFirst()
                .map(Mention::creates).orElse(false);
    }

    /** The names statements before {@code index} drop (tables, views, indexes, triggers), in order. */
    List<String> droppedBefore(int index) {
        return drops.stream().filter(d -> d.getKey() < index).map(Map.Entry::getValue).toList();
    }
}
