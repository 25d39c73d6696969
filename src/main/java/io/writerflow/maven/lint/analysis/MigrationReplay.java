package io.writerflow.maven.lint.analysis;

import io.writerflow.maven.diff.Renames;
import io.writerflow.maven.diff.SchemaChange;
import io.writerflow.maven.diff.SchemaDiff;
import io.writerflow.maven.lint.Finding;
import io.writerflow.maven.lint.FindingCode;
import io.writerflow.maven.lint.LintTarget;
import io.writerflow.maven.migrations.Migration;
import io.writerflow.maven.migrations.Statement;
import io.writerflow.maven.schema.Schema;
import io.writerflow.maven.sql.SqlBlanks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Replays one migration on the shadow, statement by statement, so that each change is attributed to the statement
 * (and so the file:line) that made it. The schema is read again only after statements that changed it (SQLite's
 * schema cookie says which), so a migration of many INSERTs costs one read per DDL statement, not per statement.
 * The first statement the shadow refuses ends the replay of that migration: what follows may depend on it, and
 * guessing what it would have done is what the lint must not do.
 */
public final class MigrationReplay {

    /**
     * What the replay saw.
     *
     * @param initial  the schema before the migration
     * @param steps    each statement that changed the schema, with what it changed, and each {@code INSERT ... SELECT}
     *                 (a rebuild's copy); data statements are not kept
     * @param findings what the statements' text says ({@link StatementRules}) and the statement the shadow refused
     * @param complete whether every statement ran (false: the replay stopped at a refused statement)
     */
    public record Replayed(Schema initial, Schema finalSchema, List<ReplayStep> steps, List<Finding> findings,
                           boolean complete) {
        public Replayed {
            steps = List.copyOf(steps);
            findings = List.copyOf(findings);
        }
    }

    private MigrationReplay() {
    }

    public static Replayed replay(ShadowDatabase shadow, Migration migration, LintTarget target) {
        Schema initial = shadow.schema();
        List<ReplayStep> steps = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        int total = migration.statements().size();
        Schema[] current = {initial};
        long[] version = {shadow.schemaVersion()};
        try {
            migration.statements().forEach(statement -> {
                List<StatementRules.Hit> hits = StatementRules.check(statement.sql(), target);
                hits.forEach(h -> findings.add(Finding.of(h.code(), migration.tag(), migration.file(),
                        statement.line(), h.message()).withSeverity(h.severity())));
                Optional<String> error = shadow.execute(statement.sql());
                if (error.isPresent()) {
                    if (hits.stream().anyMatch(h -> h.code() == FindingCode.LIBSQL_ONLY)) {
                        return; // already the finding; the rest of the migration may still be analysed
                    }
                    findings.add(rejected(migration, statement, error.get(), total - statement.number()));
                    throw new Stop();
                }
                long now = shadow.schemaVersion();
                if (now == version[0]) {
                    if (copiesRows(statement.sql())) {
                        steps.add(new ReplayStep(statement, List.<SchemaChange>of())); // a rebuild's copy, perhaps
                    }
                    return; // a data statement: not kept, a large data migration stays small in memory
                }
                Schema after = shadow.schemaAfter(current[0]);
                steps.add(new ReplayStep(statement, SchemaDiff.diff(current[0], after, Renames.NONE, true)));
                current[0] = after;
                version[0] = now;
            });
        } catch (Stop stop) {
            return new Replayed(initial, current[0], steps, findings, false);
        }
        return new Replayed(initial, current[0], steps, findings, true);
    }

    private static Finding rejected(Migration migration, Statement statement, String error, int rest) {
        return Finding.of(FindingCode.SHADOW_REJECTED, migration.tag(), migration.file(), statement.line(),
                "the shadow database (SQLite, built from the previous snapshot) refuses statement "
                        + statement.number() + ": " + error + (rest > 0 ? "; the " + (rest == 1 ? "statement"
                        : rest + " statements") + " after it " + (rest == 1 ? "was" : "were") + " not analysed" : "")
                        + " (an extension, a function SQLite lacks, or an object no snapshot records)");
    }

    /** {@code INSERT ... SELECT}: how a rebuild copies rows from the old table into the new one. */
    static boolean copiesRows(String sql) {
        String code = sql.substring(SqlBlanks.skip(sql, 0));
        return code.regionMatches(true, 0, "INSERT", 0, 6) && code.toUpperCase(Locale.ROOT).contains("SELECT");
    }

    /** Ends the replay at a refused statement, out of {@code forEach}. */
    private static final class Stop extends RuntimeException {
        Stop() {
            super(null, null, false, false);
        }
    }
}
