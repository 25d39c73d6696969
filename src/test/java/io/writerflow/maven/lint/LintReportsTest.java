package io.writerflow.maven.lint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.writerflow.maven.lint.report.GithubAnnotations;
import io.writerflow.maven.lint.report.LintJson;
import io.writerflow.maven.lint.report.LintSarif;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The lint's outputs for tools: SARIF, GitHub Actions annotations, JSON. */
class LintReportsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path project;

    /** A dropped column (WF102 error), a suppressed dropped table, and a UNIQUE on an existing table (warning). */
    private LintResult result() throws Exception {
        return new LintFixture(project).migration("0000_init", "CREATE TABLE `users` (\n\t`id` integer PRIMARY KEY"
                + " NOT NULL,\n\t`email` text,\n\t`age` integer\n);\n--> statement-breakpoint\nCREATE TABLE `old` ("
                + "`id` integer);").unsnapshotted("0001_change", "ALTER TABLE `users` DROP COLUMN `age`;\n"
                + "--> statement-breakpoint\n-- writerflow:lint-ignore WF101 emptied, archived: 100%, ok\n"
                + "DROP TABLE `old`;\n--> statement-breakpoint\n"
                + "CREATE UNIQUE INDEX `users_email_unique` ON `users` (`email`);").lintLatest();
    }

    @Test
    void sarifNamesRulesResultsLocationsAndSuppressions() throws Exception {
        JsonNode sarif = JSON.readTree(LintSarif.render(result(), "1.2.3"));
        assertEquals("2.1.0", sarif.get("version").asText());
        assertTrue(sarif.get("$schema").asText().contains("sarif-2.1.0"));
        JsonNode run = sarif.get("runs").get(0);
        JsonNode driver = run.get("tool").get("driver");
        assertEquals("writerflow", driver.get("name").asText());
        assertEquals("1.2.3", driver.get("version").asText());
        assertEquals(FindingCode.values().length, driver.get("rules").size());
        JsonNode rule = driver.get("rules").get(FindingCode.DROP_COLUMN.ordinal());
        assertEquals("WF102", rule.get("id").asText());
        assertEquals("drop-column", rule.get("name").asText());
        assertEquals("error", rule.get("defaultConfiguration").get("level").asText());
        assertTrue(rule.get("shortDescription").get("text").asText().contains("drop-column"));

        JsonNode results = run.get("results");
        assertEquals(3, results.size(), results.toString());
        for (JsonNode r : results) {
            assertEquals(r.get("ruleId").asText(), driver.get("rules").get(r.get("ruleIndex").asInt()).get("id")
                    .asText());
            JsonNode location = r.get("locations").get(0).get("physicalLocation");
            assertEquals("drizzle/0001_change.sql", location.get("artifactLocation").get("uri").asText());
            assertEquals("%SRCROOT%", location.get("artifactLocation").get("uriBaseId").asText());
            assertTrue(location.get("region").get("startLine").asInt() >= 1);
            assertFalse(r.get("message").get("text").asText().isEmpty());
        }
        JsonNode drop = results.get(0);
        assertEquals("WF102", drop.get("ruleId").asText());
        assertEquals("error", drop.get("level").asText());
        assertEquals(1, drop.get("locations").get(0).get("physicalLocation").get("region").get("startLine").asInt());
        assertTrue(drop.get("message").get("text").asText().startsWith("drops column users.age"));
        JsonNode suppressed = results.get(1);
        assertEquals("WF101", suppressed.get("ruleId").asText());
        assertEquals("inSource", suppressed.get("suppressions").get(0).get("kind").asText());
        assertEquals("emptied, archived: 100%, ok", suppressed.get("suppressions").get(0).get("justification")
                .asText());
        assertEquals("warning", results.get(2).get("level").asText());
        assertTrue(results.get(2).get("suppressions") == null);
    }

    @Test
    void githubAnnotationsForUnsuppressedFindingsRelativeToTheRepository() throws Exception {
        Path repository = project.getParent();
        List<String> lines = GithubAnnotations.lines(result(), project, Optional.of(repository));
        String file = project.getFileName() + "/drizzle/0001_change.sql";
        assertEquals(2, lines.size(), lines.toString());
        assertTrue(lines.get(0).startsWith("::error file=" + file + ",line=1,title=WF102 drop-column::drops column"
                + " users.age"), lines.get(0));
        assertTrue(lines.get(1).startsWith("::warning file=" + file + ",line=6,title=WF301 unique-on-existing-table::"),
                lines.get(1));
        assertEquals(List.of("::error file=drizzle/0001_change.sql,"),
                List.of(GithubAnnotations.lines(result(), project, Optional.empty()).get(0).substring(0, 37)));
        assertTrue(GithubAnnotations.active(Map.of("GITHUB_ACTIONS", "true")));
        assertFalse(GithubAnnotations.active(Map.of()));
    }

    @Test
    void githubEscaping() {
        Finding odd = Finding.of(FindingCode.DROP_TABLE, "0001_x", "a,b:c.sql", 3, "100% lost\r\nreally");
        assertEquals("::error file=a%2Cb%3Ac.sql,line=3,title=WF101 drop-table::100%25 lost%0D%0Areally",
                GithubAnnotations.lines(new LintResult("s", List.of(new LintedMigration("0001_x", "a,b:c.sql",
                        "x.sql", List.of(odd))), LintFailOn.ERROR), project, Optional.empty()).get(0));
    }

    @Test
    void jsonHasTheCountsAndEachFinding() throws Exception {
        JsonNode json = JSON.readTree(LintJson.render(result()));
        assertFalse(json.get("passed").asBoolean());
        assertEquals("error", json.get("failOn").asText());
        assertEquals(1, json.get("counts").get("error").asInt());
        assertEquals(1, json.get("counts").get("warning").asInt());
        assertEquals(1, json.get("counts").get("suppressed").asInt());
        JsonNode migration = json.get("migrations").get(0);
        assertEquals("0001_change", migration.get("tag").asText());
        assertEquals("drizzle/0001_change.sql", migration.get("file").asText());
        JsonNode drop = migration.get("findings").get(0);
        assertEquals("WF102", drop.get("code").asText());
        assertEquals("drop-column", drop.get("name").asText());
        assertEquals("error", drop.get("severity").asText());
        assertEquals(1, drop.get("line").asInt());
        assertTrue(drop.get("fails").asBoolean());
        assertTrue(drop.get("suppressed").isNull());
        assertEquals("emptied, archived: 100%, ok", migration.get("findings").get(1).get("suppressed").asText());
        assertEquals(0, migration.get("cleared").size());
    }
}
