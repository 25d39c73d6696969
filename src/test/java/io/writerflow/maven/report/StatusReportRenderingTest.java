package io.writerflow.maven.report;

import io.writerflow.maven.engine.MigrationState;
import io.writerflow.maven.engine.MigrationStatus;
import io.writerflow.maven.engine.StatusReport;
import io.writerflow.maven.engine.drift.Drift;
import io.writerflow.maven.engine.drift.DriftReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StatusReportRenderingTest {

    private static final Instant WHEN = Instant.parse("2026-11-24T10:15:30Z");

    private static final StatusReport REPORT = new StatusReport("file:local.db", "drizzle", true, List.of(
            new MigrationStatus("0", "0000_init", "drizzle/0000_init.sql", MigrationState.APPLIED, WHEN, "ci", 12),
            new MigrationStatus("1", "0001_edited", "drizzle/0001_edited.sql", MigrationState.CHANGED, WHEN, "ci", 3),
            new MigrationStatus("2", "0002_gone", null, MigrationState.MISSING, WHEN, "ci", 4),
            new MigrationStatus("3", "0003_next", "drizzle/0003_next.sql", MigrationState.PENDING, null, null, null)),
            List.of("drizzle/stray.sql"));

    @Test
    void textIsATableWithOneLinePerMigrationAndCounts() {
        List<String> lines = StatusText.lines(REPORT);
        assertEquals("Database file:local.db, migrations in drizzle, at 0001_edited", lines.get(0));
        assertTrue(lines.get(1).contains("migration") && lines.get(1).contains("state"), lines.get(1));
        assertEquals("  0000_init    applied   applied 2026-11-24 10:15:30 UTC by ci in 12 ms", lines.get(2));
        assertTrue(lines.get(3).contains("changed") && lines.get(3).contains("drizzle/0001_edited.sql edited"),
                lines.get(3));
        assertTrue(lines.get(4).contains("missing") && lines.get(4).contains("not in the migrations directory"), lines.get(4));
        assertEquals("  0003_next    pending", lines.get(5));
        assertEquals("1 applied, 1 pending, 1 changed, 1 missing.", lines.get(6));
    }

    @Test
    void textForADatabaseNotCreatedYet() {
        StatusReport fresh = new StatusReport("file:local.db", "drizzle", false, List.of(
                new MigrationStatus("0", "0000_init", "drizzle/0000_init.sql", MigrationState.PENDING, null, null, null)),
                List.of());
        List<String> lines = StatusText.lines(fresh);
        assertEquals("Database file:local.db (not created yet), migrations in drizzle, at no migration", lines.get(0));
        assertEquals("0 applied, 1 pending.", lines.get(lines.size() - 1));
    }

    @Test
    void jsonCarriesTheSameFacts() throws Exception {
        JsonNode json = new ObjectMapper().readTree(StatusJson.render(REPORT));
        assertEquals("file:local.db", json.get("database").asText());
        assertEquals("0001_edited", json.get("current").asText());
        assertEquals(4, json.get("migrations").size());
        JsonNode first = json.get("migrations").get(0);
        assertEquals("0000_init", first.get("tag").asText());
        assertEquals("applied", first.get("state").asText());
        assertEquals("2026-11-24T10:15:30Z", first.get("appliedAt").asText());
        assertEquals(12, first.get("durationMs").asInt());
        assertTrue(json.get("migrations").get(2).get("file").isNull());
        assertTrue(json.get("migrations").get(3).get("appliedAt").isNull());
        JsonNode counts = json.get("counts");
        assertEquals(1, counts.get("applied").asInt());
        assertEquals(1, counts.get("pending").asInt());
        assertEquals(1, counts.get("changed").asInt());
        assertEquals(1, counts.get("missing").asInt());
        assertEquals(0, counts.get("failed").asInt());
        assertEquals("drizzle/stray.sql", json.get("unlisted").get(0).asText());
    }

    @Test
    void driftComesBeforeTheCountsOneLinePerDifference() throws Exception {
        StatusReport drifted = REPORT.withDrift(new DriftReport(true, "compared with drizzle/meta/0001_snapshot.json",
                List.of(new Drift("users.nickname", Drift.NOT_IN_MIGRATIONS, "column users.nickname not in migrations"),
                        new Drift("documents_owner_idx", Drift.MISSING, "index documents_owner_idx missing"))));

        List<String> lines = StatusText.lines(drifted);

        assertEquals(List.of("Drift: 2 differences (compared with drizzle/meta/0001_snapshot.json):",
                "  column users.nickname not in migrations", "  index documents_owner_idx missing",
                "1 applied, 1 pending, 1 changed, 1 missing."), lines.subList(6, 10));
        JsonNode json = new ObjectMapper().readTree(StatusJson.render(drifted));
        assertTrue(json.get("driftChecked").asBoolean());
        assertEquals("missing", json.get("drift").get(1).get("kind").asText());
        assertEquals("documents_owner_idx", json.get("drift").get(1).get("object").asText());
        assertEquals(0, new ObjectMapper().readTree(StatusJson.render(REPORT)).get("drift").size());
    }
}
