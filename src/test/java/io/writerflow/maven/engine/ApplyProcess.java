package io.writerflow.maven.engine;

import io.writerflow.maven.WriterflowException;
import io.writerflow.maven.settings.DatabaseUrl;
import io.writerflow.maven.testing.TestSettings;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * One apply in a JVM of its own, for {@link ConcurrentApplyTest}: {@code ApplyProcess <drizzle dir> <database URL>
 * <lock timeout seconds> <lease seconds>} (seconds may have a fraction). Prints "notice: ..." for each notice and
 * "applied: TAG" for each migration as it commits, then "done" (each line prefixed with "+Nms ", the time since the
 * JVM loaded this class); exits 0 on success, 1 with the message on a WriterflowException.
 */
public final class ApplyProcess {

    private ApplyProcess() {
    }

    public static void main(String[] args) {
        if (args.length != 4) {
            System.out.println("usage: ApplyProcess <drizzle dir> <database URL> <lock timeout s> <lease s>");
            System.exit(2);
        }
        Path drizzle = Path.of(args[0]).toAbsolutePath();
        DatabaseUrl url = TestSettings.url(args[1], drizzle.getParent());
        EngineSettings settings = new EngineSettings(drizzle, "drizzle", url, "the test", Optional.empty(), "nowhere",
                TestSettings.HISTORY, "tester", seconds(args[2]), seconds(args[3]));
        MigrationEngine engine = new MigrationEngine(settings, notice -> say("notice: " + notice));
        try {
            engine.apply(engine.loadDirectory(), m -> say("applied: " + m.tag()));
            say("done");
            System.exit(0);
        } catch (WriterflowException e) {
            say("failed: " + e.getMessage());
            System.exit(1);
        }
    }

    private static Duration seconds(String value) {
        return Duration.ofMillis(Math.round(Double.parseDouble(value) * 1000));
    }

    private static final long START = System.nanoTime();

    private static synchronized void say(String line) {
        System.out.println("+" + (System.nanoTime() - START) / 1_000_000 + "ms " + line);
        System.out.flush();
    }
}
