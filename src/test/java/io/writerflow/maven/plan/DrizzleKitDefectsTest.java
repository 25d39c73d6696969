package io.writerflow.maven.plan;

import io.writerflow.maven.WriterflowException;
import io.writerflow.maven.diff.Renames;
import io.writerflow.maven.diff.SchemaDiff;
import io.writerflow.maven.plan.DrizzleKitChain.Step;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The same change, as drizzle-kit 0.31.11 writes it and as planned here, applied to a database holding rows:
 * drizzle-kit's rebuild copies a column the old table does not have, writes a generated column, copies
 * NULLs into a NOT NULL column and backquotes an index expression; this one keeps every row.
 */
class DrizzleKitDefectsTest {

    @TempDir
    static Path project;

    static List<Step> steps;

    @TempDir
    Path database;

    @BeforeAll
    static void runDrizzleKit() throws Exception {
        steps = DrizzleKitChain.run(project, List.of("00_base", "01_rebuild"), "plan/drizzle-defects/");
    }

    private ApplyFixture usersWithDocuments(String name) throws Exception {
        ApplyFixture db = new ApplyFixture(database.resolve(name));
        db.apply(steps.get(0).drizzleSql());
        db.execute("INSERT INTO users (id, name) VALUES (1, 'Ada'), (2, NULL)",
                "INSERT INTO documents VALUES (10, 1), (11, 2)");
        return db;
    }

    @Test
    void drizzleKitsRebuildFailsOnTheRows() throws Exception {
        ApplyFixture db = usersWithDocuments("drizzle");
        String drizzle = steps.get(1).drizzleSql();
        assertTrue(drizzle.contains("SELECT \"id\", \"name\", \"name_length\", \"score\" FROM `users`"), drizzle);

        WriterflowException e = assertThrows(WriterflowException.class, () -> db.apply(drizzle));
        assertTrue(e.getMessage().contains("failed at statement 3"), e.getMessage());
    }

    @Test
    void theRebuildPlannedHereKeepsEveryRow() throws Exception {
        ApplyFixture db = usersWithDocuments("planned");
        Step step = steps.get(1);
        String sql = MigrationSql.render(SqlitePlanner.plan(step.before(), step.after(),
                SchemaDiff.diff(step.before(), step.after(), Renames.NONE, false)));

        db.apply(sql);

        assertEquals(List.of("1|Ada|3|0", "2|anon|4|0"), db.rows("SELECT id, name, name_length, score FROM users"
                + " ORDER BY id"));
        assertEquals(2, db.count("SELECT count(*) FROM documents"));
        assertEquals(List.of("CREATE INDEX `users_lower_name_idx` ON `users` (lower(\"name\"))"),
                db.rows("SELECT sql FROM sqlite_master WHERE name = 'users_lower_name_idx'"));
    }
}
