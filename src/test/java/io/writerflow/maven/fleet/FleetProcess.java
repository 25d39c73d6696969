package io.writerflow.maven.fleet;

import io.writerflow.maven.engine.ApplyOptions;
import io.writerflow.maven.engine.EngineSettings;
import io.writerflow.maven.engine.MigrationEngine;
import io.writerflow.maven.testing.TestSettings;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A fleet apply in a JVM of its own, for {@link FleetCrashTest} to kill: {@code FleetProcess <drizzle dir>
 * <targets file> <parallel> <lease seconds>}. Prints "done NAME STATUS" as each database ends, then "finished";
 * exits 0 when every database succeeded, else 1.
 */
public final class FleetProcess {

    private FleetProcess() {
    }

    public static void main(String[] args) {
        Path drizzle = Path.of(args[0]).toAbsolutePath();
        Path list = Path.of(args[1]).toAbsolutePath();
        int parallel = Integer.parseInt(args[2]);
        Duration lease = Duration.ofSeconds(Long.parseLong(args[3]));
        List<FleetTarget> targets = TargetList.read(list, list.getFileName().toString(), drizzle.getParent());
        EngineOperations operations = new EngineOperations(target -> settings(drizzle, target, lease),
                new MigrationEngine(settings(drizzle, targets.get(0), lease)).loadDirectory());
        FleetResult result = new FleetRunner(parallel, 0, targets.size()).run(targets,
                operations.apply(ApplyOptions.NONE), done -> say("done " + done.name() + " " + done.status().label()));
        say("finished");
        System.exit(result.allOk() ? 0 : 1);
    }

    static EngineSettings settings(Path drizzle, FleetTarget target, Duration lease) {
        return new EngineSettings(drizzle, "drizzle", target.url(), "the test", Optional.empty(), "nowhere",
                TestSettings.HISTORY, "tester", Duration.ofSeconds(60), lease);
    }

    private static synchronized void say(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
