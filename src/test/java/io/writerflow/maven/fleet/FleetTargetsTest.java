package io.writerflow.maven.fleet;

import io.writerflow.maven.WriterflowException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The targets parameter: a file, or databases listed in the POM, checked as the file is. */
class FleetTargetsTest {

    @TempDir
    Path project;

    private static String shown(Path p) {
        return p.getFileName().toString();
    }

    private List<FleetTarget> read(Targets targets) {
        return targets.read(project, FleetTargetsTest::shown);
    }

    private String problem(Targets targets) {
        return assertThrows(WriterflowException.class, () -> read(targets)).problem();
    }

    @Test
    void aFileIsReadAsBefore() throws Exception {
        Files.writeString(project.resolve("fleet.txt"), "a file:a.db\n");
        Targets targets = Targets.file(" fleet.txt ");
        assertEquals("fleet.txt", targets.shownAs(project, FleetTargetsTest::shown));
        assertEquals("fleet.txt:1", read(targets).get(0).declaredAt());
        assertTrue(Targets.file(" ").isEmpty());
        assertTrue(new Targets().isEmpty());
    }

    @Test
    void inlineDatabasesAreListedInOrderWithTheirPosition() {
        Targets targets = Targets.of(new Targets.Target("tenant-a", "file:a.db"), new Targets.Target(" tenant-b ",
                "file:sub/b.db"));
        assertFalse(targets.isEmpty());
        assertEquals("the POM's <targets>", targets.shownAs(project, FleetTargetsTest::shown));
        List<FleetTarget> listed = read(targets);
        assertEquals(List.of("tenant-a", "tenant-b"), listed.stream().map(FleetTarget::name).toList());
        assertEquals("<targets> entry 2", listed.get(1).declaredAt());
        assertEquals("file:sub/b.db", listed.get(1).display());
    }

    @Test
    void inlineDatabasesAreCheckedAsTheFileIs() {
        assertEquals("The fleet's list of databases at <targets> entry 2 names 'a' again (first at <targets> entry 1);"
                + " nothing was run.", problem(Targets.of(new Targets.Target("a", "file:a.db"),
                new Targets.Target("a", "file:b.db"))));
        assertEquals("The fleet's list of databases at <targets> entry 1 has no <url>; nothing was run.",
                problem(Targets.of(new Targets.Target("a", " "))));
        assertEquals("The fleet's list of databases at <targets> entry 2 has no <name>; nothing was run.",
                problem(Targets.of(new Targets.Target("a", "file:a.db"), new Targets.Target(null, "file:b.db"))));
        assertTrue(problem(Targets.of(new Targets.Target("a b", "file:a.db"))).startsWith(
                "The fleet's list of databases at <targets> entry 1 has 3 words"));
        assertTrue(problem(Targets.of(new Targets.Target("r", "libsql://db.turso.io?authToken=SECRET")))
                .startsWith("The URL at <targets> entry 1 carries a token (?authToken=)"));
    }

    @Test
    void aFileAndInlineDatabasesTogetherAreRefused() {
        Targets both = Targets.of(new Targets.Target("a", "file:a.db"));
        both.set("fleet.txt");
        assertTrue(problem(both).startsWith("writerflow.targets names both a file (fleet.txt) and <target> databases"));
    }
}
