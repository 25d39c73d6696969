package io.writerflow.maven.fleet;

import io.writerflow.maven.WriterflowException;
import io.writerflow.maven.settings.DatabaseUrl;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Shards: stable, and together they cover every database exactly once. */
class FleetShardTest {

    private static List<FleetTarget> fleet(int size) {
        return IntStream.rangeClosed(1, size).mapToObj(i -> new FleetTarget("tenant-" + i,
                new DatabaseUrl.File(Path.of("t" + i + ".db"), "file:t" + i + ".db"), "fleet.txt:" + i)).toList();
    }

    @Test
    void oneThirdTwoThirdsThreeThirdsCoverEveryNameExactlyOnce() {
        List<FleetTarget> all = fleet(1000);
        List<String> covered = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            List<FleetTarget> shard = Shard.parse(i + "/3").of(all);
            assertTrue(shard.size() > 250 && shard.size() < 420, "roughly a third: " + shard.size());
            shard.forEach(t -> covered.add(t.name()));
        }
        assertEquals(all.size(), covered.size());
        assertEquals(all.stream().map(FleetTarget::name).collect(java.util.stream.Collectors.toSet()),
                new HashSet<>(covered));
    }

    @Test
    void stableAndIndependentOfListOrder() {
        List<FleetTarget> all = fleet(50);
        List<FleetTarget> reversed = new ArrayList<>(all);
        java.util.Collections.reverse(reversed);
        Shard shard = Shard.parse(" 2 / 5 ");
        Set<String> a = new HashSet<>(shard.of(all).stream().map(FleetTarget::name).toList());
        Set<String> b = new HashSet<>(shard.of(reversed).stream().map(FleetTarget::name).toList());
        assertEquals(a, b);
        // CRC32("tenant-1") = 0x5d7c5a8a... fixed by the algorithm: the same name always lands in the same shard
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update("tenant-1".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertTrue(new Shard((int) (crc.getValue() % 7) + 1, 7).keeps("tenant-1"));
    }

    @Test
    void unsetIsTheWholeList() {
        assertEquals(Shard.ALL, Shard.parse(null));
        assertEquals(Shard.ALL, Shard.parse(" "));
        assertEquals(10, Shard.parse("1/1").of(fleet(10)).size());
    }

    @Test
    void badSyntaxIsAClearError() {
        for (String bad : List.of("3", "0/3", "4/3", "a/b", "1/0", "-1/3", "1/3/4", "1 of 3")) {
            String message = assertThrows(WriterflowException.class, () -> Shard.parse(bad), bad).getMessage();
            assertTrue(message.contains("writerflow.shard is '"), message);
            assertTrue(message.contains("INDEX/COUNT"), message);
        }
    }
}
