package io.writerflow.maven.engine;

import io.writerflow.maven.WriterflowException;
import io.writerflow.maven.engine.drift.TablesFilter;
import io.writerflow.maven.settings.DatabaseUrl;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The settings refuse table names that cannot be used before anything reaches a database. */
class EngineSettingsTest {

    private static EngineSettings settings(String history, String drizzle) {
        return new EngineSettings(Path.of("drizzle"), "drizzle", new DatabaseUrl.Memory(), "the test",
                Optional.empty(), "nowhere", history, "tester", Duration.ofSeconds(1), Duration.ofSeconds(30), drizzle,
                DrizzleHistory.AUTO, TablesFilter.ALL);
    }

    @Test
    void aPlainHistoryTableNameIsTaken() {
        for (String name : List.of("__writerflow_history", "History2", "_", "a".repeat(128))) {
            assertEquals(name, settings(name, "__drizzle_migrations").historyTable());
        }
    }

    @Test
    void aHostileOrInvalidHistoryTableIsRefusedNamingTheSetting() {
        for (String name : List.of("h\"; DROP TABLE users; --", "my history", "1st", "", "sqlite_history",
                "a".repeat(129), "hist\u0000ory")) {
            WriterflowException e = assertThrows(WriterflowException.class,
                    () -> settings(name, "__drizzle_migrations"), name);
            assertTrue(e.problem().startsWith("writerflow.historyTable is "), e.problem());
            assertTrue(e.nextStep().startsWith("Set writerflow.historyTable to a plain name"), e.nextStep());
        }
    }

    @Test
    void drizzlesTableMayHaveAnyNameQuotingCarries() {
        assertEquals("my \"migrations\"", settings("__writerflow_history", "my \"migrations\"").drizzleTable());
        WriterflowException e = assertThrows(WriterflowException.class,
                () -> settings("__writerflow_history", "a\u0000b"));
        assertTrue(e.problem().startsWith("drizzle's history table (migrations.table in drizzle.config) is"
                + " \"a\\u0000b\": the name holds a NUL character"), e.problem());
    }
}
