package io.writerflow.maven;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class ContentHashTest {

    @Test
    void equalContentHasOneNameAndAnyChangeAnother() {
        byte[] snapshot = "{\"tables\":{\"posts\":{}}}".repeat(1000).getBytes();
        byte[] edited = snapshot.clone();
        edited[5000] ^= 1;
        byte[] longer = java.util.Arrays.copyOf(snapshot, snapshot.length + 1);

        assertEquals(ContentHash.of(snapshot), ContentHash.of(snapshot.clone()));
        assertNotEquals(ContentHash.of(snapshot), ContentHash.of(edited));
        assertNotEquals(ContentHash.of(snapshot), ContentHash.of(longer));
        assertEquals(ContentHash.of("posts"), ContentHash.of("posts".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    @Test
    void aNameIsSafeInAFileName() {
        assertEquals(true, ContentHash.of("any \n text / with \\ separators").matches("[0-9a-f]+-[0-9a-f]{24}"));
    }
}
