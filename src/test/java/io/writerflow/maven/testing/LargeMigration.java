package io.writerflow.maven.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * A drizzle directory whose second migration is one large data migration: multi-row INSERTs of about 500 bytes
 * each, in drizzle-kit's layout (100,000 of them make a 50 MB file), and an apply of it in a JVM of its own
 * with a given heap, which is what tells whether apply streams the file or holds it.
 */
public final class LargeMigration {

    public static final int ROWS_PER_INSERT = 5;
    public static final String TABLE = "items";

    private LargeMigration() {
    }

    /** Writes {@code project/drizzle} with the table's migration and {@code inserts} INSERTs; returns the directory. */
    public static Path write(Path project, int inserts) throws IOException {
        String note = "x".repeat(33);
        DrizzleDirectory drizzle = DrizzleDirectory.journal(project.resolve("drizzle"))
                .migration("0000_items", "CREATE TABLE `" + TABLE + "` (`id` integer PRIMARY KEY NOT NULL, `name`"
                        + " text NOT NULL, `note` text);\n");
        return drizzle.migration("0001_fill", DrizzleDirectory.FIRST_WHEN + 1, out -> {
            long id = 0;
            for (int i = 0; i < inserts; i++) {
                out.write(i == 0 ? "" : "\n--> statement-breakpoint\n");
                out.write("INSERT INTO `" + TABLE + "` (`id`, `name`, `note`) VALUES ");
                for (int r = 0; r < ROWS_PER_INSERT; r++) {
                    id++;
                    out.write((r == 0 ? "" : ", ") + "(" + id + ", 'item ''" + id + "'' of the fill', '" + note
                            + "; " + id + "')");
                }
                out.write(";");
            }
        }).root();
    }

    /** The outcome of one apply in a child JVM: its exit code, what it printed and its wall time. */
    public record Run(int exitCode, String output, double millis) {
        public boolean succeeded() {
            return exitCode == 0 && output.lines().anyMatch(l -> l.endsWith(" done"));
        }

        public boolean ranOutOfMemory() {
            return output.contains("OutOfMemoryError");
        }

        /** The apply's own time as the child printed it (from loading its main class to "done"), or -1. */
        public double ownMillis() {
            return output.lines().filter(l -> l.matches("\\+\\d+ms done")).findFirst()
                    .map(l -> Double.parseDouble(l.substring(1, l.indexOf("ms")))).orElse(-1.0);
        }
    }

    /**
     * Applies {@code drizzle} to {@code url} in a JVM with {@code heapMb} of heap (the engine's own child-JVM
     * entry point, {@code engine.ApplyProcess}).
     *
     * @param classpath the classpath holding the plugin and its test classes
     */
    public static Run applyInChildJvm(Path drizzle, String url, int heapMb, String classpath, long timeoutSeconds)
            throws IOException, InterruptedException {
        Path output = Files.createTempFile("large-apply-", ".out");
        try {
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-Xmx" + heapMb + "m", "-cp", classpath,
                    "io.writerflow.maven.engine.ApplyProcess", drizzle.toString(), url, "60", "60"));
            long start = System.nanoTime();
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile())
                    .start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                return new Run(-1, "timed out after " + timeoutSeconds + " s\n" + Files.readString(output),
                        (System.nanoTime() - start) / 1e6);
            }
            return new Run(process.exitValue(), Files.readString(output), (System.nanoTime() - start) / 1e6);
        } finally {
            Files.deleteIfExists(output);
        }
    }

    /** The size of a file in MB, for reports. */
    public static String megabytes(Path file) throws IOException {
        return String.format(Locale.ROOT, "%.1f MB", Files.size(file) / 1e6);
    }
}
