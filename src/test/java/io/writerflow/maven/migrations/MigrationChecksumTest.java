package io.writerflow.maven.migrations;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The checksum in chunks is the checksum recorded for applied migrations: CRC32 of the normalised UTF-8 text. */
class MigrationChecksumTest {

    private static int whole(String content) {
        String normalised = content.startsWith("\uFEFF") ? content.substring(1) : content;
        normalised = normalised.replace("\r\n", "\n").replace('\r', '\n');
        CRC32 crc = new CRC32();
        crc.update(normalised.getBytes(StandardCharsets.UTF_8));
        return (int) crc.getValue();
    }

    @Test
    void sameAsOverTheWholeNormalisedText() {
        String line = "INSERT INTO `t` VALUES ('é', '😀');\r\n--> statement-breakpoint\r";
        StringBuilder large = new StringBuilder("\uFEFF");
        while (large.length() < 100_000) {
            large.append(line).append("x".repeat(large.length() % 13)).append('\n');
        }
        for (String content : new String[] {"", "\uFEFF", "a\r\nb\rc\n", "\r\r\n\n", large.toString(),
                "x".repeat(8191) + "😀" + "y"}) {
            assertEquals(whole(content), Migration.checksum(content), () -> content.length() + " chars");
        }
        assertEquals(Migration.checksum("a\nb\n"), Migration.checksum("a\r\nb\r\n"));
    }
}
