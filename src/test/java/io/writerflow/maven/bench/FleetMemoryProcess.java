package io.writerflow.maven.bench;

import io.writerflow.maven.fleet.FleetOperation;
import io.writerflow.maven.fleet.FleetReport;
import io.writerflow.maven.fleet.FleetResult;
import io.writerflow.maven.fleet.FleetRunner;
import io.writerflow.maven.fleet.FleetSummary;
import io.writerflow.maven.fleet.FleetTarget;
import io.writerflow.maven.fleet.Shard;
import io.writerflow.maven.fleet.TargetList;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code FleetMemoryProcess <count> <report file>}: a fleet of {@code count} targets read from a list, run by the
 * real runner with 16 at a time against simulated endpoints (each "applies" 10 migrations after 1 ms), then the
 * summary and the report; prints the wall time and the peak heap of all heap pools.
 */
public final class FleetMemoryProcess {

    private FleetMemoryProcess() {
    }

    public static void main(String[] args) {
        int count = Integer.parseInt(args[0]);
        long start = System.nanoTime();
        List<String> lines = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            lines.add(String.format(Locale.ROOT, "tenant-%05d libsql://tenant-%05d-acme.turso.io", i, i));
        }
        List<FleetTarget> targets = TargetList.parse(lines, "fleet.txt", Path.of("."));
        lines = null;
        List<String> tags = new ArrayList<>();
        for (int m = 0; m < 10; m++) {
            tags.add(String.format(Locale.ROOT, "%04d_step_%d", m, m));
        }
        FleetOperation simulated = target -> {
            Thread.sleep(1);
            return new FleetOperation.Outcome(Optional.empty(), Optional.of(tags.get(9)), tags);
        };
        FleetResult result = new FleetRunner(16, 0, 0).run(targets, simulated, FleetRunner.Listener.NONE);
        FleetSummary.lines("apply", result).forEach(line -> { });
        FleetReport.write(Path.of(args[1]), "apply", Shard.parse(null), result, Instant.now());
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf(Locale.ROOT, "%d ok in %.1f s, peak heap %.1f MB", result.databases().size(),
                (System.nanoTime() - start) / 1e9, peak / 1e6);
    }
}
