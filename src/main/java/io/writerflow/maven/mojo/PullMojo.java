package io.writerflow.maven.mojo;

import io.writerflow.maven.WriterflowException;
import io.writerflow.maven.engine.MigrationEngine;
import io.writerflow.maven.migrations.Migration;
import io.writerflow.maven.migrations.MigrationLayout;
import io.writerflow.maven.migrations.MigrationPrefix;
import io.writerflow.maven.migrations.WrittenMigration;
import io.writerflow.maven.pull.PullLanguage;
import io.writerflow.maven.pull.PullRequest;
import io.writerflow.maven.pull.PullResult;
import io.writerflow.maven.pull.SchemaPull;
import io.writerflow.maven.schema.Schema;
import io.writerflow.maven.schema.drizzle.SchemaInput;
import io.writerflow.maven.settings.DrizzleConfig;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Adopts a database that never had migrations (or turns drift into code): reads the database ({@code url}, embedded
 * or remote) and writes its schema as drizzle code (TypeScript by default, see {@code pullLanguage}), then the
 * baseline migration and snapshot generate would write for that code, in the directory's layout, and records the
 * database as already at the baseline, so apply does not run it there while a fresh database gets the schema from
 * it. The code is read back before the migration is written: a schema it does not say exactly is refused. Refused,
 * with nothing written, when the migrations directory already has migrations or the schema file exists (unless
 * {@code force}), and when the database has no tables or views.
 */
@Mojo(name = "pull", threadSafe = true, requiresProject = false)
public class PullMojo extends AbstractDatabaseMojo {

    /**
     * The schema file to write: one file, relative to the project. Default: drizzle.config's {@code schema} when it
     * names one file, else {@code src/lib/db/schema.ts} ({@code .js} with {@code pullLanguage=js}).
     */
    @Parameter(property = "writerflow.schema")
    String schema;

    /**
     * The language of the schema code: {@code ts} (TypeScript) or {@code js} (JavaScript, ES modules). Default: the
     * schema file's extension, else {@code ts}.
     */
    @Parameter(property = PullLanguage.PROPERTY)
    String pullLanguage;

    /**
     * Overwrite an existing schema file, and pull into a migrations directory that already has migrations: the code
     * is rewritten from the database and the difference from the latest snapshot becomes the next migration (the
     * database is not recorded as at it; it has those changes already).
     */
    @Parameter(property = PullRequest.FORCE, defaultValue = "false")
    boolean force;

    /** As generate's: {@code auto} (the directory's layout, else the journal), {@code journal} or {@code folders}. */
    @Parameter(property = "writerflow.layout", defaultValue = "auto")
    String layout;

    @Override
    String goal() {
        return "pull";
    }

    @Override
    void run() {
        long start = System.nanoTime();
        Optional<MigrationLayout> requested = MigrationLayout.parseSetting(layout);
        Optional<PullLanguage> language = PullLanguage.parse(pullLanguage);
        Target target = target(language);
        Optional<DrizzleConfig> config = drizzleConfig();
        MigrationPrefix prefix = config.flatMap(c -> c.prefix().map(p -> MigrationPrefix.parse(p,
                "migrations.prefix in " + c.shownAs()))).orElse(MigrationPrefix.INDEX);
        MigrationEngine engine = engine();
        Schema database = engine.applicationSchema().orElseThrow(() -> new WriterflowException("Database "
                + engine.database() + " does not exist; there is nothing to pull. Nothing was written.",
                "Point writerflow.url at the database to adopt."));
        String file = display(target.file());
        SchemaInput input = new SchemaInput(List.of(target.file()), file, scriptEnvironment(),
                config.flatMap(DrizzleConfig::casing));
        PullResult result = new SchemaPull(schemaLoader()).pull(new PullRequest(database, engine.database(), input,
                target.setting(), target.language(), migrationsDir(), display(migrationsDir()),
                migrationsLocation().setting(), requested, prefix, config.flatMap(DrizzleConfig::breakpoints).orElse(true),
                force, System.currentTimeMillis()));
        getLog().info("Wrote " + file + " (" + result.tables() + " table" + (result.tables() == 1 ? "" : "s")
                + ", " + result.views() + " view" + (result.views() == 1 ? "" : "s") + ") from " + engine.database()
                + "; it reads back as the database's schema.");
        result.notes().forEach(note -> getLog().warn("Not in the code: " + note));
        if (result.migration().isEmpty()) {
            getLog().info("The latest snapshot in " + display(migrationsDir()) + " already has this schema: no"
                    + " migration written.");
        } else {
            WrittenMigration written = result.migration().get();
            getLog().info("Wrote " + display(written.sql()) + " and " + display(written.snapshot()) + ".");
            if (result.hadMigrations()) {
                getLog().warn(engine.database() + " already has the changes of " + written.entry().tag()
                        + " (they were pulled from it) and is not recorded as at it: apply would run them again"
                        + " there. Review the migration, then record it (writerflow:baseline on a database without a"
                        + " history) or apply it elsewhere first.");
            } else {
                List<Migration> marked = engine.baseline(directory(engine), written.entry().tag());
                getLog().info("Recorded " + engine.database() + " as at " + marked.get(marked.size() - 1).tag()
                        + " without running it; a fresh database gets the schema from it.");
            }
        }
        if (!target.file().equals(schemaInput(null).map(s -> s.files().get(0)).orElse(null))) {
            // generate reads drizzle.config's schema, else src/lib/db/schema.js (or .ts): not this file
            getLog().info("generate reads " + file + " when given -Dwriterflow.schema=" + file
                    + " (or drizzle.config's schema names it).");
        }
        getLog().info("Pulled in " + (System.nanoTime() - start) / 1_000_000 + " ms.");
    }

    private record Target(Path file, String setting, PullLanguage language) {
    }

    /** The one file to write, the setting that named it, and its language. */
    private Target target(Optional<PullLanguage> language) {
        if (schema != null && !schema.isBlank()) {
            return target(base().resolve(schema.strip()).normalize(), "writerflow.schema", language);
        }
        Optional<DrizzleConfig> config = drizzleConfig();
        if (config.isPresent() && !config.get().schema().isEmpty()) {
            List<String> entries = config.get().schema();
            String setting = "schema in " + config.get().shownAs();
            if (entries.size() > 1 || entries.get(0).contains("*")) {
                throw new WriterflowException(setting + " names several files (" + String.join(", ", entries)
                        + "); pull writes one. Nothing was written.",
                        "Name the file to write with -Dwriterflow.schema=<file>.");
            }
            Path named = config.get().directory().resolve(entries.get(0)).normalize();
            if (Files.isDirectory(named) || PullLanguage.of(named).isEmpty()) {
                named = named.resolve("schema" + language.orElse(PullLanguage.TS).extension());
            }
            return target(named, setting, language);
        }
        PullLanguage chosen = language.orElse(PullLanguage.TS);
        String file = DEFAULT_SCHEMA.replaceAll("\\.js$", chosen.extension());
        return new Target(base().resolve(file).normalize(), "writerflow.schema, default " + file, chosen);
    }

    private static Target target(Path file, String setting, Optional<PullLanguage> language) {
        Optional<PullLanguage> byName = PullLanguage.of(file);
        if (language.isPresent() && byName.isPresent() && language.get() != byName.get()) {
            throw new WriterflowException(PullLanguage.PROPERTY + "=" + language.get().name().toLowerCase()
                    + " but " + file.getFileName() + " (" + setting + ") is " + byName.get().name().toLowerCase()
                    + ". Nothing was written.", "Leave " + PullLanguage.PROPERTY + " unset, or name a "
                    + language.get().extension() + " file with -Dwriterflow.schema=<file>.");
        }
        return new Target(file, setting, language.or(() -> byName).orElse(PullLanguage.TS));
    }
}
