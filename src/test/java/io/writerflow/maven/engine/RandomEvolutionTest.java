package io.writerflow.maven.engine;

import io.writerflow.maven.diff.Renames;
import io.writerflow.maven.diff.SchemaBuilder.ColumnBuilder;
import io.writerflow.maven.diff.SchemaBuilder.TableBuilder;
import io.writerflow.maven.diff.SchemaDiff;
import io.writerflow.maven.engine.drift.Drift;
import io.writerflow.maven.engine.rollback.RollbackRequest;
import io.writerflow.maven.migrations.DownFile;
import io.writerflow.maven.migrations.MigrationPrefix;
import io.writerflow.maven.migrations.MigrationWriter;
import io.writerflow.maven.migrations.WrittenMigration;
import io.writerflow.maven.plan.DownPlanner;
import io.writerflow.maven.plan.MigrationSql;
import io.writerflow.maven.plan.Plan;
import io.writerflow.maven.plan.SqlitePlanner;
import io.writerflow.maven.schema.Schema;
import io.writerflow.maven.schema.Snapshot;
import io.writerflow.maven.schema.SnapshotCodec;
import io.writerflow.maven.schema.Table;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;

import static io.writerflow.maven.diff.SchemaBuilder.col;
import static io.writerflow.maven.diff.SchemaBuilder.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Random schema evolutions, each migration rebuilding two or more tables that reference each other, applied to a
 * database with rows, hand-written triggers, indexes and views, and AUTOINCREMENT tables whose highest ids were
 * deleted: on the embedded file and on the Turso server with foreign keys on and off. After every migration each row is still there, each hand-written object exists
 * unchanged and still works, ids are not handed out again, and the schema is the snapshot's. The same evolutions
 * with the down migrations generate writes ({@link DownPlanner}, {@link DownFile}) are then rolled back one
 * migration at a time through {@link MigrationEngine#rollback} and applied again, with the same checks at every
 * point. The seeds are fixed: a failure names its seed and step, and repeats.
 */
class RandomEvolutionTest {

    private static final long[] SEEDS = {11, 23, 47};
    private static final int STEPS = 3;
    private static final List<String> TABLES = List.of("t0", "t1", "t2", "t3");
    /** Which column of each table references which table (ON DELETE cascade, or no action for t2). */
    private static final Map<String, String> PARENTS = Map.of("t1", "t0", "t2", "t0", "t3", "t1");
    private static final List<String> TYPES = List.of("text", "integer", "real");

    @TempDir
    Path projects;

    @ParameterizedTest
    @EnumSource(ApplyTarget.Kind.class)
    void randomEvolutionsRebuildingSeveralTablesPerMigrationKeepRowsAndHandWrittenObjects(ApplyTarget.Kind kind)
            throws Exception {
        for (long seed : SEEDS) {
            Path project = Files.createDirectories(projects.resolve("seed-" + seed));
            try (ApplyTarget target = ApplyTarget.start(kind, new MigrationFixture(project))) {
                new Evolution(seed, project.resolve("drizzle"), target, false).run();
            }
        }
    }

    /**
     * Up through the evolution, then each migration rolled back by its down migration (rebuilding the tables its up
     * migration rebuilt, on the server with foreign keys on too, where a rebuilt parent must not cascade), rows
     * written at every point, then everything applied again. After every rollback each row is there with every
     * value (as the column's type changed back holds it), the hand-written objects are unchanged and work, ids are
     * not handed out again, and the schema is the previous snapshot's; after the final apply all of that holds for
     * the last snapshot.
     */
    @ParameterizedTest
    @EnumSource(value = ApplyTarget.Kind.class, names = {"FILE", "TURSO_FOREIGN_KEYS_ON"})
    void randomEvolutionsRolledBackOneByOneAndAppliedAgainKeepEveryRowAndValue(ApplyTarget.Kind kind)
            throws Exception {
        for (long seed : SEEDS) {
            Path project = Files.createDirectories(projects.resolve("seed-" + seed));
            try (ApplyTarget target = ApplyTarget.start(kind, new MigrationFixture(project))) {
                Evolution evolution = new Evolution(seed, project.resolve("drizzle"), target, true);
                evolution.run();
                evolution.rollBackOneByOneAndApplyAgain();
            }
        }
    }

    /** One seed's evolution: its schema, its rows as they must be, and the target. */
    private static final class Evolution {

        private final long seed;
        private final Random random;
        private final Path drizzle;
        private final ApplyTarget target;
        /** Whether each migration gets its down migration, as generate writes it. */
        private final boolean downs;
        /** The tags written so far, oldest first. */
        private final List<String> tags = new ArrayList<>();
        /** Per table, per column: type, NOT NULL, default (null for none). */
        private final Map<String, Map<String, String[]>> columns = new TreeMap<>();
        private final Map<String, Boolean> autoincrement = new LinkedHashMap<>();
        private final Map<String, List<String>> rows = new TreeMap<>();
        /** The highest id each table ever handed out: an AUTOINCREMENT table never hands it out again. */
        private final Map<String, Long> highest = new TreeMap<>();
        private Schema schema = Schema.EMPTY;
        private String snapshotId = Snapshot.ORIGIN;
        private int migrations;
        private int inserted;

        Evolution(long seed, Path drizzle, ApplyTarget target, boolean downs) {
            this.seed = seed;
            this.random = new Random(seed);
            this.drizzle = drizzle;
            this.target = target;
            this.downs = downs;
        }

        /** After {@link #run()}: each migration after the first rolled back, newest first, then all applied again. */
        void rollBackOneByOneAndApplyAgain() throws Exception {
            List<String> objects = handWrittenObjects();
            for (int step = STEPS; step >= 1; step--) {
                String at = "seed " + seed + ", rolling back step " + step + " (" + target + ")";
                Map<String, List<List<String>>> before = values();
                MigrationEngine engine = target.engine();
                // accepted: a down migration that narrows a type or makes a column NOT NULL says it may lose values;
                // these rows hold no NULLs and only numbers every type keeps, so none may be lost
                ApplyResult undone = engine.rollback(engine.loadDirectory(), RollbackRequest.last(1, true), m -> { });
                assertEquals(List.of(tags.get(step)), undone.applied().stream()
                        .map(ApplyResult.AppliedMigration::tag).toList(), at + ": rolled back");
                assertEquals(Optional.of(tags.get(step - 1)), undone.current(), at + ": where the database is");
                assertKept(before, objects, at);
                StatusReport status = target.status();
                assertEquals(step, status.count(MigrationState.APPLIED), at + ": applied");
                assertEquals(STEPS + 1 - step, status.count(MigrationState.PENDING), at + ": pending");
                addRows(1);
                assertEquals(List.of(String.valueOf(inserted)), target.query("SELECT sum(n) FROM hw_counts"),
                        at + ": the counting triggers fired for every row");
            }
            String at = "seed " + seed + ", applied again (" + target + ")";
            Map<String, List<List<String>>> before = values();
            assertEquals(tags.subList(1, tags.size()), target.apply().applied().stream()
                    .map(ApplyResult.AppliedMigration::tag).toList(), at + ": applied");
            assertKept(before, objects, at);
            assertEquals(STEPS + 1, target.status().count(MigrationState.APPLIED), at + ": applied");
            addRows(1);
        }

        /** Every row with every value as before, the rows written so far, the hand-written objects, no drift. */
        private void assertKept(Map<String, List<List<String>>> before, List<String> objects, String at)
                throws Exception {
            assertEquals(before, values(), at + ": every row and value");
            for (String t : TABLES) {
                assertEquals(rows.get(t), target.query("SELECT id || ' ' || label FROM " + t + " ORDER BY id"),
                        at + ": rows of " + t);
            }
            assertEquals(objects, handWrittenObjects(), at + ": hand-written objects");
            List<Drift> drift = target.status().drift().differences().stream()
                    .filter(d -> !d.object().contains("hw_")).toList();
            assertEquals(List.of(), drift, at + ": drift from the snapshot");
        }

        /**
         * Every value of every table (and of sqlite_sequence, so that a rebuild that forgot the sequence shows), a
         * number as its value whatever its storage class: a type changed there and back holds 3 as 3, 3.0 or '3.0'.
         */
        private Map<String, List<List<String>>> values() throws Exception {
            Map<String, List<List<String>>> values = new TreeMap<>();
            try (Connection c = target.connect(); Statement s = c.createStatement()) {
                for (String t : TABLES) {
                    values.put(t, values(s, "SELECT * FROM " + t + " ORDER BY id"));
                }
                values.put("sqlite_sequence", values(s, "SELECT name, seq FROM sqlite_sequence ORDER BY name"));
            }
            return values;
        }

        private static List<List<String>> values(Statement s, String sql) throws Exception {
            List<List<String>> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery(sql)) {
                while (rs.next()) {
                    List<String> row = new ArrayList<>();
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        String v = rs.getString(i);
                        try {
                            row.add(v == null ? null : new BigDecimal(v).stripTrailingZeros().toPlainString());
                        } catch (NumberFormatException notANumber) {
                            row.add(v);
                        }
                    }
                    rows.add(row);
                }
            }
            return rows;
        }

        void run() throws Exception {
            for (String t : TABLES) {
                autoincrement.put(t, random.nextBoolean());
                Map<String, String[]> cs = new LinkedHashMap<>();
                cs.put("c1", randomColumn());
                cs.put("c2", randomColumn());
                columns.put(t, cs);
            }
            migrate("init", 0);
            handWritten();
            List<String> objects = handWrittenObjects();
            addRows(4);
            for (int step = 1; step <= STEPS; step++) {
                List<String> changed = new ArrayList<>(TABLES);
                java.util.Collections.shuffle(changed, random);
                for (String t : changed.subList(0, 2 + random.nextInt(TABLES.size() - 1))) {
                    mutate(t);
                }
                migrate("step_" + step, 2);
                String at = "seed " + seed + ", step " + step + " (" + target + ")";
                for (String t : TABLES) {
                    assertEquals(rows.get(t), target.query("SELECT id || ' ' || label FROM " + t + " ORDER BY id"),
                            at + ": rows of " + t);
                }
                assertEquals(objects, handWrittenObjects(), at + ": hand-written objects");
                List<Drift> drift = target.status().drift().differences().stream()
                        .filter(d -> !d.object().contains("hw_")).toList();
                assertEquals(List.of(), drift, at + ": drift from the snapshot");
                addRows(2);
                assertEquals(List.of(String.valueOf(inserted)),
                        target.query("SELECT sum(n) FROM hw_counts"), at + ": the counting triggers fired for every row");
            }
        }

        /** Their SQL with whitespace runs as one space: the Turso server lays out a trigger's body anew. */
        private List<String> handWrittenObjects() throws Exception {
            return target.query(HAND_WRITTEN_OBJECTS).stream().map(o -> o.replaceAll("\\s+", " ")).toList();
        }

        private String[] randomColumn() {
            String type = TYPES.get(random.nextInt(TYPES.size()));
            boolean notNull = random.nextBoolean();
            return new String[] {type, String.valueOf(notNull), notNull || random.nextBoolean() ? defaultOf(type) : null};
        }

        private String defaultOf(String type) {
            return switch (type) {
                case "integer" -> String.valueOf(random.nextInt(100));
                case "real" -> random.nextInt(100) + ".5";
                default -> "'d" + random.nextInt(100) + "'";
            };
        }

        /** A change ALTER TABLE cannot make: nullability, default or type of c1 or c2. */
        private void mutate(String t) {
            String[] c = columns.get(t).get(random.nextBoolean() ? "c1" : "c2");
            switch (random.nextInt(3)) {
                case 0 -> {
                    boolean notNull = !Boolean.parseBoolean(c[1]);
                    c[1] = String.valueOf(notNull);
                    if (notNull) {
                        c[2] = defaultOf(c[0]);
                    }
                }
                case 1 -> {
                    String before = c[2];
                    while (java.util.Objects.equals(before, c[2])) {
                        c[2] = defaultOf(c[0]);
                    }
                }
                default -> {
                    c[0] = TYPES.get((TYPES.indexOf(c[0]) + 1) % TYPES.size());
                    c[2] = c[2] == null ? null : defaultOf(c[0]);
                }
            }
        }

        private Schema schema() {
            List<Table> tables = new ArrayList<>();
            for (String t : TABLES) {
                ColumnBuilder id = col("id", "integer").pk();
                List<ColumnBuilder> cs = new ArrayList<>(List.of(autoincrement.get(t) ? id.autoincrement() : id,
                        col("label", "text").notNull().def("''")));
                if (PARENTS.containsKey(t)) {
                    cs.add(col("parent_id", "integer"));
                }
                columns.get(t).forEach((name, c) -> {
                    ColumnBuilder b = col(name, c[0]);
                    b = Boolean.parseBoolean(c[1]) ? b.notNull() : b;
                    cs.add(c[2] == null ? b : b.def(c[2]));
                });
                TableBuilder builder = table(t).columns(cs.toArray(ColumnBuilder[]::new)).index(t + "_label_idx", "label");
                if (PARENTS.containsKey(t)) {
                    builder = builder.fk("parent_id", PARENTS.get(t), "id", t.equals("t2") ? "no action" : "cascade");
                }
                tables.add(builder.build());
            }
            return new Schema(tables, List.of());
        }

        /** Plans and writes the next migration (drizzle-kit's layout, with its snapshot), then applies it. */
        private void migrate(String name, int rebuilds) throws Exception {
            Schema next = schema();
            String sql = MigrationSql.render(SqlitePlanner.plan(schema, next,
                    SchemaDiff.diff(schema, next, Renames.NONE, false)));
            long drops = sql.lines().filter(l -> l.startsWith("DROP TABLE")).count();
            assertTrue(drops >= rebuilds, "seed " + seed + ": " + name + " rebuilds " + drops + " tables:\n" + sql);
            String id = java.util.UUID.nameUUIDFromBytes((seed + name).getBytes()).toString();
            Snapshot snapshot = new Snapshot(id, snapshotId, next, Snapshot.Renames.NONE);
            Optional<java.util.function.Function<String, String>> down = Optional.empty();
            if (downs) {
                // as generate writes it: planned from the two snapshots, rendered with its losses
                Plan plan = DownPlanner.plan(schema, snapshot);
                List<DownFile.Step> steps = plan.statements().stream().map(s -> new DownFile.Step(s.sql(),
                        s.dataLoss().map(n -> n.lines().toList()).orElse(List.of()), s.losses())).toList();
                Optional<String> previous = tags.isEmpty() ? Optional.empty() : Optional.of(tags.get(tags.size() - 1));
                down = Optional.of(tag -> DownFile.render(tag, previous, steps));
            }
            WrittenMigration written = MigrationWriter.write(drizzle, name, sql, SnapshotCodec.write(snapshot),
                    1_700_000_000_000L + migrations++, MigrationPrefix.INDEX, true, down);
            tags.add(written.entry().tag());
            schema = next;
            snapshotId = id;
            target.apply();
        }

        private void handWritten() throws Exception {
            List<String> sql = new ArrayList<>(List.of("CREATE TABLE hw_counts (t text PRIMARY KEY, n integer NOT NULL)"));
            for (String t : TABLES) {
                sql.add("INSERT INTO hw_counts VALUES ('" + t + "', 0)");
                sql.add("CREATE INDEX hw_" + t + "_lower_label ON " + t + " (lower(label))");
                sql.add("CREATE TRIGGER hw_" + t + "_count AFTER INSERT ON " + t + " BEGIN UPDATE hw_counts"
                        + " SET n = n + 1 WHERE t = '" + t + "'; END");
                sql.add("CREATE VIEW hw_" + t + "_labels AS SELECT id, label FROM " + t);
            }
            sql.add("CREATE VIEW hw_t1_with_t0 AS SELECT a.id, b.label FROM hw_t1_labels a JOIN t0 b ON b.id = a.id");
            sql.add("CREATE TRIGGER hw_t3_touch AFTER UPDATE OF label ON t3 BEGIN UPDATE t1 SET label = label"
                    + " WHERE id = new.parent_id; END");
            target.execute(sql.toArray(String[]::new));
        }

        /**
         * {@code n} rows per table, children pointing at existing parents; in AUTOINCREMENT tables the row with the
         * highest id is deleted again (with the children it has none of yet), so the sequence is ahead of the rows.
         */
        private void addRows(int n) throws Exception {
            for (String t : TABLES) {
                List<String> ids = target.query("SELECT id FROM " + (PARENTS.getOrDefault(t, "t0")) + " ORDER BY id");
                for (int i = 0; i < n; i++) {
                    String label = "r" + seed + "_" + random.nextInt(1_000_000);
                    StringBuilder columns = new StringBuilder("label");
                    StringBuilder values = new StringBuilder("'" + label + "'");
                    if (PARENTS.containsKey(t)) {
                        columns.append(", parent_id");
                        values.append(", ").append(ids.get(random.nextInt(ids.size())));
                    }
                    for (Map.Entry<String, String[]> c : this.columns.get(t).entrySet()) {
                        columns.append(", ").append(c.getKey());
                        values.append(", ").append(c.getValue()[0].equals("text") ? "'v" + i + "'" : String.valueOf(i));
                    }
                    target.execute("INSERT INTO " + t + " (" + columns + ") VALUES (" + values + ")");
                    inserted++;
                    String id = target.query("SELECT id FROM " + t + " WHERE label = '" + label + "'").get(0);
                    if (autoincrement.get(t)) {
                        assertTrue(Long.parseLong(id) > highest.getOrDefault(t, 0L), "seed " + seed + ": " + t
                                + " handed out id " + id + " again (highest so far " + highest.get(t) + ")");
                    }
                    highest.merge(t, Long.parseLong(id), Math::max);
                    rows.computeIfAbsent(t, k -> new ArrayList<>()).add(id + " " + label);
                }
                if (autoincrement.get(t) && rows.get(t).size() > 1 && !PARENTS.containsValue(t)) {
                    List<String> own = rows.get(t);
                    String last = own.remove(own.size() - 1);
                    target.execute("DELETE FROM " + t + " WHERE id = " + last.substring(0, last.indexOf(' ')));
                }
                rows.get(t).sort(Comparator.comparingLong(r -> Long.parseLong(r.substring(0, r.indexOf(' ')))));
            }
        }
    }

    private static final String HAND_WRITTEN_OBJECTS = "SELECT type || ' ' || name || ': ' || sql FROM sqlite_master"
            + " WHERE name LIKE 'hw\\_%' ESCAPE '\\' ORDER BY type, name";
}
