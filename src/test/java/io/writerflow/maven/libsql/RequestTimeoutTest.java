package io.writerflow.maven.libsql;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A request's timeout grows with what it carries; reads and small applies keep the plain timeout. */
class RequestTimeoutTest {

    private final HranaClient client = new HranaClient(URI.create("http://127.0.0.1:1"), null, Duration.ofSeconds(10),
            Duration.ofSeconds(60));

    @Test
    void smallRequestsHaveThePlainTimeout() {
        assertEquals(Duration.ofSeconds(60), client.timeoutFor(2_000, 3));
        assertEquals(Duration.ofSeconds(60), client.timeoutFor(1 << 20, 1_000));
    }

    @Test
    void largeOnesGetTimeToBeSentAndRun() {
        // a 50 MB migration: 2 s per MB beyond the first
        assertEquals(Duration.ofSeconds(60 + 98), client.timeoutFor(50L << 20, 200));
        // 2,000 migrations of 10 steps in one request: 1 s per 100 statements beyond the first 1,000
        assertEquals(Duration.ofSeconds(60 + 190), client.timeoutFor(1 << 20, 20_000));
    }
}
