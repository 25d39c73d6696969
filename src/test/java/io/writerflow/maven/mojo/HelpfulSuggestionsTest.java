package io.writerflow.maven.mojo;

import io.writerflow.maven.WriterflowException;
import io.writerflow.maven.engine.apply.HistoryConflict;
import io.writerflow.maven.engine.backup.BackupFailed;
import io.writerflow.maven.engine.database.DatabaseUnavailable;
import io.writerflow.maven.engine.database.DatabaseUnavailable.Reason;
import io.writerflow.maven.engine.lock.LockNotTaken;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HelpfulSuggestionsTest {

    private static DatabaseUnavailable database(Reason reason) {
        return new DatabaseUnavailable(reason, "Database X failed.", "<url>", "127.0.0.1:8080", null);
    }

    @Test
    void everyTypedFailureGetsTheNextStepInThePluginsWords() {
        assertTrue(HelpfulSuggestions.message(database(Reason.TOKEN_REFUSED))
                .endsWith("Next step: Create a new token (turso db tokens create <database>) and put it where the old"
                        + " one was."));
        assertTrue(HelpfulSuggestions.nextStep(database(Reason.TOKEN_MISSING)).contains("-Dwriterflow.serverId"));
        assertEquals("Point <url> at the server's plain-HTTP address: http://127.0.0.1:8080 or"
                + " libsql://127.0.0.1:8080?tls=0 (if the server should speak TLS, check the port).",
                HelpfulSuggestions.nextStep(database(Reason.NOT_TLS)));
        assertTrue(HelpfulSuggestions.nextStep(database(Reason.OUTCOME_UNKNOWN)).startsWith("When the server answers,"
                + " run writerflow:status"));
        Arrays.stream(Reason.values()).forEach(reason -> assertNotNull(HelpfulSuggestions.nextStep(database(reason))));

        assertTrue(HelpfulSuggestions.nextStep(new LockNotTaken("held", true)).contains("writerflow.lockLease"));
        assertEquals("Wait for that apply to finish and run again, or raise writerflow.lockTimeout.",
                HelpfulSuggestions.nextStep(new LockNotTaken("held", false)));

        assertTrue(HelpfulSuggestions.nextStep(new HistoryConflict(HistoryConflict.Kind.CHANGED, "edited",
                "drizzle/0000_init.sql", "0", "h")).contains("git log -p -- drizzle/0000_init.sql"));
        assertTrue(HelpfulSuggestions.nextStep(new HistoryConflict(HistoryConflict.Kind.FAILED, "failed", null, "3",
                "__history")).contains("removes the failed row (version 3) from __history"));
        Arrays.stream(HistoryConflict.Kind.values()).forEach(kind -> assertNotNull(
                HelpfulSuggestions.nextStep(new HistoryConflict(kind, "p", "f", "1", "h"))));

        assertTrue(HelpfulSuggestions.nextStep(new BackupFailed("b", true, null)).startsWith("Drop -Dwriterflow.backup"));
        assertTrue(HelpfulSuggestions.nextStep(new BackupFailed("b", false, null)).contains("writerflow.backupDir"));
    }

    @Test
    void aWrappedTypedFailureKeepsItsNextStepAndAnUntypedOneItsOwn() {
        WriterflowException wrapped = new WriterflowException("Dry run: the next would fail.\nDatabase X failed.",
                null, database(Reason.UNREACHABLE));
        assertEquals("Dry run: the next would fail.\nDatabase X failed.\n  Next step: Check the URL, your network,"
                + " and that the server is running.", HelpfulSuggestions.message(wrapped));

        WriterflowException file = new WriterflowException("drizzle/meta/_journal.json:3: not JSON.", "Fix line 3.");
        assertEquals(file.getMessage(), HelpfulSuggestions.message(file));
    }
}
