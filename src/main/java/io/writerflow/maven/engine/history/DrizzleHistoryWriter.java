package io.writerflow.maven.engine.history;

import io.writerflow.maven.engine.DrizzleHistory;
import io.writerflow.maven.migrations.Migration;
import io.writerflow.maven.migrations.MigrationDirectory;
import io.writerflow.maven.migrations.MigrationLayout;
import io.writerflow.maven.sql.SqlQuoting;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The statements that record migrations in drizzle's history table exactly as drizzle-orm's migrator does
 * ({@code hash} and {@code created_at}; with drizzle-orm 1.0's format also {@code name} and {@code applied_at}),
 * to run inside the transaction that applies each migration together with the plugin's own history row. The
 * first migration's transaction also catches the table up: creates it when {@link DrizzleHistory#ALWAYS} asks
 * for it, in drizzle-orm's format for the directory's layout, and records the migrations the plugin applied
 * before that it lacks. drizzle-orm 0.x then runs only migrations newer than the latest {@code created_at};
 * 1.0 only those whose name it lacks.
 */
public final class DrizzleHistoryWriter {

    /** As JavaScript's {@code Date.toISOString()}, which drizzle-orm 1.0 writes into {@code applied_at}. */
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final DrizzleTable table;
    private final MigrationDirectory directory;
    private final boolean records;
    private final boolean named;
    private final List<Migration> missing;

    /**
     * @param applied the migrations the plugin's history has applied (or a baseline marks), in order
     */
    public DrizzleHistoryWriter(DrizzleHistory mode, DrizzleTable table, MigrationDirectory directory,
            List<Migration> applied) {
        this.table = table;
        this.directory = directory;
        this.records = mode.records(table.exists());
        this.named = table.exists() ? table.named() : directory.layout() == MigrationLayout.FOLDERS;
        this.missing = records ? applied.stream().filter(m -> !table.records(m, directory)).toList() : List.of();
    }

    /** Whether this apply records in drizzle's table at all. */
    boolean records() {
        return records;
    }

    /** The table's name, for messages. */
    public String table() {
        return table.name();
    }

    /** How many migrations applied before the catch-up records. */
    public int catchingUp() {
        return missing.size();
    }

    /** Whether the catch-up changes anything: a table to create or rows to add. */
    boolean catchUpNeeded() {
        return records && (!table.exists() || !missing.isEmpty());
    }

    /** The catch-up alone: the table when missing, and the rows of the migrations applied before. */
    public List<String> catchUp() {
        List<String> statements = new ArrayList<>();
        if (!records) {
            return statements;
        }
        if (!table.exists()) {
            statements.add(createTable());
        }
        Instant now = Instant.now();
        missing.forEach(m -> statements.add(insert(m, now)));
        return statements;
    }

    /**
     * What the transaction applying {@code migration} runs after its statements: its row, preceded by the
     * catch-up when it is the apply's first migration.
     */
    public List<String> statements(Migration migration, boolean first) {
        if (!records) {
            return List.of();
        }
        List<String> statements = first ? catchUp() : new ArrayList<>();
        statements.add(insert(migration, Instant.now()));
        return statements;
    }

    /**
     * What the transaction rolling back {@code migration} runs after its down migration: the removal of its row
     * from drizzle's table, so that drizzle's migrator runs it again too (0.x runs what is newer than the latest
     * {@code created_at} left, 1.0 what is not named). Nothing where this plugin does not keep that table.
     */
    public List<String> removals(Migration migration) {
        if (!records || !table.exists()) {
            return List.of();
        }
        return List.of("DELETE FROM " + SqlQuoting.identifier(table.name()) + " WHERE " + (named
                ? "\"name\" = " + SqlQuoting.literal(migration.tag())
                : "\"created_at\" = " + migration.entry().when()));
    }

    /** drizzle-orm's own {@code CREATE TABLE}, in its 1.0 format for migration folders, else 0.x's. */
    private String createTable() {
        return "CREATE TABLE IF NOT EXISTS " + SqlQuoting.identifier(table.name()) + " (" + (named
                ? "id INTEGER PRIMARY KEY, hash text NOT NULL, created_at numeric, name text, applied_at TEXT"
                : "id SERIAL PRIMARY KEY, hash text NOT NULL, created_at numeric") + ")";
    }

    private String insert(Migration migration, Instant appliedAt) {
        String hash = SqlQuoting.literal(DrizzleTable.sha256(directory, migration));
        return "INSERT INTO " + SqlQuoting.identifier(table.name()) + (named
                ? " (\"hash\", \"created_at\", \"name\", \"applied_at\") VALUES (" + hash + ", "
                + migration.entry().when() + ", " + SqlQuoting.literal(migration.tag()) + ", "
                + SqlQuoting.literal(ISO.format(appliedAt)) + ")"
                : " (\"hash\", \"created_at\") VALUES (" + hash + ", " + migration.entry().when() + ")");
    }
}
