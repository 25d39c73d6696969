package io.writerflow.maven.mojo;

import io.writerflow.maven.WriterflowException;
import io.writerflow.maven.diff.RenameInterview;
import io.writerflow.maven.diff.RenamePrompt;
import io.writerflow.maven.diff.RenameResolver;
import io.writerflow.maven.engine.MigrationEngine;
import io.writerflow.maven.engine.steps.Catalog;
import io.writerflow.maven.engine.steps.UndeclaredNeighbours;
import io.writerflow.maven.generate.DownBackfill;
import io.writerflow.maven.generate.Downs;
import io.writerflow.maven.generate.GenerateRequest;
import io.writerflow.maven.generate.GenerateResult;
import io.writerflow.maven.generate.MigrationGenerator;
import io.writerflow.maven.lint.Lint;
import io.writerflow.maven.lint.LintedMigration;
import io.writerflow.maven.lint.analysis.MigrationLinter;
import io.writerflow.maven.lint.report.LintHeader;
import io.writerflow.maven.migrations.MigrationDirectory;
import io.writerflow.maven.plan.Plan;
import io.writerflow.maven.schema.Loss;
import io.writerflow.maven.schema.Schema;
import io.writerflow.maven.schema.drizzle.SchemaInput;
import io.writerflow.maven.migrations.MigrationLayout;
import io.writerflow.maven.migrations.MigrationPrefix;
import io.writerflow.maven.settings.DrizzleConfig;
import io.writerflow.maven.migrations.WrittenMigration;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Compares schema.js with the latest snapshot in the drizzle directory and writes the next migration, in the
 * directory's layout: drizzle-kit 0.31's journal ({@code NNNN_name.sql}, {@code meta/}) or drizzle-kit 1.0's
 * migration folders ({@code yyyyMMddHHmmss_name/migration.sql} and {@code snapshot.json}); see {@code layout}.
 * Beside each migration it writes its down migration ({@code NNNN_name.down.sql}, or {@code down.sql} in the folder),
 * which takes the database back to the previous snapshot's schema; see {@code downs}.
 * Renames are never guessed: declare them, answer generate's questions in a terminal, or accept drops. Names are
 * quoted with their quotes doubled, so no name becomes SQL; a name no migration can carry (a NUL character,
 * {@code --> statement-breakpoint}, a table named {@code sqlite_...}) is refused, naming the table and column.
 * When the migration rebuilds a table, generate looks (read only) at the database apply would use ({@code url}, as
 * apply resolves it), when it exists and answers, and warns about the triggers, indexes and views around the
 * table that the schema does not declare: apply keeps them, and fails on one that uses a dropped column.
 */
@Mojo(name = "generate", threadSafe = true, requiresProject = false)
public class GenerateMojo extends AbstractDatabaseMojo {

    /**
     * The drizzle schema (drizzle-kit's {@code schema}): a file ({@code .ts}, {@code .js}, {@code .mts}, ...), a
     * directory, a glob, or a comma-separated list of them, relative to the project. Default: drizzle.config's
     * {@code schema}, else {@code src/lib/db/schema.js} (or {@code src/lib/db/schema.ts} when only that exists, as writerflow:pull writes it).
     */
    @Parameter(property = "writerflow.schema")
    String schema;

    /**
     * The migration's name (after {@code NNNN_}, or after the folder's timestamp): letters, digits, {@code _} and
     * {@code -}, at most 200 characters; by default a description of every kind of change it makes, at most 40
     * characters ({@code create_drop_tags_alter_posts_add_users}).
     */
    @Parameter(property = "writerflow.name")
    String name;

    /** Writes an empty migration for hand-written SQL, like {@code drizzle-kit generate --custom}. */
    @Parameter(property = "writerflow.custom", defaultValue = "false")
    boolean custom;

    /**
     * Renamed tables and columns, comma-separated: {@code old:new} for a table,
     * {@code table.old:new} for a column. Where a table or column disappears while a compatible one appears and
     * no rename says which it is, generate asks in a terminal, table by table and column by column as
     * drizzle-kit does, and logs the properties that repeat the answers; in batch mode ({@code -B}, CI) or
     * without a terminal it stops, listing the candidates.
     */
    @Parameter(property = "writerflow.renames")
    String renames;

    /**
     * Drops and creates where a rename is possible but was not declared, without asking: the dropped data is
     * lost.
     */
    @Parameter(property = "writerflow.acceptDrops", defaultValue = "false")
    boolean acceptDrops;

    /**
     * The layout of the migrations directory: {@code auto} (the directory's own layout; drizzle-kit 0.31's
     * journal for a directory without migrations), {@code journal} (drizzle-kit 0.31: {@code meta/_journal.json},
     * {@code NNNN_name.sql}, {@code meta/NNNN_snapshot.json}) or {@code folders} (drizzle-kit 1.0: one
     * {@code yyyyMMddHHmmss_name/} folder per migration with {@code migration.sql} and {@code snapshot.json}, no
     * journal). It chooses the layout of a new directory; a directory keeps the layout it has, and naming the
     * other one fails, as does a directory that mixes both.
     */
    @Parameter(property = "writerflow.layout", defaultValue = "auto")
    String layout;

    /**
     * Down migrations: the SQL that takes a database from a migration's schema back to the one before, planned
     * from the two snapshots as the migration is (data-safe rebuilds, renames undone as renames) and written beside
     * it for review and for rollback, as {@code NNNN_name.down.sql} or {@code <folder>/down.sql}, which drizzle-kit
     * and drizzle-orm's migrators do not read. A down migration that drops what the migration created is marked
     * as losing data, line by line. A hand-written migration ({@code custom}) gets a template to fill in. Unset
     * (the default): write the down migration of each new migration; {@code true}: also write the missing down
     * migrations of the directory's existing migrations from their snapshots, even when the schema has no change;
     * {@code false}: write none.
     */
    @Parameter(property = Downs.PROPERTY)
    String downs;

    /**
     * What the migration starts from: {@code snapshot} (the latest snapshot in the drizzle directory) or
     * {@code database}: the live schema of the database apply would use ({@code url}, as apply resolves it; its
     * history tables left out, drizzle.config's {@code tablesFilter} applied), so the migration brings that database
     * to the schema, whatever was done to it out of band. The snapshot written is still the schema's, on top of the
     * latest one. To record changes made out of band as a migration instead, see {@code writerflow:adopt-drift}.
     */
    @Parameter(property = "writerflow.from", defaultValue = "snapshot")
    String from;

    /**
     * Reviews the new migration as writerflow:lint does and, when it has findings, writes them as a comment block
     * at the top of its {@code .sql} file ({@code -- writerflow:lint WF102 error line 4: drops column ...}), where
     * the pull request's reviewer reads them. SQL comments: drizzle-kit's migrator and apply skip them.
     */
    @Parameter(property = "writerflow.lintHeader", defaultValue = "true")
    boolean lintHeader = true;

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    /**
     * Asks about possible renames on the terminal when Maven may ask (not in batch mode) and there is a
     * terminal to ask on; otherwise refuses with the candidates, as a build in CI must.
     */
    RenameResolver renameResolver() {
        boolean interactive = session != null && session.getRequest() != null
                && session.getRequest().isInteractiveMode();
        Optional<RenamePrompt> terminal = interactive ? ConsoleRenamePrompt.onTerminal() : Optional.empty();
        return terminal.<RenameResolver>map(RenameInterview::new).orElse(RenameResolver.REFUSE);
    }

    @Override
    boolean usesASchema() {
        return true;
    }

    @Override
    boolean hasSchema() {
        return schemaInput(schema).isPresent();
    }

    @Override
    boolean ignoresFleet() {
        return true; // the database is read only for hints
    }

    @Override
    String goal() {
        return "generate";
    }

    @Override
    void run() {
        long start = System.nanoTime();
        boolean fromDatabase = fromDatabase();
        Optional<MigrationLayout> requested = MigrationLayout.parseSetting(layout);
        SchemaInput input = schemaInput(schema).orElseGet(() -> missingSchema(schema));
        Optional<DrizzleConfig> config = drizzleConfig();
        MigrationPrefix prefix = config.flatMap(c -> c.prefix().map(p -> MigrationPrefix.parse(p,
                "migrations.prefix in " + c.shownAs()))).orElse(MigrationPrefix.INDEX);
        boolean breakpoints = config.flatMap(DrizzleConfig::breakpoints).orElse(true);
        Downs writeDowns = Downs.parse(downs);
        if (writeDowns == Downs.MISSING) {
            backfillDowns();
        }
        GenerateRequest request = new GenerateRequest(input, migrationsDir(), display(migrationsDir()),
                Optional.ofNullable(name).filter(n -> !n.isBlank()), custom, renames == null ? "" : renames,
                acceptDrops, System.currentTimeMillis(), requested, prefix, breakpoints, writeDowns.writesNew());
        Optional<MigrationLinter.Start> startedFrom = Optional.empty();
        if (fromDatabase) {
            MigrationEngine engine = engine();
            Schema live = engine.liveSchema("writerflow.from=database");
            request = request.from(live);
            startedFrom = Optional.of(new MigrationLinter.Start(live, "the live schema of " + engine.database()));
            getLog().info("Starting from the live schema of " + engine.database() + " (writerflow.from=database)");
        }
        GenerateResult result = new MigrationGenerator(schemaLoader(), renameResolver()).generate(request);
        if (result.written().isEmpty()) {
            getLog().info("No schema changes, nothing to write (" + millisSince(start) + " ms).");
            return;
        }
        WrittenMigration written = result.written().get();
        result.dataLoss().forEach(loss -> getLog().warn("Data loss: " + loss));
        result.warnings().forEach(warning -> getLog().warn(warning));
        getLog().info("Wrote " + display(written.sql()) + (custom ? " (empty, for your SQL)"
                : " (" + result.statements() + " statement" + (result.statements() == 1 ? "" : "s") + ")")
                + " and " + display(written.snapshot()) + " in " + millisSince(start) + " ms");
        written.down().ifPresent(d -> getLog().info("Down migration: " + display(d) + (custom
                ? " (empty, for the SQL that undoes yours)" : result.downLosses().isEmpty() ? " (loses no data)"
                : " (loses data: " + describe(result.downLosses()) + ")")));
        if (lintHeader && !custom) {
            lintHeader(written, startedFrom);
        }
        result.answers().ifPresent(answers -> getLog().info("The same without questions (for -B and CI): "
                + answers.properties()));
        if (!result.rebuilds().isEmpty()) {
            warnAboutUndeclaredNeighbours(result);
        }
        if (!result.tables().isEmpty()) {
            // drizzle-kit's summary of the schema it read, one line per table
            getLog().info("Schema " + input.shownAs() + ": " + result.tables().size() + " table"
                    + (result.tables().size() == 1 ? "" : "s"));
            result.tables().forEach(table -> getLog().info("  " + table.line()));
        }
    }

    /** {@code writerflow.from}: whether the migration starts from the live database. */
    private boolean fromDatabase() {
        String value = from == null ? "snapshot" : from.strip().toLowerCase(java.util.Locale.ROOT);
        if (!value.equals("snapshot") && !value.equals("database")) {
            throw new WriterflowException("writerflow.from=" + from + " is not a choice.",
                    "Use snapshot (the default: start from the latest snapshot) or database (start from the live"
                            + " schema of writerflow.url).");
        }
        if (value.equals("database") && custom) {
            throw new WriterflowException("writerflow.from=database and writerflow.custom=true together: a custom"
                    + " migration starts from nothing. Nothing was written.", "Drop one of them.");
        }
        return value.equals("database");
    }

    /**
     * Reviews the migration just written and puts its findings on top of it as comments; a lint that cannot run
     * (a statement the shadow cannot replay is a finding, so this is rare) leaves the migration as written.
     */
    private void lintHeader(WrittenMigration written, Optional<MigrationLinter.Start> startedFrom) {
        try {
            LintedMigration linted = Lint.generated(MigrationDirectory.load(migrationsDir(),
                    display(migrationsDir())), written.entry().tag(), startedFrom);
            if (LintHeader.write(written.sql(), linted)) {
                getLog().info("Lint: " + linted.findings().size() + " finding" + (linted.findings().size() == 1
                        ? "" : "s") + ", written at the top of " + display(written.sql())
                        + " (mvn writerflow:lint for the review)");
            }
        } catch (WriterflowException e) {
            getLog().warn("The lint of " + display(written.sql()) + " did not run: " + e.problem());
        }
    }

    /** Writes the down migrations the directory's migrations lack, one line each. */
    private void backfillDowns() {
        List<DownBackfill.Written> written = DownBackfill.write(migrationsDir(), display(migrationsDir()));
        for (DownBackfill.Written w : written) {
            getLog().info("Wrote " + display(w.file()) + (w.template()
                    ? ": " + w.entry().tag() + " is hand-written, fill in the SQL that undoes it"
                    : w.losses().isEmpty() ? "" : " (loses data: " + describe(w.losses()) + ")"));
        }
        if (written.isEmpty()) {
            getLog().info("Every migration in " + display(migrationsDir()) + " has its down migration.");
        }
    }

    private static String describe(List<Loss> losses) {
        return losses.stream().map(Loss::describe).collect(Collectors.joining(", "));
    }

    /**
     * The triggers, indexes and views the rebuilt tables have in the database apply would use that the schema
     * does not declare. Only a look: a database that does not exist or does not answer is said in one line, and
     * the migration stays written (apply reads the database itself when it runs).
     */
    private void warnAboutUndeclaredNeighbours(GenerateResult result) {
        String database = "the database";
        try {
            MigrationEngine engine = engine();
            database = engine.database();
            Optional<Catalog> catalog = engine.schemaObjects();
            if (catalog.isEmpty()) {
                getLog().info("Database " + database + " does not exist yet: nothing there for the rebuilds to keep.");
                return;
            }
            for (Plan.Rebuild rebuild : result.rebuilds()) {
                UndeclaredNeighbours.warning(catalog.get(), database, rebuild.table(), rebuild.droppedColumns(),
                        result.declared()).ifPresent(getLog()::warn);
            }
        } catch (WriterflowException e) {
            getLog().info("Did not look at " + database + " for triggers, indexes and views the rebuilds take down ("
                    + e.problem() + "); apply reads them itself when it runs.");
        }
    }
}
