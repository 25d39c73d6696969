package io.writerflow.maven.rebase;

import io.writerflow.maven.WriterflowException;
import io.writerflow.maven.diff.RenameMeta;
import io.writerflow.maven.diff.Renames;
import io.writerflow.maven.diff.SchemaChange;
import io.writerflow.maven.diff.SchemaDiff;
import io.writerflow.maven.lint.Finding;
import io.writerflow.maven.lint.FindingCode;
import io.writerflow.maven.lint.LintTarget;
import io.writerflow.maven.lint.analysis.MigrationReplay;
import io.writerflow.maven.lint.analysis.ShadowDatabase;
import io.writerflow.maven.lint.report.LintHeader;
import io.writerflow.maven.migrations.Migration;
import io.writerflow.maven.migrations.MigrationEntry;
import io.writerflow.maven.plan.MigrationSql;
import io.writerflow.maven.plan.Plan;
import io.writerflow.maven.plan.SqlitePlanner;
import io.writerflow.maven.schema.Schema;
import io.writerflow.maven.schema.Snapshot;
import io.writerflow.maven.schema.SnapshotFormat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * One branch migration planned again on top of main's schema. Its change is what it did on the branch (its own
 * previous snapshot to its snapshot), merged onto main's schema (see {@link SchemaMerge}). A migration generate
 * wrote (its SQL is what the planner gives for that change) gets its SQL planned again from main's schema, so it
 * no longer repeats or undoes main's changes to the same tables; a hand-written one keeps its SQL, which is run on
 * a shadow database built from main's schema to show it still applies there.
 */
final class MigrationReplanner {

    /** The migration on main's side: its SQL, its snapshot (JSON, with its id) and the schema it leaves. */
    record Replanned(String sql, Snapshot snapshot, String snapshotJson, boolean regenerated, Optional<Plan> plan) {
    }

    private MigrationReplanner() {
    }

    /**
     * @param previous  the snapshot it now follows: main's latest, or the branch migration rebased before it
     * @param ownBefore the snapshot it followed on the branch
     * @param own       its snapshot on the branch
     * @param sql       its SQL file's text
     * @param display   its SQL file as messages name it
     * @throws WriterflowException naming the tables and columns in conflict, or the statement main's schema refuses
     */
    static Replanned replan(MigrationEntry entry, Snapshot previous, Snapshot ownBefore, Snapshot own, String sql,
                            String display, SnapshotFormat format) {
        SchemaMerge.Result merged = SchemaMerge.merge(ownBefore.schema(), previous.schema(), own.schema());
        if (!merged.conflicts().isEmpty()) {
            throw new WriterflowException(entry.tag() + " and main's migrations both changed "
                    + String.join(", ", merged.conflicts()) + ", differently: regenerating " + entry.tag()
                    + " cannot keep both. Nothing was written.",
                    "Settle it by hand: keep main's migrations, delete " + entry.tag() + " (and the branch's later"
                            + " migrations), merge the schema code, then run mvn writerflow:generate.");
        }
        Renames renames = forward(own);
        Optional<Boolean> breakpoints = generatedWith(ownBefore.schema(), own.schema(), renames, sql);
        Schema target = merged.schema();
        if (breakpoints.isPresent()) {
            List<SchemaChange> changes = SchemaDiff.diff(previous.schema(), target, renames, true);
            Plan plan = SqlitePlanner.plan(previous.schema(), target, changes);
            Snapshot snapshot = named(new Snapshot("", previous.id(), target, RenameMeta.of(changes)), format);
            // main already made the whole change: the migration stays (a database may expect its number) but runs nothing
            String text = changes.isEmpty() ? "-- " + entry.tag() + "'s changes were already made by main's migrations.\n"
                    : MigrationSql.render(plan, breakpoints.get());
            return new Replanned(text, snapshot, json(snapshot, format), true, Optional.of(plan));
        }
        checkOnShadow(entry, previous, sql, display);
        Snapshot snapshot = named(new Snapshot("", previous.id(), target, own.renames()), format);
        return new Replanned(sql, snapshot, json(snapshot, format), false, Optional.empty());
    }

    /**
     * Whether the SQL is what generate writes for the change (below the lint's findings generate may have put on
     * top, which the new SQL does not carry: their lines would be wrong), and with breakpoints or not: a migration
     * anyone edited, or wrote by hand, is kept as it is.
     */
    static Optional<Boolean> generatedWith(Schema before, Schema after, Renames renames, String sql) {
        String text = LintHeader.strip(sql.replace("\r\n", "\n"));
        List<SchemaChange> changes;
        try {
            changes = SchemaDiff.diff(before, after, renames, true);
        } catch (WriterflowException e) {
            return Optional.empty();
        }
        if (changes.isEmpty()) {
            return Optional.empty(); // no schema change: hand-written SQL (drizzle-kit's custom migration)
        }
        Plan plan = SqlitePlanner.plan(before, after, changes);
        for (boolean breakpoints : new boolean[]{true, false}) {
            if (MigrationSql.render(plan, breakpoints).equals(text)) {
                return Optional.of(breakpoints);
            }
        }
        return Optional.empty();
    }

    /** The renames the snapshot records, the way a diff is told them. */
    private static Renames forward(Snapshot own) {
        Renames back = RenameMeta.inverse(own.renames(), own.schema());
        return new Renames(back.tables().stream().map(t -> new Renames.TableRename(t.to(), t.from())).toList(),
                back.columns().stream().map(c -> new Renames.ColumnRename(c.table(), c.to(), c.from())).toList());
    }

    private static void checkOnShadow(MigrationEntry entry, Snapshot previous, String sql, String display) {
        try (ShadowDatabase shadow = ShadowDatabase.open()) {
            shadow.create(previous.schema(), "the snapshot " + entry.tag() + " now follows");
            MigrationReplay.Replayed replayed = MigrationReplay.replay(shadow, Migration.of(entry, display, sql),
                    LintTarget.UNKNOWN);
            if (!replayed.complete()) {
                String why = replayed.findings().stream()
                        .filter(f -> f.code() == FindingCode.SHADOW_REJECTED).map(Finding::message).collect(Collectors.joining("; "));
                throw new WriterflowException(display + " is hand-written and no longer runs on main's schema: "
                        + why + ". Nothing was written.",
                        "Edit " + display + " so it runs after main's migrations (or keep main's and write it again),"
                                + " commit, then run mvn writerflow:rebase again.");
            }
        }
    }

    /** The snapshot with generate's name-based id: the same schema on the same parent gets the same id. */
    private static Snapshot named(Snapshot unnamed, SnapshotFormat format) {
        String json = format.write(unnamed);
        byte[] content = (unnamed.prevId() + "\n" + json).getBytes(StandardCharsets.UTF_8);
        String id = UUID.nameUUIDFromBytes(content).toString();
        return new Snapshot(id, unnamed.prevIds(), unnamed.schema(), unnamed.renames());
    }

    private static String json(Snapshot named, SnapshotFormat format) {
        Snapshot unnamed = new Snapshot("", named.prevIds(), named.schema(), named.renames());
        return format.withId(format.write(unnamed), named.id());
    }
}
