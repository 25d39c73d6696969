package io.writerflow.maven.lint;

import io.writerflow.maven.WriterflowException;
import io.writerflow.maven.lint.analysis.StatementRules;
import io.writerflow.maven.lint.report.LintLog;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The model's rules (thresholds, codes), the textual rules and the build log's lines. */
class LintModelTest {

    private static final Finding DROP = Finding.of(FindingCode.DROP_TABLE, "0003_users", "drizzle/0003_users.sql", 4,
            "drops table users: its rows are lost");
    private static final Finding LOCK = Finding.of(FindingCode.TABLE_REBUILD, "0003_users", "drizzle/0003_users.sql",
            7, "rebuilds table posts");

    @Test
    void thresholds() {
        assertTrue(DROP.fails(LintFailOn.ERROR));
        assertFalse(LOCK.fails(LintFailOn.ERROR));
        assertTrue(LOCK.fails(LintFailOn.WARNING));
        assertFalse(DROP.fails(LintFailOn.NONE));
        assertFalse(DROP.suppressedBecause("archived").fails(LintFailOn.WARNING));
        assertEquals(LintFailOn.ERROR, LintFailOn.parse(null));
        assertEquals(LintFailOn.WARNING, LintFailOn.parse(" Warning "));
        WriterflowException e = assertThrows(WriterflowException.class, () -> LintFailOn.parse("fatal"));
        assertEquals("writerflow.lintFailOn=fatal is not a threshold.", e.problem());
    }

    @Test
    void codesAreUniqueAndWellFormed() {
        Set<String> codes = new HashSet<>();
        Arrays.stream(FindingCode.values()).forEach(c -> {
            assertTrue(c.code().matches("WF[1-59]\\d\\d"), c.code());
            assertTrue(codes.add(c.code()), "twice: " + c.code());
            assertEquals(c, FindingCode.of(c.code().toLowerCase()).orElseThrow());
        });
    }

    @Test
    void textualRules() {
        assertEquals(List.of(), StatementRules.check("PRAGMA journal_mode", LintTarget.SQLITE));
        assertEquals(List.of(), StatementRules.check("PRAGMA foreign_keys=OFF", LintTarget.SQLITE));
        assertEquals(List.of(), StatementRules.check("PRAGMA table_info(users)", LintTarget.SQLITE));
        assertEquals(FindingCode.NOT_TRANSACTIONAL,
                StatementRules.check("-- tune\npragma main.synchronous = NORMAL", LintTarget.SQLITE).get(0).code());
        assertEquals(FindingCode.NOT_TRANSACTIONAL,
                StatementRules.check("PRAGMA wal_checkpoint(TRUNCATE)", LintTarget.SQLITE).get(0).code());
        assertEquals(List.of(), StatementRules.check("ALTER TABLE t RENAME COLUMN a TO b", LintTarget.SQLITE));
        assertEquals(Severity.ERROR, StatementRules.check("ATTACH DATABASE 'x.db' AS x", LintTarget.LIBSQL).get(0)
                .severity());
        assertEquals(List.of(), StatementRules.check("ATTACH DATABASE 'x.db' AS x", LintTarget.SQLITE));
    }

    @Test
    void buildLogLines() {
        LintResult result = new LintResult("new or changed since origin/main", List.of(new LintedMigration(
                "0003_users", "drizzle/0003_users.sql", "0003_users.sql",
                List.of(DROP, LOCK, DROP.suppressedBecause("archived in 0002")))), LintFailOn.ERROR);
        List<LintLog.Line> lines = LintLog.lines(result);
        assertEquals(List.of(
                new LintLog.Line(LintLog.Level.INFO, "Lint drizzle/0003_users.sql: 3 findings"),
                new LintLog.Line(LintLog.Level.ERROR, "  0003_users.sql:4  WF101 error  drops table users: its rows"
                        + " are lost"),
                new LintLog.Line(LintLog.Level.WARN, "  0003_users.sql:7  WF401 warning  rebuilds table posts"),
                new LintLog.Line(LintLog.Level.INFO, "  0003_users.sql:4  WF101 suppressed  drops table users: its"
                        + " rows are lost (suppressed: archived in 0002)"),
                new LintLog.Line(LintLog.Level.ERROR, "Lint of 1 migration (new or changed since origin/main): 1 error,"
                        + " 1 warning, 1 suppressed; fails at writerflow.lintFailOn=error.")), lines);
        assertEquals(List.of(new LintLog.Line(LintLog.Level.INFO, "Lint: no migration to review (pending on the"
                + " database).")), LintLog.lines(new LintResult("pending on the database", List.of(), LintFailOn.ERROR)));
        assertTrue(new LintFailedException(result).getMessage().contains("drizzle/0003_users.sql:4 WF101 drops table"
                + " users"));
    }
}
