package io.writerflow.maven.status;

import io.writerflow.maven.engine.MigrationState;
import io.writerflow.maven.engine.MigrationStatus;
import io.writerflow.maven.engine.StatusReport;
import io.writerflow.maven.engine.drift.Drift;
import io.writerflow.maven.engine.drift.DriftReport;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StatusGatesTest {

    private static final Instant WHEN = Instant.parse("2026-11-24T10:15:30Z");

    private static MigrationStatus applied(String tag) {
        return new MigrationStatus(tag.substring(0, 4), tag, "drizzle/" + tag + ".sql", MigrationState.APPLIED, WHEN,
                "ci", 3);
    }

    private static MigrationStatus changed(String tag) {
        return new MigrationStatus(tag.substring(0, 4), tag, "drizzle/" + tag + ".sql", MigrationState.CHANGED, WHEN,
                "ci", 3);
    }

    private static MigrationStatus pending(String tag) {
        return new MigrationStatus(tag.substring(0, 4), tag, "drizzle/" + tag + ".sql", MigrationState.PENDING, null,
                null, null);
    }

    private static StatusReport report(List<Drift> drift, MigrationStatus... migrations) {
        return new StatusReport("file:local.db", "drizzle", true, List.of(migrations), List.of(),
                new DriftReport(true, "compared with drizzle/meta/0001_snapshot.json", drift));
    }

    private static final StatusReport EVERYTHING_WRONG = report(
            List.of(new Drift("audit_log", Drift.NOT_IN_MIGRATIONS, "table audit_log not in migrations")),
            changed("0000_init"), applied("0001_tags"), pending("0002_scores"));

    @Test
    void everyGateIsOffByDefaultAndTheReportOnlyWarns() {
        GateResult result = StatusGates.of(false, false, null, false).evaluate(EVERYTHING_WRONG);
        assertTrue(result.passed());
        assertEquals(List.of("0000_init is changed; apply will refuse to run until it is resolved."),
                result.warnings());
    }

    @Test
    void eachGateFailsOnlyOnWhatItGuards() {
        StatusReport clean = report(List.of(), applied("0000_init"), applied("0001_tags"));
        assertTrue(StatusGates.of(true, true, true, true).evaluate(clean).passed());

        assertEquals(List.of(Gate.PENDING), gates(StatusGates.of(true, false, false, false)));
        assertEquals(List.of(Gate.DRIFT), gates(StatusGates.of(false, true, false, false)));
        assertEquals(List.of(Gate.CHANGED), gates(StatusGates.of(false, false, true, false)));
        // every failed gate, in the order the goal reports them
        assertEquals(List.of(Gate.CHANGED, Gate.PENDING, Gate.DRIFT), gates(StatusGates.of(true, true, true, false)));
    }

    private static List<Gate> gates(StatusGates gates) {
        return gates.evaluate(EVERYTHING_WRONG).failures().stream().map(GateFailure::gate).toList();
    }

    @Test
    void failOnChangedFollowsCiModeUnlessSetAndSaysWhenCiModeTurnedItOn() {
        assertEquals(new StatusGates(false, false, true, true), StatusGates.of(false, false, null, true));
        assertEquals(new StatusGates(false, false, false, false), StatusGates.of(false, false, null, false));
        assertEquals(new StatusGates(false, false, false, false), StatusGates.of(false, false, false, true));
        assertEquals(new StatusGates(false, false, true, false), StatusGates.of(false, false, true, false));

        GateFailure byCi = StatusGates.of(false, false, null, true).evaluate(EVERYTHING_WRONG).failures().get(0);
        assertEquals("1 applied migration was edited since file:local.db applied it (drizzle/0000_init.sql)"
                + " (failOnChanged is on in CI mode).", byCi.problem());
        assertTrue(byCi.nextStep().startsWith("Restore the applied text (git log -p -- drizzle/0000_init.sql shows"
                + " it)"), byCi.nextStep());
        GateFailure set = StatusGates.of(false, false, true, true).evaluate(report(List.of(), changed("0000_init"),
                changed("0001_tags"))).failures().get(0);
        assertEquals("2 applied migrations were edited since file:local.db applied them (drizzle/0000_init.sql,"
                + " drizzle/0001_tags.sql).", set.problem());
    }

    @Test
    void ciModeIsTheSettingElseTheCiVariableUnlessFalseOrZero() {
        assertFalse(CiMode.detect(null, Map.of()));
        assertFalse(CiMode.detect(null, Map.of("CI", " ")));
        assertTrue(CiMode.detect(null, Map.of("CI", "true")));
        assertTrue(CiMode.detect(null, Map.of("CI", "1")));
        assertFalse(CiMode.detect(null, Map.of("CI", "FALSE")));
        assertFalse(CiMode.detect(null, Map.of("CI", " 0 ")));
        assertTrue(CiMode.detect(true, Map.of("CI", "false")));
        assertFalse(CiMode.detect(false, Map.of("CI", "true")));
    }

    @Test
    void pendingNamesTheMigrationsAndTheWayOut() {
        GateFailure failure = StatusGates.of(true, false, false, false).evaluate(EVERYTHING_WRONG).failures().get(0);
        assertEquals("1 migration is pending (0002_scores) on file:local.db.", failure.problem());
        assertEquals("1 migration is pending (0002_scores) on file:local.db.\n  Next step: run mvn writerflow:apply,"
                + " or drop -Dwriterflow.failOnPending to only report them.", failure.toException().getMessage());
        assertEquals(failure.toException().getMessage(), failure.message());
    }

    @Test
    void driftNamesTheFirstFiveDifferencesAndCountsTheRest() {
        List<Drift> drift = IntStream.range(0, 7).mapToObj(i -> new Drift("t" + i, Drift.NOT_IN_MIGRATIONS,
                "table t" + i + " not in migrations")).toList();
        GateFailure failure = StatusGates.of(false, true, false, false).evaluate(report(drift, applied("0000_init")))
                .failures().get(0);
        assertEquals("file:local.db has drifted from its migrations: 7 differences (compared with"
                + " drizzle/meta/0001_snapshot.json):\n    table t0 not in migrations\n    table t1 not in migrations\n"
                + "    table t2 not in migrations\n    table t3 not in migrations\n    table t4 not in migrations\n"
                + "    ... and 2 more (see the report above)", failure.problem());
        assertTrue(failure.nextStep().endsWith("drop -Dwriterflow.failOnDrift to only report it."),
                failure.nextStep());
    }

    @Test
    void everyStateApplyRefusesIsWarnedAbout() {
        StatusReport report = new StatusReport("file:local.db", "drizzle", true, List.of(
                new MigrationStatus("0", "0000_a", null, MigrationState.MISSING, WHEN, "ci", 1),
                new MigrationStatus("1", "0001_b", "drizzle/0001_b.sql", MigrationState.FAILED, WHEN, "ci", 1),
                new MigrationStatus("2", "0002_c", "drizzle/0002_c.sql", MigrationState.SKIPPED, null, null, null),
                pending("0003_d")), List.of());
        assertEquals(List.of("0000_a is missing; apply will refuse to run until it is resolved.",
                "0001_b is failed; apply will refuse to run until it is resolved.",
                "0002_c is skipped; apply will refuse to run until it is resolved."),
                StatusGates.of(false, false, false, false).evaluate(report).warnings());
    }
}
