package io.writerflow.maven.fleet;

import io.writerflow.maven.WriterflowException;
import io.writerflow.maven.settings.AuthToken;
import io.writerflow.maven.settings.DatabaseUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The fleet's list of databases: its format, and one clear message naming file:line for each bad line. */
class FleetTargetListTest {

    @TempDir
    Path project;

    private List<FleetTarget> parse(String... lines) {
        return TargetList.parse(List.of(lines), "fleet.txt", project);
    }

    private String failure(String... lines) {
        return assertThrows(WriterflowException.class, () -> parse(lines)).getMessage();
    }

    @Test
    void readsNamesAndUrlsSkippingCommentsAndBlankLines() {
        List<FleetTarget> targets = parse("# tenants", "", "  tenant-1   libsql://tenant-1-org.turso.io  ",
                "tenant_2\thttp://127.0.0.1:8080 # local", "local file:tenants/local.db");
        assertEquals(List.of("tenant-1", "tenant_2", "local"), targets.stream().map(FleetTarget::name).toList());
        assertInstanceOf(DatabaseUrl.Remote.class, targets.get(0).url());
        assertEquals("fleet.txt:3", targets.get(0).declaredAt());
        assertEquals("fleet.txt:4", targets.get(1).declaredAt());
        assertEquals(project.resolve("tenants/local.db"), ((DatabaseUrl.File) targets.get(2).url()).path());
    }

    @Test
    void aDuplicateNameNamesBothLines() {
        String message = failure("a file:a.db", "b file:b.db", "a file:c.db");
        assertTrue(message.contains("fleet.txt:3"), message);
        assertTrue(message.contains("first at fleet.txt:1"), message);
        assertTrue(message.contains("nothing was run"), message);
    }

    @Test
    void aMalformedLineNamesItsLine() {
        assertTrue(failure("a file:a.db", "", "lonely").contains("fleet.txt:3 has a name without a URL"));
        assertTrue(failure("a file:a.db extra").contains("fleet.txt:1 has 3 words"));
        assertTrue(failure("-bad file:a.db").contains("fleet.txt:1 names its database '-bad'"));
        assertTrue(failure("a ftp://host/db").contains("fleet.txt:1"));
    }

    @Test
    void aUrlCarryingATokenIsRefusedWithoutPrintingIt() {
        String message = failure("a file:a.db", "tenant-2 libsql://t2-org.turso.io?authToken=s3cret");
        assertTrue(message.contains("fleet.txt:2 carries a token"), message);
        assertTrue(message.contains("WRITERFLOW_TOKEN_TENANT_2"), message);
        assertFalse(message.contains("s3cret"), message);
    }

    @Test
    void anEmptyListIsAnError() {
        assertTrue(failure("# nothing", "").contains("names no database"));
    }

    @Test
    void readsAFileAndSaysWhenItIsMissing() throws Exception {
        Path file = Files.writeString(project.resolve("fleet.txt"), "a file:a.db\n");
        assertEquals(1, TargetList.read(file, "fleet.txt", project).size());
        String message = assertThrows(WriterflowException.class,
                () -> TargetList.read(project.resolve("none.txt"), "none.txt", project)).getMessage();
        assertTrue(message.contains("none.txt (no such file)"), message);
    }

    @Test
    void eachDatabasesTokenComesFromItsVariableElseTheSharedOne() {
        List<FleetTarget> targets = parse("tenant-1 http://127.0.0.1:1", "Tenant.Two http://127.0.0.1:2");
        assertEquals("WRITERFLOW_TOKEN_TENANT_1", FleetTokens.variable("tenant-1"));
        assertEquals("WRITERFLOW_TOKEN_TENANT_TWO", FleetTokens.variable("Tenant.Two"));
        FleetTokens tokens = new FleetTokens(Map.of("WRITERFLOW_TOKEN_TENANT_TWO", "own"),
                Optional.of(new AuthToken("shared")), "environment variable TURSO_AUTH_TOKEN");
        assertEquals("shared", tokens.token(targets.get(0)).orElseThrow().value());
        assertEquals("environment variable TURSO_AUTH_TOKEN", tokens.source(targets.get(0)));
        assertEquals("own", tokens.token(targets.get(1)).orElseThrow().value());
        assertEquals("environment variable WRITERFLOW_TOKEN_TENANT_TWO", tokens.source(targets.get(1)));
        assertTrue(new FleetTokens(Map.of(), Optional.empty(), "nowhere").token(targets.get(0)).isEmpty());
    }
}
