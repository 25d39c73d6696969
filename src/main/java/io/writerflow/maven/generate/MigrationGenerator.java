package io.writerflow.maven.generate;

import io.writerflow.maven.WriterflowException;
import io.writerflow.maven.diff.ChangeNames;
import io.writerflow.maven.diff.RenameDecision;
import io.writerflow.maven.diff.RenameMeta;
import io.writerflow.maven.diff.RenameResolver;
import io.writerflow.maven.diff.Renames;
import io.writerflow.maven.diff.SchemaChange;
import io.writerflow.maven.diff.SchemaDiff;
import io.writerflow.maven.migrations.MigrationEntry;
import io.writerflow.maven.migrations.MigrationLayout;
import io.writerflow.maven.migrations.WrittenMigration;
import io.writerflow.maven.plan.DownPlanner;
import io.writerflow.maven.plan.MigrationSql;
import io.writerflow.maven.plan.Plan;
import io.writerflow.maven.plan.SqlitePlanner;
import io.writerflow.maven.schema.DrizzleKit1Schema;
import io.writerflow.maven.schema.Schema;
import io.writerflow.maven.schema.Snapshot;
import io.writerflow.maven.schema.SnapshotFormat;
import io.writerflow.maven.schema.drizzle.DrizzleSchemaLoader;
import io.writerflow.maven.schema.introspect.SpelledAs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * schema.js and the latest snapshot in, the next migration out: load, diff, plan, write, in the directory's
 * layout (see {@link MigrationLayout}). Everything but the time of generation (the journal's {@code when}, the
 * folder's name) is a function of the schema and the directory, so the same inputs give the same files.
 */
public final class MigrationGenerator {

    /** drizzle-kit's text for an empty, hand-written migration. */
    static final String CUSTOM_SQL = "-- Custom SQL migration file, put your code below! --";

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_\\-]+");
    /**
     * The longest {@code writerflow.name}: the longest file written for it, a folder's temporary name
     * {@code .<yyyyMMddHHmmss>_<name>.writerflow-tmp}, then stays well within 255 bytes.
     */
    static final int MAX_NAME = 200;

    private final DrizzleSchemaLoader loader;
    private final RenameResolver renames;

    /** A generator that fails on possible renames nobody declared, as a build that cannot ask must. */
    public MigrationGenerator(DrizzleSchemaLoader loader) {
        this(loader, RenameResolver.REFUSE);
    }

    /**
     * @param renames settles the possible renames nobody declared (asking the user, or refusing); never used
     *                by {@link #pendingChanges}, which always refuses
     */
    public MigrationGenerator(DrizzleSchemaLoader loader, RenameResolver renames) {
        this.loader = loader;
        this.renames = renames;
    }

    public GenerateResult generate(GenerateRequest request) {
        request.name().ifPresent(MigrationGenerator::checkName);
        Renames declared = Renames.parse(request.renames());
        MigrationLayout layout = layout(request);
        Snapshot previous;
        Schema schema;
        Optional<byte[]> latest = request.custom() ? Optional.empty() : latestSnapshotBytes(request);
        if (request.custom()) {
            previous = latestSnapshot(request.migrationsDir(), request.migrationsDisplay());
            schema = previous.schema();
        } else {
            if (request.base().isEmpty() && latest.isPresent()
                    && loader.knownToMatch(request.schema(), latest.get())) {
                return GenerateResult.nothingToDo();
            }
            Loaded both = loadBoth(request, layout);
            previous = both.previous();
            schema = both.schema();
        }
        // from the database: its schema, spelled as the code's wherever it means the same, so only real changes show
        Schema from = request.custom() ? previous.schema()
                : request.base().map(live -> SpelledAs.reference(live, schema)).orElse(previous.schema());
        return write(request, layout, previous, from, schema, declared, true,
                latest.filter(b -> request.base().isEmpty()));
    }

    /**
     * The migration that records a live database's out-of-band changes (writerflow:adopt-drift): from the latest
     * snapshot's schema to {@code live} (spelled as the snapshot wherever the two mean the same), with {@code live}
     * as its snapshot, on top of the latest one. {@code request.schema()} is not read.
     *
     * @return nothing to do when the database matches the latest snapshot
     */
    public GenerateResult recordDrift(GenerateRequest request, Schema live) {
        request.name().ifPresent(MigrationGenerator::checkName);
        Snapshot previous = latestSnapshot(request.migrationsDir(), request.migrationsDisplay());
        return write(request, layout(request), previous, previous.schema(),
                SpelledAs.reference(live, previous.schema()), Renames.parse(request.renames()), false,
                Optional.empty());
    }

    /**
     * Settles renames, diffs, plans and writes the migration from {@code from} to {@code schema}, with
     * {@code schema} as its snapshot on top of {@code previous}.
     *
     * @param fromCode whether {@code schema} is the schema code's, which the loader may remember as matching the
     *                 snapshot written
     * @param latest   the latest snapshot's bytes, when the loader may remember that the schema code matches it
     */
    private GenerateResult write(GenerateRequest request, MigrationLayout layout, Snapshot previous, Schema from,
            Schema schema, Renames declared, boolean fromCode, Optional<byte[]> latest) {
        Optional<RenameDecision> decision = request.custom() ? Optional.empty() : Optional.of(
                RenameDecision.settle(from, schema, declared, request.acceptDrops(), renames));
        List<SchemaChange> changes = decision.map(d -> SchemaDiff.diff(from, schema, d.renames(),
                d.acceptDrops())).orElse(List.of());
        if (changes.isEmpty() && !request.custom()) {
            latest.ifPresent(bytes -> loader.rememberMatch(request.schema(), bytes));
            return GenerateResult.nothingToDo();
        }
        // the new snapshot's JSON does not depend on the SQL: written (and hashed for its id) alongside the plan
        Snapshot unnamed = new Snapshot("", previous.id(), schema,
                request.custom() ? Snapshot.Renames.NONE : RenameMeta.of(changes));
        CompletableFuture<String> next = CompletableFuture.supplyAsync(
                () -> withContentId(unnamed, layout.snapshotFormat()));
        Plan plan = SqlitePlanner.plan(from, schema, changes);
        String sql = request.custom() ? CUSTOM_SQL : MigrationSql.render(plan, request.breakpoints());
        if (!request.custom()) {
            StatementsAsPlanned.check(plan, sql, request.schema().shownAs());
        }
        String name = request.name().orElseGet(() -> request.custom() ? "custom" : ChangeNames.tag(changes));

        Optional<Plan> down = request.downs() && !request.custom()
                ? Optional.of(DownPlanner.plan(from, unnamed)) : Optional.empty();
        Optional<Function<String, String>> downText = Optional.empty();
        if (request.downs()) {
            Optional<String> previousTag = MigrationLayout.latest(request.migrationsDir(), request.migrationsDisplay())
                    .map(MigrationEntry::tag);
            downText = Optional.of(down.map(d -> DownText.planned(d, previousTag, request.schema().shownAs()))
                    .orElseGet(() -> DownText.custom(previousTag)));
        }

        String snapshotJson = join(next);
        WrittenMigration written = layout.write(request.migrationsDir(), name, sql, snapshotJson, request.now(),
                request.prefix(), request.breakpoints(), downText);
        if (!request.custom() && fromCode) {
            // the snapshot just written is the schema as read: the next run on an unchanged schema has nothing to do
            loader.rememberMatch(request.schema(), snapshotJson.getBytes(StandardCharsets.UTF_8));
        }
        List<String> dataLoss = plan.statements().stream()
                .flatMap(s -> s.dataLoss().stream())
                .toList();
        // the plan's warnings hold the data-loss notes line by line, then the changes that fail on some data
        List<String> lossLines = dataLoss.stream().flatMap(String::lines).toList();
        List<String> warnings = request.custom() ? List.of()
                : plan.warnings().stream().filter(w -> !lossLines.contains(w)).toList();
        return new GenerateResult(Optional.of(written), request.custom() ? 0 : plan.statements().size(), dataLoss,
                warnings, request.custom() ? List.of() : TableSummary.of(schema), decision.filter(RenameDecision::answered),
                plan.rebuilds(), declaredNames(from, schema),
                down.map(d -> d.statements().stream().flatMap(st -> st.losses().stream()).distinct().toList())
                        .orElse(List.of()));
    }

    /** The indexes and views either schema declares: what the migration, not apply, answers for in a rebuild. */
    private static Set<String> declaredNames(Schema before, Schema after) {
        Set<String> names = new HashSet<>();
        for (Schema schema : List.of(before, after)) {
            schema.tables().forEach(t -> t.indexes().forEach(i -> names.add(i.name())));
            schema.views().forEach(v -> names.add(v.name()));
        }
        return names;
    }

    /**
     * The changes that generate would write for this request, without writing anything: what schema.js has
     * that the latest snapshot does not (writerflow:check). {@code custom} and {@code name} are ignored.
     */
    public List<SchemaChange> pendingChanges(GenerateRequest request) {
        Optional<byte[]> latest = latestSnapshotBytes(request);
        if (latest.isPresent() && loader.knownToMatch(request.schema(), latest.get())) {
            return List.of();
        }
        Loaded both = loadBoth(request, layout(request));
        List<SchemaChange> changes = SchemaDiff.diff(both.previous().schema(), both.schema(),
                Renames.parse(request.renames()), request.acceptDrops());
        if (changes.isEmpty()) {
            latest.ifPresent(bytes -> loader.rememberMatch(request.schema(), bytes));
        }
        return changes;
    }

    /** The bytes of the directory's latest snapshot, when there is one to read (else the usual reading says why). */
    private static Optional<byte[]> latestSnapshotBytes(GenerateRequest request) {
        try {
            Optional<MigrationEntry> latest = MigrationLayout.latest(request.migrationsDir(),
                    request.migrationsDisplay());
            if (latest.isEmpty()) {
                return Optional.empty();
            }
            Path file = request.migrationsDir().resolve(latest.get().snapshot());
            return Files.isRegularFile(file) ? Optional.of(Files.readAllBytes(file)) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private record Loaded(Snapshot previous, Schema schema) {
    }

    private static MigrationLayout layout(GenerateRequest request) {
        return MigrationLayout.forWriting(request.migrationsDir(), request.migrationsDisplay(), request.layout());
    }

    /**
     * The latest snapshot and schema.js, read at the same time: evaluating schema.js mostly waits on a
     * Node.js process (or keeps a GraalJS thread busy), and a large snapshot takes a cold JVM a few hundred
     * milliseconds to parse. A failure of the snapshot is reported first, as it would be one after the other.
     * In drizzle-kit 1.0's layout the schema is taken as drizzle-kit 1.0 models it (see {@link DrizzleKit1Schema}).
     */
    private Loaded loadBoth(GenerateRequest request, MigrationLayout layout) {
        CompletableFuture<Schema> schema = CompletableFuture.supplyAsync(
                () -> loader.load(request.schema()));
        Snapshot previous;
        try {
            previous = latestSnapshot(request.migrationsDir(), request.migrationsDisplay());
        } catch (RuntimeException e) {
            schema.handle((s, ignored) -> s).join(); // let the evaluation clean up before the failure ends the build
            throw e;
        }
        Schema loaded = join(schema);
        SchemaNames.check(loaded, request.schema().shownAs());
        return new Loaded(previous, layout == MigrationLayout.FOLDERS ? DrizzleKit1Schema.of(loaded, previous.schema())
                : loaded);
    }

    /** The value, or the failure as the work itself threw it. */
    private static <T> T join(CompletableFuture<T> work) {
        try {
            return work.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /** The snapshot of the directory's last migration, or an empty schema before the first migration. */
    static Snapshot latestSnapshot(Path root, String display) {
        Optional<MigrationEntry> latest = MigrationLayout.latest(root, display);
        if (latest.isEmpty()) {
            return new Snapshot(Snapshot.ORIGIN, Snapshot.ORIGIN, Schema.EMPTY, Snapshot.Renames.NONE);
        }
        MigrationEntry last = latest.get();
        String name = display + "/" + last.snapshot();
        try {
            return SnapshotFormat.read(Files.readString(root.resolve(last.snapshot()), StandardCharsets.UTF_8), name);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new WriterflowException(name + ", the snapshot of " + last.tag() + ", is missing.",
                    "Restore it from version control; generate compares schema.js with it.");
        } catch (IOException e) {
            throw new WriterflowException(name + ", the snapshot of " + last.tag() + ", cannot be read: "
                    + e.getMessage() + ".", "Restore it from version control; generate compares schema.js with it.");
        }
    }

    /**
     * The snapshot's JSON with a name-based id, so that the same schema on the same parent always gets the same
     * snapshot id: derived from the JSON written with an empty id, which is then filled in.
     */
    private static String withContentId(Snapshot unnamed, SnapshotFormat format) {
        String json = format.write(unnamed);
        byte[] content = (unnamed.prevId() + "\n" + json).getBytes(StandardCharsets.UTF_8);
        return format.withId(json, UUID.nameUUIDFromBytes(content).toString());
    }

    private static void checkName(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new WriterflowException("writerflow.name '" + name + "' is not a usable file name.",
                    "Use letters, digits, '_' and '-', e.g. -Dwriterflow.name=add_documents_score.");
        }
        if (name.length() > MAX_NAME) {
            throw new WriterflowException("writerflow.name is " + name.length() + " characters long; with its"
                    + " prefix and extension the migration's file name would pass what file systems allow (255"
                    + " bytes).", "Use a name of at most " + MAX_NAME + " characters.");
        }
    }
}
