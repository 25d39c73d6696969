package io.writerflow.maven.pull;

import io.writerflow.maven.WriterflowException;
import io.writerflow.maven.engine.drift.Drift;
import io.writerflow.maven.engine.drift.DriftReport;
import io.writerflow.maven.generate.GenerateRequest;
import io.writerflow.maven.generate.GenerateResult;
import io.writerflow.maven.generate.MigrationGenerator;
import io.writerflow.maven.migrations.MigrationLayout;
import io.writerflow.maven.schema.Schema;
import io.writerflow.maven.schema.drizzle.DrizzleSchemaLoader;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A database's schema into drizzle code, and the code into the baseline migration: the code is written, read back
 * through the same reader generate uses and compared with the database (the pull is refused as inexact if they
 * differ), and the migration is then what generate writes for that code into the empty directory. So generate right
 * after has nothing to do, and a fresh database built from the baseline has the pulled schema.
 */
public final class SchemaPull {

    private final DrizzleSchemaLoader loader;

    public SchemaPull(DrizzleSchemaLoader loader) {
        this.loader = loader;
    }

    public PullResult pull(PullRequest request) {
        refuse(request);
        SchemaCodeWriter.Code code = new SchemaCodeWriter(request.language()).write(request.database(), request.source());
        write(request.schemaFile(), code.text(), request.schema().shownAs());
        Schema read = loader.load(request.schema());
        List<Drift> differences = DriftReport.compare(read, request.database(), request.schema().shownAs()).differences();
        if (!differences.isEmpty()) {
            throw new WriterflowException(request.schema().shownAs() + ", pulled from " + request.source()
                    + ", does not read back as the database's schema: " + differences.stream().map(Drift::message)
                    .collect(Collectors.joining("; ")) + ". The file is kept for a look; no migration was written.",
                    "Report it with the database's schema (sqlite3 .schema); edit the file to match the database and"
                            + " run writerflow:generate, then writerflow:baseline.");
        }
        boolean had = MigrationLayout.latest(request.migrationsDir(), request.migrationsDisplay()).isPresent();
        GenerateResult generated = new MigrationGenerator(loader).generate(new GenerateRequest(request.schema(),
                request.migrationsDir(), request.migrationsDisplay(), Optional.of(PullRequest.BASELINE_NAME), false, "",
                false, request.now(), request.layout(), request.prefix(), request.breakpoints(), false));
        return new PullResult(request.schemaFile(), request.database().tables().size(),
                request.database().views().size(), generated.written(), had, code.notes());
    }

    /** Each refusal before anything is written, naming the file and the setting that allows it. */
    private static void refuse(PullRequest request) {
        if (request.database().tables().isEmpty() && request.database().views().isEmpty()) {
            throw new WriterflowException("Database " + request.source() + " has no tables or views to pull (the"
                    + " plugin's and drizzle's history tables and the tables drizzle.config's tablesFilter leaves out"
                    + " do not count). Nothing was written.", "Point writerflow.url at the database to adopt.");
        }
        if (!request.force()) {
            Optional<String> latest = MigrationLayout.latest(request.migrationsDir(), request.migrationsDisplay())
                    .map(e -> e.tag());
            if (latest.isPresent()) {
                throw new WriterflowException(request.migrationsDisplay() + " (" + request.migrationsSetting()
                        + ") already has migrations, the latest " + latest.get() + "; pull writes the first one."
                        + " Nothing was written.", "To turn drift into code, run with -D" + PullRequest.FORCE
                        + "=true: the schema file is rewritten from the database and generate writes the difference as"
                        + " the next migration. Or pull into an empty directory with -Dwriterflow.out=<dir>.");
            }
            if (Files.exists(request.schemaFile())) {
                throw new WriterflowException(request.schema().shownAs() + " (" + request.schemaSetting()
                        + ") already exists; pull does not overwrite it. Nothing was written.",
                        "Run with -D" + PullRequest.FORCE + "=true to replace it, or name another file with"
                                + " -Dwriterflow.schema=<file>.");
            }
        }
    }

    /** Whole or not at all: a temporary file beside it, moved into place. */
    private static void write(Path file, String text, String shownAs) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path temp = Files.createTempFile(parent, "." + file.getFileName(), ".writerflow-tmp");
            try {
                Files.writeString(temp, text, StandardCharsets.UTF_8);
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new WriterflowException(shownAs + " cannot be written: " + e.getMessage() + ". Nothing was written.",
                    "Check that its directory is writable.");
        }
    }
}
